package org.endorsements.events;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The read-your-writes token: the command service returns it with every write (header {@link #HEADER}), the query
 * service's reads accept it as {@code minPosition} and answer once the views include that aggregate's event at
 * {@code sequence}. Opaque to clients: base64url (no padding) of
 * {@code v2|<aggregate type>|<aggregate id>|<sequence>|<tag>}, where the tag is the command side's HMAC of the
 * fields before it ({@link ConsistencyTokenKey}). The query service waits only for a token whose tag verifies:
 * a position anybody could write would let them ask whether an aggregate has events (decision 0007).
 * <p>
 * {@code tag} is null for an unsigned token ({@code v1|<type>|<id>|<sequence>}), which clients can still read
 * and which the query service refuses. Clients need no key: they read a token and send it back as it was.
 */
public record ConsistencyToken(AggregateType aggregateType, String aggregateId, long sequence, String tag) {

    public static final String HEADER = "X-Event-Position";
    static final String UNSIGNED_VERSION = "v1";
    static final String SIGNED_VERSION = "v2";
    private static final String FIELD_SEPARATOR = "|";
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_-]{1,86}");

    public ConsistencyToken {
        Objects.requireNonNull(aggregateType, "aggregateType");
        if (aggregateId == null || aggregateId.isEmpty() || aggregateId.contains(FIELD_SEPARATOR)) {
            throw new IllegalArgumentException("an aggregate id is non-empty and holds no " + FIELD_SEPARATOR);
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("a sequence number is not negative");
        }
        if (tag != null && !TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("a tag is base64url");
        }
    }

    /** An unsigned token: what a client can build itself, and what the query service refuses. */
    public ConsistencyToken(AggregateType aggregateType, String aggregateId, long sequence) {
        this(aggregateType, aggregateId, sequence, null);
    }

    public boolean signed() {
        return tag != null;
    }

    /** The fields the tag covers, exactly as they are encoded. */
    String signedFields() {
        return String.join(
                FIELD_SEPARATOR, SIGNED_VERSION, aggregateType.wireName(), aggregateId, Long.toString(sequence));
    }

    public String encode() {
        String raw = signed()
                ? signedFields() + FIELD_SEPARATOR + tag
                : String.join(
                        FIELD_SEPARATOR,
                        UNSIGNED_VERSION,
                        aggregateType.wireName(),
                        aggregateId,
                        Long.toString(sequence));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a token written by {@link #encode()}, signed or not; whether its tag verifies is for
     * {@link ConsistencyTokenKey#verifies} to say. Any other value (not base64url, another version, an aggregate
     * type that is not on the topic, a sequence that is not a number) is refused with an
     * {@link IllegalArgumentException}: a token that could never be reached must not hold a waiter's place.
     */
    public static ConsistencyToken parse(String value) {
        if (value == null) {
            throw new IllegalArgumentException("no token");
        }
        String raw = new String(Base64.getUrlDecoder().decode(value.strip()), StandardCharsets.UTF_8);
        String[] parts = raw.split("\\" + FIELD_SEPARATOR, -1);
        boolean unsigned = parts.length == 4 && UNSIGNED_VERSION.equals(parts[0]);
        boolean signed = parts.length == 5 && SIGNED_VERSION.equals(parts[0]);
        if (!unsigned && !signed) {
            throw new IllegalArgumentException("unknown token version");
        }
        AggregateType type = AggregateType.fromWireName(parts[1])
                .orElseThrow(() -> new IllegalArgumentException("unknown aggregate type"));
        return new ConsistencyToken(type, parts[2], Long.parseLong(parts[3]), signed ? parts[4] : null);
    }
}
