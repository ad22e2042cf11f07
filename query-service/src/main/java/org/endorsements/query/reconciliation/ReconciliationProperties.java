package org.endorsements.query.reconciliation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The schedule ({@code endorsements.reconciliation.interval}) is read by {@code @Scheduled} itself.
 *
 * @param confirmationTimeout how long a re-check waits for the live projection to pause (between two batches)
 *                            before it reports what it found unconfirmed
 */
@ConfigurationProperties("endorsements.reconciliation")
public record ReconciliationProperties(@DefaultValue("10s") Duration confirmationTimeout) {}
