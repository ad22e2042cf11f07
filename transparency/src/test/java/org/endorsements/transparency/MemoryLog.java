package org.endorsements.transparency;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A log kept in memory: the compact tree plus every perfect subtree it completed, as a store would keep them. */
final class MemoryLog implements NodeSource {

    private final CompactTree tree = new CompactTree();
    private final Map<String, byte[]> nodes = new HashMap<>();

    static MemoryLog of(List<byte[]> leaves) {
        MemoryLog log = new MemoryLog();
        leaves.forEach(log::append);
        return log;
    }

    void append(byte[] leafBytes) {
        for (CompactTree.Node node : tree.append(Hashes.leaf(leafBytes))) {
            nodes.put(node.level() + "/" + node.index(), node.hash());
        }
    }

    CompactTree tree() {
        return tree;
    }

    @Override
    public byte[] node(int level, long index) {
        byte[] hash = nodes.get(level + "/" + index);
        if (hash == null) {
            throw new IllegalArgumentException("no complete subtree " + level + "/" + index);
        }
        return hash;
    }
}
