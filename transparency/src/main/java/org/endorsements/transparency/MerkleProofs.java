package org.endorsements.transparency;

import java.util.ArrayList;
import java.util.List;

/**
 * Tree hashes and proofs of RFC 6962 §2.1, computed from the stored perfect subtrees of a log ({@link NodeSource}),
 * so that nothing costs more than O(log² n) node reads. The split of a range of n leaves is at the largest power of
 * two smaller than n, which gives every tree size the same shape in every implementation.
 */
public final class MerkleProofs {

    private final NodeSource nodes;

    public MerkleProofs(NodeSource nodes) {
        this.nodes = nodes;
    }

    /** MTH(D[0:size]). */
    public byte[] root(long size) {
        return size == 0 ? Hashes.empty() : range(0, size);
    }

    /** The audit path of leaf {@code index} in the tree of {@code size} leaves (RFC 6962 §2.1.1 PATH). */
    public List<byte[]> inclusion(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(index, 0, size, path);
        return path;
    }

    /** The proof that the tree of {@code size2} leaves extends that of {@code size1} (RFC 6962 §2.1.2 PROOF). */
    public List<byte[]> consistency(long size1, long size2) {
        if (size1 < 0 || size1 > size2) {
            throw new IllegalArgumentException("no consistency proof from " + size1 + " to " + size2);
        }
        List<byte[]> proof = new ArrayList<>();
        if (size1 > 0 && size1 < size2) {
            subproof(size1, 0, size2, true, proof);
        }
        return proof;
    }

    private void path(long index, long start, long end, List<byte[]> out) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (index < k) {
            path(index, start, start + k, out);
            out.add(range(start + k, end));
        } else {
            path(index - k, start + k, end, out);
            out.add(range(start, start + k));
        }
    }

    private void subproof(long m, long start, long end, boolean complete, List<byte[]> out) {
        long n = end - start;
        if (m == n) {
            if (!complete) {
                out.add(range(start, end));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, start + k, complete, out);
            out.add(range(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, out);
            out.add(range(start, start + k));
        }
    }

    /** MTH of leaves [start, end): stored perfect subtrees, combined along the RFC's split. */
    private byte[] range(long start, long end) {
        long n = end - start;
        if (Long.bitCount(n) == 1 && start % n == 0) {
            return nodes.node(Long.numberOfTrailingZeros(n), start / n);
        }
        long k = largestPowerOfTwoBelow(n);
        return Hashes.node(range(start, start + k), range(start + k, end));
    }

    /** The largest power of two strictly smaller than n (n ≥ 2). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
