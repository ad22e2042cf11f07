package org.endorsements.http;

import java.io.IOException;
import java.util.Optional;

/**
 * An answer with another status than the caller expected, with the problem details the service gave. An
 * {@link IOException} like the failures of the exchange itself, so that a caller handles "the request did not do what
 * it should" in one place.
 */
public final class ProblemException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient ApiReply reply;

    ProblemException(String method, String path, ApiReply reply, String expected) {
        super(method + " " + path + " answered HTTP " + reply.status() + " (expected " + expected + ")"
                + reply.problem().map(p -> ": " + p).orElse(""));
        this.reply = reply;
    }

    public ApiReply reply() {
        return reply;
    }

    public int status() {
        return reply.status();
    }

    public Optional<Problem> problem() {
        return reply.problem();
    }
}
