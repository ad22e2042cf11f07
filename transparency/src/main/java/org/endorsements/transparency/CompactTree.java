package org.endorsements.transparency;

import java.util.ArrayList;
import java.util.List;

/**
 * Appends leaves to a log in O(log n) per leaf, keeping only the roots of the perfect subtrees along the right
 * edge, and reports every perfect subtree an append completes, so a store can keep them for proofs.
 */
public final class CompactTree {

    /** A perfect subtree completed by an append: the node to store. */
    public record Node(int level, long index, byte[] hash) {}

    private long size;
    /** Right-edge roots, from the largest (leftmost) subtree to the smallest. */
    private final List<byte[]> edge;

    public CompactTree() {
        this(0, List.of());
    }

    /** Resumes a tree of {@code size} leaves from its right-edge roots (largest first). */
    public CompactTree(long size, List<byte[]> edge) {
        if (edge.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException(
                    "a tree of " + size + " leaves has " + Long.bitCount(size) + " edge roots, not " + edge.size());
        }
        this.size = size;
        this.edge = new ArrayList<>(edge);
    }

    public long size() {
        return size;
    }

    public List<byte[]> edge() {
        return List.copyOf(edge);
    }

    /** Appends a leaf hash and returns the nodes it completed, the leaf itself first. */
    public List<Node> append(byte[] leafHash) {
        List<Node> completed = new ArrayList<>();
        completed.add(new Node(0, size, leafHash));
        byte[] carry = leafHash;
        long index = size;
        int level = 0;
        while ((index & 1) == 1) {
            byte[] left = edge.remove(edge.size() - 1);
            carry = Hashes.node(left, carry);
            index >>= 1;
            level++;
            completed.add(new Node(level, index, carry));
        }
        edge.add(carry);
        size++;
        return completed;
    }

    /** The current root, folding the right edge from the smallest subtree up. */
    public byte[] root() {
        if (edge.isEmpty()) {
            return Hashes.empty();
        }
        byte[] root = edge.get(edge.size() - 1);
        for (int i = edge.size() - 2; i >= 0; i--) {
            root = Hashes.node(edge.get(i), root);
        }
        return root;
    }
}
