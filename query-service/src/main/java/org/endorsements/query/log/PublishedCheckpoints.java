package org.endorsements.query.log;

import java.util.Optional;

/**
 * The latest signed checkpoint of a statement's log, for documents that point a reader at the public log: a
 * printed letter carries it so that anyone can check the letter's list against the log with the verifier key.
 */
public interface PublishedCheckpoints {

    /**
     * @param treeSize    the log's size the checkpoint signs
     * @param rootHash    the tree's root, lower-case hex SHA-256
     * @param verifierKey the key that verifies its signature, as published ({@code name+keyid+key})
     * @param keyId       the verifier key's id, 8 hex digits, as in the note's signature line
     * @param note        the signed note itself (checkpoint text, signature lines, cosignatures)
     */
    record Checkpoint(long treeSize, String rootHash, String verifierKey, String keyId, String note) {}

    Optional<Checkpoint> latest(String statementId);
}
