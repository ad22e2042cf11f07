package org.endorsements.events;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The read-your-writes token: the command service returns it with every write (header {@link #HEADER}), the query
 * service's reads accept it as {@code minPosition} and answer once the views include that aggregate's event at
 * {@code sequence}. Opaque to clients: base64url (no padding) of {@code v1|<aggregate type>|<aggregate id>|<sequence>}.
 */
public record ConsistencyToken(AggregateType aggregateType, String aggregateId, long sequence) {

    public static final String HEADER = "X-Event-Position";
    private static final String VERSION = "v1";
    private static final String FIELD_SEPARATOR = "|";

    public ConsistencyToken {
        Objects.requireNonNull(aggregateType, "aggregateType");
        if (aggregateId == null || aggregateId.isEmpty() || aggregateId.contains(FIELD_SEPARATOR)) {
            throw new IllegalArgumentException("an aggregate id is non-empty and holds no " + FIELD_SEPARATOR);
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("a sequence number is not negative");
        }
    }

    public String encode() {
        String raw =
                String.join(FIELD_SEPARATOR, VERSION, aggregateType.wireName(), aggregateId, Long.toString(sequence));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a token written by {@link #encode()}. Any other value (not base64url, another version, an aggregate
     * type that is not on the topic, a sequence that is not a number) is refused with an
     * {@link IllegalArgumentException}: a token that could never be reached must not hold a waiter's place.
     */
    public static ConsistencyToken parse(String value) {
        if (value == null) {
            throw new IllegalArgumentException("no token");
        }
        String raw = new String(Base64.getUrlDecoder().decode(value.strip()), StandardCharsets.UTF_8);
        String[] parts = raw.split("\\" + FIELD_SEPARATOR, -1);
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            throw new IllegalArgumentException("unknown token version");
        }
        AggregateType type = AggregateType.fromWireName(parts[1])
                .orElseThrow(() -> new IllegalArgumentException("unknown aggregate type"));
        return new ConsistencyToken(type, parts[2], Long.parseLong(parts[3]));
    }
}
