package org.endorsements.command.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API keys: 256 random bits, shown once, stored and compared only as SHA-256. The digest (lower-case hex of the
 * SHA-256 of the key's UTF-8 bytes) is a contract of its own: the registry stores it and the credential-digest
 * topic publishes it for the query service to compare, so it must never change with how statement texts are hashed.
 */
public final class ApiKeys {

    private static final int KEY_BYTES = 32;
    private static final int CREDENTIAL_ID_BYTES = 9;
    private static final String KEY_PREFIX = "ek_";
    private static final String DIGEST_ALGORITHM = "SHA-256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {}

    public static String newKey() {
        return KEY_PREFIX + randomToken(KEY_BYTES);
    }

    public static String newCredentialId() {
        return "cred-" + HexFormat.of().formatHex(randomBytes(CREDENTIAL_ID_BYTES));
    }

    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance(DIGEST_ALGORITHM).digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships " + DIGEST_ALGORITHM, e);
        }
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
