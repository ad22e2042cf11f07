package org.endorsements.transparency.witness;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.endorsements.transparency.CompactTree;
import org.endorsements.transparency.Ed25519Keys;
import org.endorsements.transparency.Hashes;
import org.endorsements.transparency.MerkleProofs;
import org.endorsements.transparency.NodeSource;
import org.endorsements.transparency.SignedNote;

/** A log in memory that signs checkpoints and proves consistency, as the platform does. */
final class TestLog implements NodeSource {

    static final String KEY_NAME = "endorsements.local";

    final String origin;
    final KeyPair keys;
    private final CompactTree tree = new CompactTree();
    private final Map<String, byte[]> nodes = new HashMap<>();

    TestLog(String origin, KeyPair keys) {
        this.origin = origin;
        this.keys = keys;
    }

    TestLog(String origin) {
        this(origin, Ed25519Keys.generate());
    }

    TestLog grow(int leaves, String salt) {
        for (int i = 0; i < leaves; i++) {
            byte[] leaf = (salt + ":" + tree.size()).getBytes(StandardCharsets.UTF_8);
            for (CompactTree.Node node : tree.append(Hashes.leaf(leaf))) {
                nodes.put(node.level() + "/" + node.index(), node.hash());
            }
        }
        return this;
    }

    long size() {
        return tree.size();
    }

    String vkey() {
        return SignedNote.verifierKey(KEY_NAME, keys.getPublic());
    }

    String checkpoint() {
        return SignedNote.sign(
                new SignedNote.Checkpoint(origin, tree.size(), tree.root()),
                KEY_NAME,
                keys.getPrivate(),
                keys.getPublic());
    }

    List<byte[]> proof(long from) {
        return from == 0 || from == tree.size() ? List.of() : new MerkleProofs(this).consistency(from, tree.size());
    }

    AddCheckpoint request(long oldSize) {
        return new AddCheckpoint(oldSize, proof(oldSize), checkpoint());
    }

    @Override
    public byte[] node(int level, long index) {
        if (level == 0 && tree.size() > index && !nodes.containsKey("0/" + index)) {
            throw new IllegalArgumentException("no leaf " + index);
        }
        return nodes.get(level + "/" + index);
    }
}
