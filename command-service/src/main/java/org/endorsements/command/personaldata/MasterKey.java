package org.endorsements.command.personaldata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.Sealed;

/**
 * The key every data key is wrapped under (AES-256-GCM, the AAD naming the organization, so a wrapped key cannot be
 * swapped between organizations). Whoever holds it and a copy of the command database reads every personal field:
 * in production it belongs in a KMS or at least a secret store (docs/security.md).
 */
public final class MasterKey {

    private static final String WRAP_AAD_LABEL = "urn:endorsements:data-key:v1\n";
    private static final String HANDLE_DIGEST_LABEL = "urn:endorsements:handle-digest:v1\n";

    private final SecretKey key;

    private MasterKey(byte[] bytes) {
        if (bytes.length != Sealed.KEY_BYTES) {
            throw new IllegalStateException(
                    "the master key must be 32 bytes (base64 of 32 random bytes), not " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    public static MasterKey of(byte[] bytes) {
        return new MasterKey(bytes.clone());
    }

    /** From the configured value, else the file, created when allowed; refuses to start with a clear message. */
    public static MasterKey load(PersonalDataProperties properties) {
        if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
            return new MasterKey(decode(properties.masterKey(), "ENDORSEMENTS_MASTER_KEY"));
        }
        Path file = properties.masterKeyFile();
        if (file == null || file.toString().isBlank()) {
            throw new IllegalStateException(
                    "no master key: set ENDORSEMENTS_MASTER_KEY (base64 of 32 random bytes) or ENDORSEMENTS_MASTER_KEY_FILE");
        }
        try {
            if (!Files.exists(file)) {
                if (!properties.createMasterKey()) {
                    throw new IllegalStateException("no master key: " + file + " does not exist; set"
                            + " ENDORSEMENTS_MASTER_KEY (base64 of 32 random bytes, e.g. `openssl rand -base64 32`)"
                            + " or ENDORSEMENTS_MASTER_KEY_FILE. Without the master key the personal data in this"
                            + " store cannot be read, so none is generated in production.");
                }
                create(file);
            }
            return new MasterKey(decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the master key file " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] bytes = new byte[Sealed.KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(
                    file, Base64.getEncoder().encodeToString(bytes) + "\n", StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException raced) {
            // another instance on the same data folder created it first: read theirs
        }
    }

    private static byte[] decode(String base64, String source) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the master key in " + source + " is not base64");
        }
    }

    public String wrap(OrganizationId organizationId, SecretKey dataKey) {
        return Sealed.seal(key, aad(organizationId), dataKey.getEncoded()).value();
    }

    /** @throws IllegalStateException when the wrapped key was not wrapped under this master key for this id */
    public SecretKey unwrap(OrganizationId organizationId, String wrapped) {
        try {
            return new SecretKeySpec(Sealed.of(wrapped).openBytes(key, aad(organizationId)), "AES");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "the data key of organization " + organizationId
                            + " does not open with this master key: is ENDORSEMENTS_MASTER_KEY the one this store was created with?");
        }
    }

    /**
     * A keyed digest (HMAC-SHA256, hex) of an organization's handle: the registry keeps handles unique through it,
     * so no table holds a handle that names an organization in plain text, and without the master key a guessed
     * handle cannot be confirmed against a copy of the database.
     */
    public String handleDigest(String handle) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            mac.update(HANDLE_DIGEST_LABEL.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(mac.doFinal(handle.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] aad(OrganizationId organizationId) {
        return (WRAP_AAD_LABEL + organizationId.value()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "MasterKey[hidden]";
    }
}
