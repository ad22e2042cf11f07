package org.endorsements.command.security;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;

/**
 * The headers every response carries: answers hold API keys and private records, and nothing here is meant to be
 * framed, sniffed, cached or to leak its address in a Referer. Spring Security's header writers set them on what
 * passes its filter chain; {@link #apply} sets them on the answers written outside it (the firewall's refusals,
 * Tomcat's own error reports).
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; frame-ancestors 'none'";
    public static final String REFERRER_POLICY = "no-referrer";
    public static final String CACHE_CONTROL = "no-store";

    private static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", REFERRER_POLICY,
            "Cache-Control", CACHE_CONTROL,
            "X-Frame-Options", "DENY");

    private SecurityHeaders() {}

    public static void apply(HttpServletResponse response) {
        HEADERS.forEach(response::setHeader);
    }
}
