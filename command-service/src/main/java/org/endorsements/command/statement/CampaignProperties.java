package org.endorsements.command.statement;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the command side keeps goals and deadlines (docs/decisions/0015).
 *
 * @param goalCheckDelay longest wait between an endorsement's commit and the goal check it triggers; checks of
 *                       one statement within it are merged, so a burst of endorsements costs one count
 * @param sweepInterval  how often passed closing times are looked up: the longest a statement stays open past its
 *                       closing time
 */
@ConfigurationProperties("endorsements.campaigns")
public record CampaignProperties(
        @DefaultValue("200ms") Duration goalCheckDelay,
        @DefaultValue("1s") Duration sweepInterval) {}
