package org.endorsements.transparency;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** Ed25519 keys (JDK built-in): raw encodings, and a key file of two lines, base64 PKCS#8 and base64 X.509. */
public final class Ed25519Keys {

    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private Ed25519Keys() {}

    /** The 32 raw bytes of an Ed25519 public key (its X.509 encoding minus the fixed 12-byte prefix). */
    public static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
    }

    public static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        byte[] encoded = ByteBuffer.allocate(X509_PREFIX.length + raw.length)
                .put(X509_PREFIX)
                .put(raw)
                .array();
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code file} existed: if not, a new key pair was written to it, readable by its owner only. */
    public static KeyPair loadOrCreate(Path file) throws IOException {
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
                return new KeyPair(
                        factory.generatePublic(
                                new X509EncodedKeySpec(Base64.getDecoder().decode(lines.get(1)))),
                        factory.generatePrivate(
                                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines.get(0)))));
            }
        } catch (GeneralSecurityException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new IOException("the key file " + file + " is not two lines of base64 PKCS#8 and X.509 Ed25519", e);
        }
        KeyPair keys = generate();
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".key", ".tmp");
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Not a POSIX file system: the folder's own permissions must protect the key.
        }
        Files.writeString(
                temp,
                Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()) + "\n"
                        + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n",
                StandardCharsets.US_ASCII);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        return keys;
    }
}
