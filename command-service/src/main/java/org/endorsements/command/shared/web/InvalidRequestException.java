package org.endorsements.command.shared.web;

/** A request that fails validation before any command is sent; its message is a fixed text safe for clients. */
public class InvalidRequestException extends RuntimeException {

    private final String code;

    public InvalidRequestException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
