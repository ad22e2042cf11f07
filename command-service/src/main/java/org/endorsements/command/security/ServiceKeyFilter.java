package org.endorsements.command.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.endorsements.command.shared.web.Problems;
import org.endorsements.events.ServiceKey;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The internal endpoints' authentication: the service key as a bearer token, and nothing else (no API key, the
 * admin's included, reaches them). Anything else is a 401 problem before the endpoint runs.
 */
final class ServiceKeyFilter extends OncePerRequestFilter {

    static final String ROLE = "SERVICE";
    private static final String BEARER = "Bearer ";

    private final ServiceKey serviceKey;
    private final ObjectMapper json;

    ServiceKeyFilter(ServiceKey serviceKey, ObjectMapper json) {
        this.serviceKey = serviceKey;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        String presented = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).strip()
                : null;
        if (!serviceKey.matches(presented)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            Problems.write(
                    response,
                    json,
                    Problems.of(
                            HttpStatus.UNAUTHORIZED,
                            "service-key-required",
                            "Internal endpoints answer the query service only: send its service key as a bearer token."));
            return;
        }
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "query-service", null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
        chain.doFilter(request, response);
    }
}
