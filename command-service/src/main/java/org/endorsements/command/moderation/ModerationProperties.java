package org.endorsements.command.moderation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxListSize most organizations one bulk invalidation names (its body stays within the body size limit)
 * @param jobLease    how long a running bulk job may go without reporting progress before it is reported as
 *                    interrupted (its instance stopped); far longer than one invalidation takes
 */
@ConfigurationProperties("endorsements.moderation")
public record ModerationProperties(
        @DefaultValue("2000") int maxListSize,
        @DefaultValue("60s") Duration jobLease) {}
