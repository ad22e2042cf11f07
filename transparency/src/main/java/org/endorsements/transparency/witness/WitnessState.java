package org.endorsements.transparency.witness;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The witness's durable memory: per origin, the latest checkpoint it cosigned (the note with the log's signature
 * and its own cosignature), in {@code <dir>/checkpoints/<hex SHA-256 of the origin>}. A record is replaced
 * atomically (written to a temporary file, forced to disk, renamed over the old one, then the folder forced), so
 * a crash leaves either the old or the new checkpoint, never a torn one and never an older one after a newer one
 * was answered. Refused submissions whose log signature verified are kept in {@code <dir>/evidence/}: they may
 * prove the log misbehaved.
 */
public final class WitnessState {

    private final Path checkpoints;
    private final Path evidence;

    public WitnessState(Path dir) throws IOException {
        this.checkpoints = Files.createDirectories(dir.resolve("checkpoints"));
        this.evidence = Files.createDirectories(dir.resolve("evidence"));
    }

    public Optional<String> latest(String origin) throws IOException {
        return latestByHash(originHash(origin));
    }

    /** By the hex origin hash, as the monitoring URL names it. */
    public Optional<String> latestByHash(String originHash) throws IOException {
        if (!originHash.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        Path file = checkpoints.resolve(originHash);
        return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
    }

    public void save(String origin, String cosignedNote) throws IOException {
        writeDurably(checkpoints, originHash(origin), cosignedNote);
    }

    public void keepEvidence(String origin, String requestBody, String reason) throws IOException {
        writeDurably(
                evidence,
                originHash(origin) + "-" + Instant.now().toEpochMilli() + "-" + Long.toHexString(System.nanoTime()),
                "# refused: " + reason + "\n" + requestBody);
    }

    /** The origin hash of the tlog-witness monitoring URL: lowercase hex SHA-256 of the origin line. */
    public static String originHash(String origin) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(origin.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeDurably(Path dir, String name, String content) throws IOException {
        Path temp = Files.createTempFile(dir, "." + name, ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException notSupported) {
            // Some file systems cannot open a folder for reading; the rename itself is still atomic.
        }
    }
}
