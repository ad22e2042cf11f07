package org.endorsements.command.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads {@code Authorization: Bearer <key>} (RFC 6750). No Authorization header, or another scheme, is an anonymous
 * request; a Bearer header that is not exactly one well-formed token is a failed authentication. Spring Security's
 * own bearer resolver lives in the OAuth2 resource-server module, which this service does not otherwise need.
 */
final class BearerKeyConverter implements AuthenticationConverter {

    private static final Pattern BEARER =
            Pattern.compile("^Bearer (?<token>[a-zA-Z0-9\\-._~+/]+=*)$", Pattern.CASE_INSENSITIVE);
    private static final String SCHEME = "bearer";
    private final int maxKeyLength;

    BearerKeyConverter(int maxKeyLength) {
        this.maxKeyLength = maxKeyLength;
    }

    @Override
    public Authentication convert(HttpServletRequest request) {
        List<String> headers = Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION));
        if (headers.isEmpty()) {
            return null;
        }
        if (headers.size() > 1) {
            throw new BadCredentialsException("more than one Authorization header");
        }
        String header = headers.get(0).strip();
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        var matcher = BEARER.matcher(header);
        if (!matcher.matches() || matcher.group("token").length() > maxKeyLength) {
            throw new BadCredentialsException("malformed bearer token");
        }
        return ApiKeyAuthentication.unauthenticated(matcher.group("token"));
    }
}
