package org.endorsements.query.log.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.endorsements.query.log.LogProperties;
import org.endorsements.transparency.Ed25519Keys;
import org.endorsements.transparency.Note;
import org.endorsements.transparency.NoteVerifier;
import org.endorsements.transparency.SignedNote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key that signs checkpoints (JDK built-in). Kept in a file readable only by its owner: two lines,
 * base64 PKCS#8 private key and base64 X.509 public key. Created on first start when absent. Several query-service
 * instances share one key by reading the same file (a shared volume or secret). During a key rotation the
 * previous keys ({@code endorsements.log.retiring-key-files}) sign every checkpoint too, so that verifiers that
 * know only the old key and those that know only the new one both accept it.
 */
@Component
public class LogSigningKey {

    private static final Logger log = LoggerFactory.getLogger(LogSigningKey.class);

    private final KeyPair keys;
    private final List<KeyPair> retiring = new ArrayList<>();
    private final String keyName;

    LogSigningKey(LogProperties properties) throws IOException {
        this.keyName = properties.keyName();
        Path file = Paths.get(properties.signingKeyFile());
        boolean created = !Files.exists(file);
        this.keys = Ed25519Keys.loadOrCreate(file);
        if (created) {
            log.info("Created the log signing key in {}", file);
        }
        for (String retiringFile : properties.retiringKeyFiles()) {
            if (!Files.exists(Paths.get(retiringFile))) {
                throw new IllegalStateException("endorsements.log.retiring-key-files: " + retiringFile
                        + " does not exist (a retiring key is an existing key, never a new one)");
            }
            retiring.add(Ed25519Keys.loadOrCreate(Paths.get(retiringFile)));
        }
        log.info("Log checkpoints are signed by {}", verifierKey());
        retiring.forEach(
                k -> log.info("... and, until it is retired, by {}", SignedNote.verifierKey(keyName, k.getPublic())));
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

    /** The current key's verifier key first, then those of the keys being retired. */
    public List<String> verifierKeys() {
        List<String> all = new ArrayList<>(List.of(verifierKey()));
        retiring.forEach(k -> all.add(SignedNote.verifierKey(keyName, k.getPublic())));
        return all;
    }

    /** Whether every signing key has a signature line in the note (by name and key id; not verified here). */
    boolean signedByAll(Note note) {
        return verifierKeys().stream()
                .map(NoteVerifier::parse)
                .allMatch(k -> note.signatures().stream()
                        .anyMatch(s -> s.keyName().equals(k.name()) && s.keyId() == k.keyId()));
    }

    /** The signatures of a checkpoint's note text by every signing key. */
    List<Note.Signature> sign(String text) {
        List<Note.Signature> signatures = new ArrayList<>();
        signatures.add(SignedNote.signature(text, keyName, keys.getPrivate(), keys.getPublic()));
        retiring.forEach(k -> signatures.add(SignedNote.signature(text, keyName, k.getPrivate(), k.getPublic())));
        return signatures;
    }
}
