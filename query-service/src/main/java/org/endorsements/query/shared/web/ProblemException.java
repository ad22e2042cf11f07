package org.endorsements.query.shared.web;

import org.springframework.http.HttpStatus;

/** Ends a request with a problem response; the message is a fixed text written for clients. */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Long retryAfterSeconds;

    public ProblemException(HttpStatus status, String code, String detail) {
        this(status, code, detail, null);
    }

    public ProblemException(HttpStatus status, String code, String detail, Long retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "No such " + what + ".");
    }

    public static ProblemException badRequest(String code, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, code, detail);
    }
}
