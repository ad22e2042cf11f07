package org.endorsements.events;

/**
 * The types of the RFC 9457 problem details both services answer with, {@code urn:endorsements:problem:<code>}:
 * documented and stable, so that clients (the command line among them) can act on a type without parsing texts.
 */
public final class ProblemTypes {

    public static final String PREFIX = "urn:endorsements:problem:";

    private ProblemTypes() {}

    /** The full type of the problem with this code, e.g. {@code already-exists}. */
    public static String of(String code) {
        return PREFIX + code;
    }
}
