package org.endorsements.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What the private credential topic (see {@code TOPIC.md}) says about one organization's API key: the SHA-256 of
 * the key, never the key itself. The record's Kafka key is the organization id; an organization has at most one
 * active key, so compaction keeps exactly its current state. A tombstone (null value) or {@code active = false}
 * means the organization has no key that opens anything: revoked, rotated away or suspended.
 *
 * @param organizationId the organization the key acts for
 * @param credentialId   the credential's id (the command side's name for the key)
 * @param keyHash        lower-case hex SHA-256 of the key ({@link CanonicalText#sha256Hex(String)})
 * @param active         whether the key may be used
 */
public record CredentialDigest(String organizationId, String credentialId, String keyHash, boolean active) {

    /** Default name of the private, compacted topic; both services read it from their configuration. */
    public static final String DEFAULT_TOPIC = "endorsement-credentials";

    private static final ObjectMapper MAPPER =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public byte[] encode() {
        try {
            return MAPPER.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException when the bytes are not a digest with every field */
    public static CredentialDigest decode(byte[] value) {
        CredentialDigest digest;
        try {
            digest = MAPPER.readValue(value, CredentialDigest.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a credential digest", e);
        }
        if (digest.organizationId() == null || digest.credentialId() == null || digest.keyHash() == null) {
            throw new IllegalArgumentException("credential digest without organization, credential or hash");
        }
        return digest;
    }
}
