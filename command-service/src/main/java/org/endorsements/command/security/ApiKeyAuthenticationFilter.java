package org.endorsements.command.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.endorsements.command.shared.Actor;
import org.endorsements.command.shared.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every {@code /api/**} request must carry {@code Authorization: Bearer <api key>}. The resolved {@link Actor} is
 * put on the request for controllers; what it may do is decided by the aggregates and controllers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String ACTOR_ATTRIBUTE = Actor.class.getName();
    private static final String BEARER = "Bearer ";

    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final ObjectMapper json;

    ApiKeyAuthenticationFilter(Authenticator authenticator, RateLimiter rateLimiter, ObjectMapper json) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            unauthorized(response, "missing-credentials", "Send an API key as 'Authorization: Bearer <key>'.");
            return;
        }
        Optional<Actor> actor = authenticator.authenticate(header.substring(BEARER.length()).strip());
        if (actor.isEmpty()) {
            unauthorized(response, "invalid-credentials", "The API key is not valid.");
            return;
        }
        Optional<Duration> wait = rateLimiter.tryAcquire(actor.get());
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            Problems.write(response, json, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                    "Too many requests for this API key; retry after " + seconds + " s."));
            return;
        }
        request.setAttribute(ACTOR_ATTRIBUTE, actor.get());
        chain.doFilter(request, response);
    }

    private void unauthorized(HttpServletResponse response, String code, String detail) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        Problems.write(response, json, Problems.of(HttpStatus.UNAUTHORIZED, code, detail));
    }
}
