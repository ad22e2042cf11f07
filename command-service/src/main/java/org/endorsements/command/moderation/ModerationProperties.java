package org.endorsements.command.moderation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxListSize most organizations one bulk invalidation names (its body stays within the body size limit)
 * @param keptJobs    how many finished bulk jobs this instance keeps to be polled; older ones answer 404
 */
@ConfigurationProperties("endorsements.moderation")
public record ModerationProperties(
        @DefaultValue("2000") int maxListSize,
        @DefaultValue("100") int keptJobs) {}
