package org.endorsements.query.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockAsyncContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ExpensiveReadsTest {

    private static final int MAX = 4;

    private final ExpensiveReads expensive =
            new ExpensiveReads(new ExpensiveReads.Properties(MAX, 1, Duration.ofSeconds(1)));
    private final ExpensiveReadsFilter filter = new ExpensiveReadsFilter();

    private static MockHttpServletRequest request(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/statements/s/endorsements.csv");
        request.setRemoteAddr(address);
        request.setAsyncSupported(true);
        return request;
    }

    /** Runs {@code chain} through the filter, as the container would for a new request. */
    private void dispatch(MockHttpServletRequest request, FilterChain chain) throws Exception {
        filter.doFilter(request, new MockHttpServletResponse(), chain);
    }

    private static void fire(
            MockHttpServletRequest request, java.util.function.BiConsumer<AsyncListener, AsyncEvent> event) {
        MockAsyncContext context = (MockAsyncContext) request.getAsyncContext();
        for (AsyncListener listener : context.getListeners()) {
            event.accept(listener, new AsyncEvent(context));
        }
    }

    @Test
    void aPermitIsReleasedOnceWhenItsRequestTimesOutBeforeItsStreamEverRan() throws Exception {
        MockHttpServletRequest request = request("10.0.0.1");
        // The handler took the permit and went async; the task that would write (and release) never runs.
        dispatch(request, (req, res) -> {
            req.startAsync();
            expensive.acquire(request);
        });
        assertThat(expensive.available()).isEqualTo(MAX - 1);

        fire(request, (listener, event) -> {
            try {
                listener.onTimeout(event);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        ((MockAsyncContext) request.getAsyncContext()).complete();

        assertThat(expensive.available()).isEqualTo(MAX);
    }

    @Test
    void aPermitIsReleasedWhenItsRequestFailsBeforeGoingAsync() {
        MockHttpServletRequest request = request("10.0.0.1");

        assertThatThrownBy(() -> dispatch(request, (req, res) -> {
                    expensive.acquire(request);
                    throw new IllegalStateException("the handler failed after taking its permit");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(expensive.available()).isEqualTo(MAX);
    }

    @Test
    void aSecondLargeReadFromOneAddressIsA429WhileAnotherAddressGetsAPermit() throws Exception {
        MockHttpServletRequest first = request("10.0.0.1");
        dispatch(first, (req, res) -> {
            req.startAsync();
            expensive.acquire(first);
        });

        MockHttpServletRequest second = request("10.0.0.1");
        assertThatThrownBy(() -> dispatch(second, (req, res) -> expensive.acquire(second)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                    assertThat(e.code()).isEqualTo("too-many-large-reads-from-address");
                    assertThat(e.retryAfterSeconds()).isEqualTo(1L);
                });
        MockHttpServletRequest other = request("10.0.0.2");
        dispatch(other, (req, res) -> {
            req.startAsync();
            expensive.acquire(other);
        });

        assertThat(expensive.available()).isEqualTo(MAX - 2);
    }

    @Test
    void aPermitAskedForAfterItsRequestEndedIsRefusedAndNotKept() throws Exception {
        MockHttpServletRequest request = request("10.0.0.1");
        dispatch(request, (req, res) -> req.startAsync());
        // The client went away while the read waited for its position; the read then asks for its permit.
        ((MockAsyncContext) request.getAsyncContext()).complete();

        assertThatThrownBy(() -> expensive.acquire(request)).isInstanceOf(ProblemException.class);
        assertThat(expensive.available()).isEqualTo(MAX);
        MockHttpServletRequest next = request("10.0.0.1");
        dispatch(next, (req, res) -> expensive.acquire(next));
    }
}
