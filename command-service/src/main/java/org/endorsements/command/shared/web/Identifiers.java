package org.endorsements.command.shared.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.StatementId;

/** Reads identifiers from requests, deriving them from names when a client gives none. */
public final class Identifiers {

    private static final int DERIVED_PREFIX_LENGTH = 60;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Identifiers() {}

    public static OrganizationId organizationId(String given, String name) {
        String value = given != null ? given : org.endorsements.events.Identifiers.slugOf(name == null ? "" : name);
        if (!org.endorsements.events.Identifiers.isSlug(value)) {
            throw new InvalidRequestException(
                    "invalid-identifier",
                    given != null
                            ? "organizationId must be 1-100 characters of a-z, 0-9 and inner dashes."
                            : "No organizationId can be derived from this name; give one.");
        }
        return OrganizationId.of(value);
    }

    /**
     * A new organization's handle: the one given, else the id given (an import's slug id is its handle), else the
     * slug of its name, the id organizations had before ids were opaque.
     */
    public static String handle(String given, String givenId, String name) {
        String value = given != null
                ? given
                : givenId != null ? givenId : org.endorsements.events.Identifiers.slugOf(name == null ? "" : name);
        if (!org.endorsements.events.Identifiers.isSlug(value)) {
            throw new InvalidRequestException(
                    "invalid-handle",
                    given != null
                            ? "handle must be 1-100 characters of a-z, 0-9 and inner dashes."
                            : "No handle can be derived from this name; give one.");
        }
        return value;
    }

    /** A given id, or one derived from the title plus a random suffix (titles repeat; statements must not). */
    public static StatementId statementId(String given, String title) {
        if (given != null) {
            if (!org.endorsements.events.Identifiers.isSlug(given)) {
                throw new InvalidRequestException(
                        "invalid-identifier", "statementId must be 1-100 characters of a-z, 0-9 and inner dashes.");
            }
            return StatementId.of(given);
        }
        String prefix = org.endorsements.events.Identifiers.slugOf(title == null ? "" : title);
        if (prefix.length() > DERIVED_PREFIX_LENGTH) {
            prefix = prefix.substring(0, DERIVED_PREFIX_LENGTH).replaceAll("-+$", "");
        }
        byte[] suffix = new byte[3];
        RANDOM.nextBytes(suffix);
        String hex = HexFormat.of().formatHex(suffix);
        return StatementId.of(prefix.isEmpty() ? "statement-" + hex : prefix + "-" + hex);
    }
}
