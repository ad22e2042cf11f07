package org.endorsements.command.shared.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The consistency token of a write ({@code X-Event-Position}): which aggregate and which of its sequence numbers
 * the views must have reached to include the write. Opaque to clients; the query service decodes it.
 * Format before base64url: {@code v1|<aggregate type>|<aggregate id>|<sequence>}.
 */
public final class EventPosition {

    public static final String HEADER = "X-Event-Position";

    private EventPosition() {
    }

    public static String token(String aggregateType, String aggregateId, long sequence) {
        String raw = "v1|" + aggregateType + "|" + aggregateId + "|" + sequence;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
