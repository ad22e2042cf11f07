package org.endorsements.query.shared.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.endorsements.query.projection.persistence.AppliedPositions;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes: a read with {@code minPosition} (the {@code X-Event-Position} of a write) waits until the
 * views include that write, or answers 503 with {@code Retry-After} after the configured time.
 */
@Component
public class ConsistencyGate {

    @ConfigurationProperties("endorsements.read-your-writes")
    public record Properties(@DefaultValue("5s") Duration maxWait, @DefaultValue("10ms") Duration pollInterval) {
    }

    private static final long RETRY_AFTER_SECONDS = 1;

    private final AppliedPositions positions;
    private final Properties properties;

    ConsistencyGate(AppliedPositions positions, Properties properties) {
        this.positions = positions;
        this.properties = properties;
    }

    public void awaitPosition(String minPosition) {
        if (minPosition == null || minPosition.isBlank()) {
            return;
        }
        Token token = Token.parse(minPosition);
        long deadline = System.nanoTime() + properties.maxWait().toNanos();
        while (positions.appliedSequence(token.aggregateType(), token.aggregateId()).orElse(-1L) < token.sequence()) {
            if (System.nanoTime() > deadline) {
                throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "not-yet-consistent",
                        "The views do not include that write yet; retry shortly.", RETRY_AFTER_SECONDS);
            }
            try {
                Thread.sleep(properties.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "not-yet-consistent",
                        "The views do not include that write yet; retry shortly.", RETRY_AFTER_SECONDS);
            }
        }
    }

    /** {@code v1|<aggregate type>|<aggregate id>|<sequence>}, base64url, as the command service writes it. */
    record Token(String aggregateType, String aggregateId, long sequence) {

        static Token parse(String value) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(value.strip()), StandardCharsets.UTF_8);
                String[] parts = raw.split("\\|", -1);
                if (parts.length != 4 || !"v1".equals(parts[0])) {
                    throw new IllegalArgumentException("unknown token version");
                }
                return new Token(parts[1], parts[2], Long.parseLong(parts[3]));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("invalid-min-position",
                        "minPosition must be an X-Event-Position value returned by the command service.");
            }
        }
    }
}
