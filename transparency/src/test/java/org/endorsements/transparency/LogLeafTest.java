package org.endorsements.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogLeafTest {

    @Test
    void theCanonicalEncodingHasFixedKeysInFixedOrderAndNoWhiteSpace() {
        LogLeaf leaf = new LogLeaf("e1", "EndorsementAdded", "icc", "ab", "2026-11-28T12:00:00Z", "api", "cd");
        assertThat(new String(leaf.canonicalBytes(), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"eventId\":\"e1\",\"type\":\"EndorsementAdded\",\"statementId\":\"icc\",\"contentHash\":\"ab\","
                                + "\"time\":\"2026-11-28T12:00:00Z\",\"source\":\"api\",\"signer\":\"cd\"}");
    }

    @Test
    void aSignedEventsLeafIsVersionTwoAndCommitsToTheKeyAndTheSignaturesDigest() {
        LogLeaf leaf =
                new LogLeaf("e1", "EndorsementAdded", "icc", "ab", "2026-11-28T12:00:00Z", "api", "cd", "k1", "ef");

        assertThat(leaf.version()).isEqualTo(2);
        assertThat(new String(leaf.canonicalBytes(), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"leafVersion\":2,\"eventId\":\"e1\",\"type\":\"EndorsementAdded\",\"statementId\":\"icc\","
                                + "\"contentHash\":\"ab\",\"time\":\"2026-11-28T12:00:00Z\",\"source\":\"api\",\"signer\":\"cd\","
                                + "\"keyId\":\"k1\",\"signatureDigest\":\"ef\"}");
    }

    @Test
    void anEventWithAKeyHistoryCommitmentIsAVersionThreeLeafThatEndsWithIt() {
        String digest = "0f".repeat(32);
        LogLeaf signed = new LogLeaf(
                "e1", "EndorsementAdded", "icc", "ab", "2026-11-28T12:00:00Z", "api", "cd", "k1", "ef", 4, digest);

        assertThat(signed.version()).isEqualTo(3);
        assertThat(new String(signed.canonicalBytes(), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"leafVersion\":3,\"eventId\":\"e1\",\"type\":\"EndorsementAdded\",\"statementId\":\"icc\","
                                + "\"contentHash\":\"ab\",\"time\":\"2026-11-28T12:00:00Z\",\"source\":\"api\",\"signer\":\"cd\","
                                + "\"keyId\":\"k1\",\"signatureDigest\":\"ef\",\"keyHistoryLength\":4,\"keyHistoryDigest\":\""
                                + digest
                                + "\"}");
    }

    @Test
    void anUnsignedVersionThreeLeafNamesNoKey() {
        LogLeaf unsigned = new LogLeaf(
                "e1", "EndorsementReinstated", "icc", "ab", "t", null, "cd", null, null, 0, "0f".repeat(32));

        assertThat(new String(unsigned.canonicalBytes(), StandardCharsets.UTF_8))
                .contains("\"signer\":\"cd\",\"keyId\":null,\"signatureDigest\":null,\"keyHistoryLength\":0,");
    }

    @Test
    void anUnsignedEventsLeafKeepsVersionOne() {
        assertThat(new LogLeaf("e1", "EndorsementAdded", "icc", "ab", "t", "api", "cd").version())
                .isEqualTo(1);
    }

    @Test
    void theSignatureDigestIsTheSha256OfTheRawSignatureBytes() {
        // SHA-256 of the 3 bytes "abc", given as base64 "YWJj"
        assertThat(LogLeaf.signatureDigest("YWJj"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void absentValuesAreNullAndStringsAreEscapedAndNfcNormalized() {
        LogLeaf leaf = new LogLeaf("e\"1\\", "StatementPublished", "Me\u0301dicos\n", null, "t", null, null);
        assertThat(new String(leaf.canonicalBytes(), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"eventId\":\"e\\\"1\\\\\",\"type\":\"StatementPublished\",\"statementId\":\"M\u00e9dicos\\u000a\","
                                + "\"contentHash\":null,\"time\":\"t\",\"source\":null,\"signer\":null}");
    }

    @Test
    void theSignerCommitmentHidesTheOrganizationButAnyoneWithTheOpeningCanRecomputeIt() {
        String opening = "00".repeat(32);
        String a = LogLeaf.commitment(opening, "provea");
        assertThat(a)
                .hasSize(64)
                .isEqualTo(LogLeaf.commitment(opening, "provea"))
                .isNotEqualTo(LogLeaf.commitment(opening, "codhez"))
                .isNotEqualTo(LogLeaf.commitment("01".repeat(32), "provea"));
    }
}
