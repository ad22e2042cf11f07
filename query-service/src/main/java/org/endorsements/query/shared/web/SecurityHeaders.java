package org.endorsements.query.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;

/**
 * The headers every response carries. Spring Security's header writers set them on what passes its filter chain;
 * {@link #onRefusal} sets them on the answers written outside it (the firewall's refusals, Tomcat's own error
 * reports), which would otherwise go out without any.
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'";
    public static final String REFERRER_POLICY = "no-referrer";
    /**
     * The embeddable counter's policy: the default one, and any site may frame it. Only that page has it; every
     * other answer may not be framed at all (X-Frame-Options DENY).
     */
    public static final String EMBED_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY + "; frame-ancestors *";
    /** The paths of the embeddable counter: its address, and the page that address forwards to. */
    public static final String[] EMBED_PATHS = {"/embed/statements/*", "/embed/statements/*/", "/embed.html"};

    /** A refusal is about one request only: nothing in it is for a cache to keep. */
    private static final Map<String, String> ON_REFUSALS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", REFERRER_POLICY,
            "Cache-Control", "no-store",
            "X-Frame-Options", "DENY");

    private SecurityHeaders() {}

    public static void onRefusal(HttpServletResponse response) {
        ON_REFUSALS.forEach(response::setHeader);
    }
}
