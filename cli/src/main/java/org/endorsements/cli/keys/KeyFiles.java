package org.endorsements.cli.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.endorsements.events.Ed25519;

/**
 * A signing key file as OpenSSL writes it ({@code openssl genpkey -algorithm ed25519}): PEM "PRIVATE KEY", PKCS#8,
 * so the same file works with this command line and with OpenSSL's.
 */
final class KeyFiles {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private KeyFiles() {}

    /** Writes a new key pair; refuses to overwrite, and makes the file readable by its owner only where it can. */
    static KeyPair generate(Path file) throws IOException, GeneralSecurityException {
        KeyPair keys = KeyPairGenerator.getInstance(Ed25519.ALGORITHM).generateKeyPair();
        String pem = BEGIN + "\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPrivate().getEncoded())
                + "\n" + END + "\n";
        Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the file system has no POSIX permissions; the folder's protection applies
        }
        return keys;
    }

    static PrivateKey load(Path file) throws IOException, GeneralSecurityException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IOException(file + " is not a PEM private key (openssl genpkey -algorithm ed25519)");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
        return KeyFactory.getInstance(Ed25519.ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    static String sign(PrivateKey key, byte[] message) throws GeneralSecurityException {
        Signature signer = Signature.getInstance(Ed25519.ALGORITHM);
        signer.initSign(key);
        signer.update(message);
        return Base64.getEncoder().encodeToString(signer.sign());
    }
}
