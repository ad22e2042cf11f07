package org.endorsements.events;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The bearer key the query service presents to the command service's internal endpoints (the data keys that open
 * personal fields). Configured as {@code ENDORSEMENTS_SERVICE_KEY} (at least {@value #MIN_LENGTH} characters) on
 * both; unset, both derive it from the admin key they already share, as {@link ConsistencyTokenKey} does, so that
 * no deployment needs one more secret for it (the derived key does not give the admin key away).
 */
public final class ServiceKey {

    public static final int MIN_LENGTH = 32;
    private static final String DERIVATION_LABEL = "endorsements internal service key v1";

    private final String value;

    private ServiceKey(String value) {
        this.value = value;
    }

    public static ServiceKey fromConfiguration(String configuredKey, String adminKey) {
        if (configuredKey != null && !configuredKey.isBlank()) {
            if (configuredKey.strip().length() < MIN_LENGTH) {
                throw new IllegalArgumentException(
                        "ENDORSEMENTS_SERVICE_KEY must be at least " + MIN_LENGTH + " characters");
            }
            return new ServiceKey(configuredKey.strip());
        }
        if (adminKey == null || adminKey.isBlank()) {
            throw new IllegalArgumentException(
                    "no internal service key: set ENDORSEMENTS_SERVICE_KEY or ENDORSEMENTS_ADMIN_KEY");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(adminKey.strip().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] derived = mac.doFinal(DERIVATION_LABEL.getBytes(StandardCharsets.UTF_8));
            return new ServiceKey(
                    "sk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(derived));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The bearer token to send. */
    public String bearerToken() {
        return value;
    }

    /** Whether a presented token is this key (compared in constant time). */
    public boolean matches(String presented) {
        return presented != null
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "ServiceKey[hidden]";
    }
}
