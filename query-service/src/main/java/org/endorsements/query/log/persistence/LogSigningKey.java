package org.endorsements.query.log.persistence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.endorsements.query.log.LogProperties;
import org.endorsements.transparency.SignedNote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key that signs checkpoints (JDK built-in). Kept in a file readable only by its owner: two lines,
 * base64 PKCS#8 private key and base64 X.509 public key. Created on first start when absent.
 */
@Component
public class LogSigningKey {

    private static final Logger log = LoggerFactory.getLogger(LogSigningKey.class);

    private final KeyPair keys;
    private final String keyName;

    LogSigningKey(LogProperties properties) throws IOException, GeneralSecurityException {
        this.keyName = properties.keyName();
        this.keys = load(Paths.get(properties.signingKeyFile()));
        log.info("Log checkpoints are signed by {}", verifierKey());
    }

    public KeyPair keys() {
        return keys;
    }

    public String keyName() {
        return keyName;
    }

    /** The public verifier key, as auditors configure it. */
    public String verifierKey() {
        return SignedNote.verifierKey(keyName, keys.getPublic());
    }

    private static KeyPair load(Path file) throws IOException, GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance("Ed25519");
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            return new KeyPair(factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(lines.get(1)))),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines.get(0)))));
        }
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()) + "\n"
                + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n", StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            log.warn("Could not restrict the permissions of {}", file);
        }
        log.info("Created the log signing key in {}", file);
        return keys;
    }
}
