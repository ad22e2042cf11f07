package org.endorsements.query.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.endorsements.events.CanonicalText;
import org.endorsements.query.shared.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads are public without a key; a key, when sent, must be the auditor's or the admin's (else 401). The resolved
 * {@link Reader} is put on the request; endpoints decide what each reader may see.
 */
@Component
class ReaderFilter extends OncePerRequestFilter {

    static final String READER_ATTRIBUTE = Reader.class.getName();
    private static final String BEARER = "Bearer ";

    private final String auditorKeyHash;
    private final String adminKeyHash;
    private final ObjectMapper json;
    private final OrganizationKeys organizationKeys;

    ReaderFilter(ReadSecurityProperties properties, ObjectMapper json, OrganizationKeys organizationKeys) {
        this.organizationKeys = organizationKeys;
        if (!StringUtils.hasText(properties.auditorKey()) || !StringUtils.hasText(properties.adminKey())) {
            throw new IllegalStateException("No auditor or admin key configured: set ENDORSEMENTS_AUDITOR_KEY and "
                    + "ENDORSEMENTS_ADMIN_KEY (./endorsements up generates both)");
        }
        this.auditorKeyHash = CanonicalText.sha256Hex(properties.auditorKey());
        this.adminKeyHash = CanonicalText.sha256Hex(properties.adminKey());
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        Reader reader = Reader.PUBLIC;
        if (header != null) {
            if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                unauthorized(response);
                return;
            }
            String presented = header.substring(BEARER.length()).strip();
            String hash = CanonicalText.sha256Hex(presented);
            java.util.Optional<String> organization;
            if (same(hash, adminKeyHash)) {
                reader = Reader.ADMIN;
            } else if (same(hash, auditorKeyHash)) {
                reader = Reader.AUDITOR;
            } else if ((organization = organizationKeys.organizationOf(presented)).isPresent()) {
                reader = Reader.ORGANIZATION;
                request.setAttribute(Reader.ORGANIZATION_ATTRIBUTE, organization.get());
            } else {
                unauthorized(response);
                return;
            }
        }
        request.setAttribute(READER_ATTRIBUTE, reader);
        chain.doFilter(request, response);
    }

    private void unauthorized(HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Problems.of(HttpStatus.UNAUTHORIZED, "invalid-credentials",
                "The API key is not valid here; public reads need no key."));
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
