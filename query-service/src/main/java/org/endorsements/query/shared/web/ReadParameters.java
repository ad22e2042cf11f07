package org.endorsements.query.shared.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.endorsements.events.SpoofingCharacters;

/** Query parameters read by hand: whatever a client sends, the answer is a 400 problem naming the parameter. */
public final class ReadParameters {

    /**
     * The instants a read accepts. {@link Instant} reaches a billion years, a MongoDB date (milliseconds in 64
     * bits) about 292 million: beyond that the query itself failed with a 500. Four-digit years are what
     * ISO-8601 promises without agreement and more than any campaign needs.
     */
    public static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");

    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    public static final int MAX_SEARCH_LENGTH = 100;

    private ReadParameters() {}

    /** {@code code}: the problem's type, e.g. {@code invalid-as-of}. */
    public static Instant instant(String name, String code, String value) {
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalidInstant(name, code);
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw invalidInstant(name, code);
        }
        return instant;
    }

    private static ProblemException invalidInstant(String name, String code) {
        return ProblemException.badRequest(
                code, name + " must be an ISO-8601 instant between years 0000 and 9999, e.g. 2026-11-28T12:00:00Z.");
    }

    /**
     * A search text: at most {@link #MAX_SEARCH_LENGTH} characters, no control characters (NUL among them) and no
     * half of a surrogate pair, which no name contains and which a database driver may refuse with an error, and no
     * bidirectional or zero-width formatting character, which no name contains either.
     */
    public static String search(String name, String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_SEARCH_LENGTH) {
            throw ProblemException.badRequest(
                    "invalid-search", name + " is limited to " + MAX_SEARCH_LENGTH + " characters.");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean loneSurrogate = Character.isHighSurrogate(c)
                    ? i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(++i))
                    : Character.isLowSurrogate(c);
            if (Character.isISOControl(c) || loneSurrogate) {
                throw ProblemException.badRequest(
                        "invalid-search", name + " must not contain control characters or unpaired surrogates.");
            }
        }
        if (SpoofingCharacters.containsAny(value)) {
            throw ProblemException.badRequest(
                    "invalid-search", name + " must not contain bidirectional or zero-width formatting characters.");
        }
        return value;
    }
}
