package org.endorsements.command.shared.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Group commit of {@link org.endorsements.command.shared.GroupCommitted} commands (decision 0017): {@code maxBatch}
 * commands at most in one transaction; {@code workers} batches decided at once, each worker owning a share of the
 * aggregates; disabled, every command runs alone as Axon's simple command bus runs it.
 */
@ConfigurationProperties("endorsements.commands.group-commit")
public record GroupCommitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("64") int maxBatch,
        @DefaultValue("2") int workers) {

    public GroupCommitProperties {
        if (maxBatch < 1 || workers < 1) {
            throw new IllegalArgumentException("group commit needs max-batch and workers of at least 1");
        }
    }
}
