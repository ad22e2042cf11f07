package org.endorsements.command.shared.web;

import java.io.IOException;

/**
 * A request body grew past the configured limit while it was read. An {@link IOException}, so that the JSON reader
 * passes it on (wrapped) instead of taking it for malformed JSON; {@link ProblemHandler} answers 413.
 */
public class BodyTooLargeException extends IOException {

    private final long maxBytes;

    public BodyTooLargeException(long maxBytes) {
        super("request body larger than " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
