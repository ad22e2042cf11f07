package org.endorsements.query.log;

/** The documents an append produces. */
public final class LogWrites {

    private LogWrites() {}

    /** Leaf {@code index} of a statement's log: its canonical bytes and hash, and the event it records. */
    public record Leaf(String statementId, long index, byte[] bytes, String hash, String eventId) {}

    /** A complete perfect subtree of a statement's log. */
    public record Node(String statementId, int level, long index, String hash) {}
}
