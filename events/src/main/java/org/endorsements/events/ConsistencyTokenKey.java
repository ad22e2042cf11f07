package org.endorsements.events;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key both services share to sign and check {@link ConsistencyToken}s (HMAC-SHA256): the command service signs
 * every position it answers with, the query service waits only for positions that verify. Configured as
 * {@code endorsements.consistency-token.key} ({@code ENDORSEMENTS_CONSISTENCY_KEY}, at least
 * {@value #MIN_SECRET_LENGTH} characters); when that is unset both services derive it from the admin key they
 * already share, so that no deployment needs one more secret for it. The derivation is an HMAC of a fixed label
 * under the admin key: the derived key does not give the admin key away.
 */
public final class ConsistencyTokenKey {

    public static final int MIN_SECRET_LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final String DERIVATION_LABEL = "endorsements consistency-token key v1";

    private final SecretKeySpec key;

    private ConsistencyTokenKey(byte[] secret) {
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /** The configured key when there is one, else the one derived from the admin key. */
    public static ConsistencyTokenKey fromConfiguration(String configuredKey, String adminKey) {
        if (configuredKey != null && !configuredKey.isBlank()) {
            if (configuredKey.strip().length() < MIN_SECRET_LENGTH) {
                throw new IllegalArgumentException(
                        "endorsements.consistency-token.key must be at least " + MIN_SECRET_LENGTH + " characters");
            }
            return new ConsistencyTokenKey(configuredKey.strip().getBytes(StandardCharsets.UTF_8));
        }
        if (adminKey == null || adminKey.isBlank()) {
            throw new IllegalArgumentException(
                    "no key for consistency tokens: set ENDORSEMENTS_CONSISTENCY_KEY or ENDORSEMENTS_ADMIN_KEY");
        }
        return new ConsistencyTokenKey(hmac(
                adminKey.strip().getBytes(StandardCharsets.UTF_8), DERIVATION_LABEL.getBytes(StandardCharsets.UTF_8)));
    }

    /** The token of an aggregate's event at {@code sequence}, tagged. */
    public ConsistencyToken sign(AggregateType aggregateType, String aggregateId, long sequence) {
        ConsistencyToken unsigned = new ConsistencyToken(aggregateType, aggregateId, sequence);
        return new ConsistencyToken(aggregateType, aggregateId, sequence, tagOf(unsigned));
    }

    /** Whether the token carries the tag this key gives its fields (compared in constant time). */
    public boolean verifies(ConsistencyToken token) {
        if (!token.signed()) {
            return false;
        }
        return MessageDigest.isEqual(
                tagOf(token).getBytes(StandardCharsets.US_ASCII), token.tag().getBytes(StandardCharsets.US_ASCII));
    }

    private String tagOf(ConsistencyToken token) {
        byte[] mac = hmac(key, token.signedFields().getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        return hmac(new SecretKeySpec(key, ALGORITHM), message);
    }

    private static byte[] hmac(SecretKeySpec key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
