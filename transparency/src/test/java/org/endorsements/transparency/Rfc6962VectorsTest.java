package org.endorsements.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known answers published with public RFC 6962 implementations (the Certificate Transparency reference leaves,
 * tree heads and proofs, as in transparency-dev/merkle's testonly data), kept here as test data.
 */
class Rfc6962VectorsTest {

    static final List<byte[]> LEAVES = List.of(
                    "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f")
            .stream()
            .map(Hashes::fromHex)
            .toList();

    static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    record Inclusion(long index, long size, List<String> proof) {}

    record Consistency(long size1, long size2, List<String> proof) {}

    static final List<Inclusion> INCLUSIONS = List.of(
            new Inclusion(
                    0,
                    8,
                    List.of(
                            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Inclusion(
                    5,
                    8,
                    List.of(
                            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Inclusion(
                    1,
                    5,
                    List.of(
                            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
            new Inclusion(0, 1, List.of()));

    static final List<Consistency> CONSISTENCIES = List.of(
            new Consistency(1, 1, List.of()),
            new Consistency(
                    1,
                    8,
                    List.of(
                            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Consistency(
                    6,
                    8,
                    List.of(
                            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Consistency(
                    2,
                    5,
                    List.of(
                            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(Hashes::hex).toList();
    }

    @Test
    void theEmptyTreeHasTheHashOfNothing() {
        assertThat(Hashes.hex(new MerkleProofs(MemoryLog.of(List.of())).root(0)))
                .isEqualTo(ROOTS.get(0));
        assertThat(Hashes.hex(new CompactTree().root())).isEqualTo(ROOTS.get(0));
    }

    @Test
    void everyTreeSizeFromOneToEightHasThePublishedRoot() {
        for (int size = 1; size <= 8; size++) {
            MemoryLog log = MemoryLog.of(LEAVES.subList(0, size));
            assertThat(Hashes.hex(new MerkleProofs(log).root(size)))
                    .as("size %d", size)
                    .isEqualTo(ROOTS.get(size));
            assertThat(Hashes.hex(log.tree().root()))
                    .as("compact, size %d", size)
                    .isEqualTo(ROOTS.get(size));
        }
    }

    @Test
    void inclusionProofsAreThePublishedOnesAndVerify() {
        MerkleProofs proofs = new MerkleProofs(MemoryLog.of(LEAVES));
        for (Inclusion v : INCLUSIONS) {
            List<byte[]> proof = proofs.inclusion(v.index(), v.size());
            assertThat(hex(proof)).as("inclusion %d in %d", v.index(), v.size()).isEqualTo(v.proof());
            assertThat(ProofVerifier.verifyInclusion(
                            Hashes.leaf(LEAVES.get((int) v.index())),
                            v.index(),
                            v.size(),
                            proof,
                            Hashes.fromHex(ROOTS.get((int) v.size()))))
                    .isTrue();
        }
    }

    @Test
    void consistencyProofsAreThePublishedOnesAndVerify() {
        MerkleProofs proofs = new MerkleProofs(MemoryLog.of(LEAVES));
        for (Consistency v : CONSISTENCIES) {
            List<byte[]> proof = proofs.consistency(v.size1(), v.size2());
            assertThat(hex(proof))
                    .as("consistency %d to %d", v.size1(), v.size2())
                    .isEqualTo(v.proof());
            assertThat(ProofVerifier.verifyConsistency(
                            v.size1(),
                            v.size2(),
                            proof,
                            Hashes.fromHex(ROOTS.get((int) v.size1())),
                            Hashes.fromHex(ROOTS.get((int) v.size2()))))
                    .isTrue();
        }
    }
}
