package org.endorsements.command.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.endorsements.command.shared.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** The problem answers of the security layer: 401, 403, 429, and 400 for what the firewall refuses. */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);

    private final ObjectMapper json;

    SecurityProblems(ObjectMapper json) {
        this.json = json;
    }

    /** No credentials (anonymous) on an endpoint that needs them. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        unauthorized(response, "missing-credentials", "Send an API key as 'Authorization: Bearer <key>'.");
    }

    /** Credentials that are malformed, unknown or revoked. */
    void invalidCredentials(HttpServletResponse response) throws IOException {
        unauthorized(response, "invalid-credentials", "The API key is not valid.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        Refusal refusal = exception instanceof AuthorizationDeniedException denied
                        && denied.getAuthorizationResult() instanceof Refusal r
                ? r
                : Refusal.NOT_AN_ENDPOINT;
        Problems.write(response, json, Problems.of(HttpStatus.FORBIDDEN, refusal.code(), refusal.detail()));
    }

    void tooManyRequests(HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        Problems.write(
                response,
                json,
                Problems.of(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "rate-limited",
                        "Too many requests; retry after " + seconds + " s."));
    }

    /**
     * The shared buckets could not be reached in time (their pool is busy, or PostgreSQL is down): refused, since a
     * request that spends no budget is what a flood would want.
     */
    void rateLimitUnavailable(HttpServletResponse response) throws IOException {
        log.warn("Rate-limit buckets unavailable; request refused");
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        Problems.write(
                response,
                json,
                Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "rate-limit-unavailable",
                        "The service is busy; retry after 1 s."));
    }

    void bodyTooLarge(HttpServletResponse response, long maxBytes) throws IOException {
        Problems.write(
                response,
                json,
                Problems.of(
                        HttpStatus.PAYLOAD_TOO_LARGE,
                        "body-too-large",
                        "Request bodies are limited to " + maxBytes + " bytes."));
    }

    /** Answered before Spring Security's header writers run, so the headers are set here. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException exception)
            throws IOException {
        log.debug("Request rejected by the firewall: {}", exception.getMessage());
        SecurityHeaders.apply(response);
        Problems.write(
                response,
                json,
                Problems.of(
                        HttpStatus.BAD_REQUEST,
                        "malformed-request",
                        "The request's address or headers are not acceptable."));
    }

    private void unauthorized(HttpServletResponse response, String code, String detail) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        Problems.write(response, json, Problems.of(HttpStatus.UNAUTHORIZED, code, detail));
    }
}
