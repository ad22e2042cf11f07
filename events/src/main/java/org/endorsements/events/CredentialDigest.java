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
 * @param keyHash        {@link #keyHashOf(String)} of the key
 * @param active         whether the key may be used
 */
public record CredentialDigest(String organizationId, String credentialId, String keyHash, boolean active) {

    /** Default name of the private, compacted topic; both services read it from their configuration. */
    public static final String DEFAULT_TOPIC = "endorsement-credentials";

    private static final String KEY_DIGEST_ALGORITHM = "SHA-256";

    private static final ObjectMapper MAPPER =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * The digest of an API key as both services store and compare it: lower-case hex of the SHA-256 of the key's
     * UTF-8 bytes. A contract of its own (the registry stores it, this topic carries it, the query service
     * compares it), so it never follows how statement texts are hashed.
     */
    public static String keyHashOf(String key) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance(KEY_DIGEST_ALGORITHM)
                    .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships " + KEY_DIGEST_ALGORITHM, e);
        }
    }

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
