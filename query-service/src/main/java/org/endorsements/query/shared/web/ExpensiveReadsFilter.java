package org.endorsements.query.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Releases the {@link ExpensiveReads} permits of a request when the request ends: at the end of its dispatch when
 * it did not go async, else when its last async cycle completes, times out or fails. A permit released only by
 * the code that streams the answer would be lost whenever that code never runs (a streaming task cancelled at
 * a timeout, or refused by a full executor).
 */
@Component
class ExpensiveReadsFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ExpensiveReads.Held held = new ExpensiveReads.Held();
        request.setAttribute(ExpensiveReads.HELD, held);
        boolean async = false;
        try {
            chain.doFilter(request, response);
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(held);
                async = true;
            }
        } finally {
            if (!async) {
                held.end();
            }
        }
    }
}
