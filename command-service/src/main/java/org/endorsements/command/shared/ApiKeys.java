package org.endorsements.command.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.endorsements.events.CredentialDigest;

/**
 * API keys: 256 random bits, shown once, stored and compared only as their digest, the events contract's
 * {@link CredentialDigest#keyHashOf(String)}, which the query service compares too.
 */
public final class ApiKeys {

    private static final int KEY_BYTES = 32;
    private static final int CREDENTIAL_ID_BYTES = 9;
    private static final String KEY_PREFIX = "ek_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {}

    public static String newKey() {
        return KEY_PREFIX + randomToken(KEY_BYTES);
    }

    public static String newCredentialId() {
        return "cred-" + HexFormat.of().formatHex(randomBytes(CREDENTIAL_ID_BYTES));
    }

    /** The key's digest, as stored and published: {@link CredentialDigest#keyHashOf(String)}. */
    public static String hash(String key) {
        return CredentialDigest.keyHashOf(key);
    }

    /** Compares two hashes in time independent of where they differ. */
    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    private static String randomToken(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
