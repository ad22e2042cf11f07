package org.endorsements.transparency;

/**
 * Hashes of the perfect subtrees of a log: the subtree at {@code level} (0 = leaves) and {@code index} covers
 * leaves {@code [index·2^level, (index+1)·2^level)}. An append-only log stores each such node once it is complete.
 */
@FunctionalInterface
public interface NodeSource {

    byte[] node(int level, long index);
}
