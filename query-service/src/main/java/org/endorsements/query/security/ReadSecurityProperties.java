package org.endorsements.query.security;

import java.time.Duration;
import org.endorsements.events.CredentialDigest;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param auditorKey        key that unlocks the audit trail and withdrawn signatories ({@code ENDORSEMENTS_AUDITOR_KEY})
 * @param adminKey          key for replay and reconciliation ({@code ENDORSEMENTS_ADMIN_KEY})
 * @param credentialDigests the private topic organizations' keys are checked against
 * @param failedAuthentication how many requests per client address may fail authentication
 * @param anonymous         how many requests without a key a client address may make
 */
@ConfigurationProperties("endorsements.security")
public record ReadSecurityProperties(
        String auditorKey,
        String adminKey,
        @DefaultValue CredentialDigests credentialDigests,
        @DefaultValue FailedAuthentication failedAuthentication,
        @DefaultValue Anonymous anonymous) {

    /**
     * @param topic        compacted topic of credential digests, the same as the command service's
     * @param replicas     replication factor if this service creates the topic (the command service usually does)
     * @param pollTimeout  how long one poll of the topic waits; also bounds how late the reader notices a stop
     * @param retryInterval wait before reading again after the broker could not be reached
     */
    public record CredentialDigests(
            @DefaultValue(CredentialDigest.DEFAULT_TOPIC) String topic,
            @DefaultValue("1") short replicas,
            @DefaultValue("200ms") Duration pollTimeout,
            @DefaultValue("1s") Duration retryInterval) {}

    /**
     * @param requests      failed authentications a client address may have per period, then 429
     * @param period        the period over which {@code requests} refill
     * @param maxAddresses  client addresses remembered at once (least recently seen forgotten first)
     */
    public record FailedAuthentication(
            @DefaultValue("20") long requests,
            @DefaultValue("1m") Duration period,
            @DefaultValue("100000") long maxAddresses) {}

    /**
     * @param requests      requests without a key a client address may make per period, then 429; generous, since
     *                      a dashboard, a bench or everyone behind one NAT reads anonymously
     * @param period        the period over which {@code requests} refill
     * @param maxAddresses  client addresses remembered at once (least recently seen forgotten first)
     */
    public record Anonymous(
            @DefaultValue("30000") long requests,
            @DefaultValue("1m") Duration period,
            @DefaultValue("100000") long maxAddresses) {}
}
