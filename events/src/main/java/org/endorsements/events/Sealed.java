package org.endorsements.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * A value sealed with AES-256-GCM: the standard base64 of {@code nonce (12 bytes) || ciphertext || tag (16 bytes)}.
 * The additional authenticated data binds the value to where it belongs ({@link #aad}), so a ciphertext moved to
 * another field, event type or organization does not open. Personal fields of organization events travel and are
 * stored in this form (events/TOPIC.md, "Personal data").
 */
public record Sealed(String value) {

    public static final int NONCE_BYTES = 12;
    public static final int TAG_BITS = 128;
    public static final int KEY_BYTES = 32;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final String FIELD_AAD_LABEL = "urn:endorsements:sealed-field:v1";
    private static final SecureRandom RANDOM = new SecureRandom();

    public Sealed {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a sealed value is not empty");
        }
    }

    @JsonCreator
    public static Sealed of(String value) {
        return new Sealed(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /**
     * The additional authenticated data of a personal field: one line each for the label, the organization id, the
     * event name (without version, e.g. {@code OrganizationRegistered}) and the field name, UTF-8, LF-separated.
     */
    public static byte[] aad(OrganizationId organizationId, String eventName, String field) {
        return String.join("\n", FIELD_AAD_LABEL, organizationId.value(), eventName, field)
                .getBytes(StandardCharsets.UTF_8);
    }

    public static Sealed seal(SecretKey key, byte[] aad, String plain) {
        return seal(key, aad, plain.getBytes(StandardCharsets.UTF_8));
    }

    public static Sealed seal(SecretKey key, byte[] aad, byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return new Sealed(Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** The plain text. @throws IllegalArgumentException when the value was not sealed with this key and AAD */
    public String open(SecretKey key, byte[] aad) {
        return new String(openBytes(key, aad), StandardCharsets.UTF_8);
    }

    public byte[] openBytes(SecretKey key, byte[] aad) {
        byte[] in;
        try {
            in = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a sealed value is base64");
        }
        if (in.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("a sealed value is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(aad);
            return cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("the sealed value does not open with this key here");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "Sealed[" + value.length() + " characters]";
    }
}
