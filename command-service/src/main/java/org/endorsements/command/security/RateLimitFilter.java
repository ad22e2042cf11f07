package org.endorsements.command.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.endorsements.events.Caller;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs after authentication: a request with a valid key spends its organization's (or the admin's) budget, any
 * other its client address's. Failed authentications never get here; {@link #failedAuthentication} charges them.
 * The client address is the connection's, unless the operator enables {@code server.forward-headers-strategy}
 * behind a trusted proxy.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final SecurityProblems problems;
    private final RequestMatcher exempt;

    /** @param exempt requests that spend no budget (the orchestrator's probes) */
    RateLimitFilter(RateLimiter limiter, SecurityProblems problems, RequestMatcher exempt) {
        this.limiter = limiter;
        this.problems = problems;
        this.exempt = exempt;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return exempt.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller =
                ApiKeyAuthentication.callerOf(SecurityContextHolder.getContext().getAuthentication());
        Optional<Duration> wait;
        try {
            wait = caller != null ? limiter.tryAcquire(caller) : limiter.tryAcquireForAddress(request.getRemoteAddr());
        } catch (RuntimeException bucketsUnavailable) {
            problems.rateLimitUnavailable(response);
            return;
        }
        if (wait.isPresent()) {
            problems.tooManyRequests(response, wait.get());
            return;
        }
        chain.doFilter(request, response);
    }

    /** The failure handler of the authentication filter: a bad key costs its address a token, then is a 401. */
    void failedAuthentication(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Duration> wait;
        try {
            wait = limiter.tryAcquireForAddress(request.getRemoteAddr());
        } catch (RuntimeException bucketsUnavailable) {
            problems.rateLimitUnavailable(response);
            return;
        }
        if (wait.isPresent()) {
            problems.tooManyRequests(response, wait.get());
        } else {
            problems.invalidCredentials(response);
        }
    }
}
