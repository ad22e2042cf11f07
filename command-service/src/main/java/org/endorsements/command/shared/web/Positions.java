package org.endorsements.command.shared.web;

import org.endorsements.events.AggregateType;
import org.endorsements.events.ConsistencyToken;
import org.endorsements.events.ConsistencyTokenKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The {@link ConsistencyToken#HEADER} value of a write: the aggregate it changed and the sequence of its last event,
 * signed, so that the query service waits only for positions this service handed out (decision 0007).
 */
@Component
@EnableConfigurationProperties(Positions.Properties.class)
public class Positions {

    /** {@code key}: the key both services share; blank derives it from the admin key (see ConsistencyTokenKey). */
    @ConfigurationProperties("endorsements.consistency-token")
    public record Properties(String key) {}

    private final ConsistencyTokenKey key;

    Positions(Properties properties, @Value("${endorsements.security.admin-key:}") String adminKey) {
        this.key = ConsistencyTokenKey.fromConfiguration(properties.key(), adminKey);
    }

    public String of(AggregateType aggregateType, String aggregateId, long sequence) {
        return key.sign(aggregateType, aggregateId, sequence).encode();
    }
}
