package org.endorsements.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** For random tree sizes: every proof verifies, and a proof, root or leaf with one bit flipped does not. */
class MerkleProperties {

    private static List<byte[]> leaves(int size) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            leaves.add(("leaf-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return leaves;
    }

    private static byte[] flip(byte[] hash, int bit) {
        byte[] copy = hash.clone();
        copy[(bit / 8) % copy.length] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    @Property(tries = 300)
    void everyInclusionProofVerifiesAndNoTamperedOneDoes(
            @ForAll @IntRange(min = 1, max = 300) int size,
            @ForAll @IntRange(min = 0, max = 299) int rawIndex,
            @ForAll @IntRange(min = 0, max = 255) int bit) {
        int index = rawIndex % size;
        List<byte[]> data = leaves(size);
        MemoryLog log = MemoryLog.of(data);
        MerkleProofs proofs = new MerkleProofs(log);
        byte[] root = proofs.root(size);
        byte[] leaf = Hashes.leaf(data.get(index));
        List<byte[]> proof = proofs.inclusion(index, size);

        assertThat(root).isEqualTo(log.tree().root());
        assertThat(ProofVerifier.verifyInclusion(leaf, index, size, proof, root))
                .isTrue();
        assertThat(ProofVerifier.verifyInclusion(flip(leaf, bit), index, size, proof, root))
                .isFalse();
        assertThat(ProofVerifier.verifyInclusion(leaf, index, size, proof, flip(root, bit)))
                .isFalse();
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> tampered = new ArrayList<>(proof);
            tampered.set(i, flip(proof.get(i), bit));
            assertThat(ProofVerifier.verifyInclusion(leaf, index, size, tampered, root))
                    .isFalse();
        }
        if (size > 1) {
            assertThat(ProofVerifier.verifyInclusion(leaf, (index + 1) % size, size, proof, root))
                    .isFalse();
        }
    }

    @Property(tries = 300)
    void everyConsistencyProofVerifiesAndNoTamperedOneDoes(
            @ForAll @IntRange(min = 1, max = 300) int size2,
            @ForAll @IntRange(min = 1, max = 300) int rawSize1,
            @ForAll @IntRange(min = 0, max = 255) int bit) {
        int size1 = 1 + (rawSize1 - 1) % size2;
        MemoryLog log = MemoryLog.of(leaves(size2));
        MerkleProofs proofs = new MerkleProofs(log);
        byte[] root1 = proofs.root(size1);
        byte[] root2 = proofs.root(size2);
        List<byte[]> proof = proofs.consistency(size1, size2);

        assertThat(ProofVerifier.verifyConsistency(size1, size2, proof, root1, root2))
                .isTrue();
        assertThat(ProofVerifier.verifyConsistency(size1, size2, proof, flip(root1, bit), root2))
                .isFalse();
        assertThat(ProofVerifier.verifyConsistency(size1, size2, proof, root1, flip(root2, bit)))
                .isFalse();
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> tampered = new ArrayList<>(proof);
            tampered.set(i, flip(proof.get(i), bit));
            assertThat(ProofVerifier.verifyConsistency(size1, size2, tampered, root1, root2))
                    .isFalse();
        }
    }

    @Property(tries = 100)
    void aCompactTreeResumedFromItsEdgeContinuesTheSameTree(
            @ForAll @IntRange(min = 0, max = 200) int first, @ForAll @IntRange(min = 1, max = 100) int more) {
        List<byte[]> data = leaves(first + more);
        MemoryLog whole = MemoryLog.of(data);
        CompactTree part = MemoryLog.of(data.subList(0, first)).tree();
        CompactTree resumed = new CompactTree(part.size(), part.edge());
        data.subList(first, first + more).forEach(d -> resumed.append(Hashes.leaf(d)));

        assertThat(resumed.root()).isEqualTo(whole.tree().root());
    }
}
