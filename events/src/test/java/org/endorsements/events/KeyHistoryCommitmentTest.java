package org.endorsements.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyHistoryCommitmentTest {

    private static final OrganizationId ORG = OrganizationId.of("provea");
    private static final Instant T1 = Instant.parse("2026-11-01T10:00:00Z");
    /** Sub-second, as the platform's clock stamps events: the topic's form keeps every digit. */
    private static final Instant T2 = Instant.parse("2026-11-01T10:00:01.123456789Z");

    private static final ApiCredentialIssued ISSUED =
            new ApiCredentialIssued(ORG, "c1", "cd".repeat(32), T1, "admin", AssuranceLevel.ORGANIZATION_CREDENTIAL);
    private static final ApiCredentialRevoked REVOKED = new ApiCredentialRevoked(ORG, "c1", T2, "credential:c1");
    private static final SigningKeyPinned PINNED =
            new SigningKeyPinned(ORG, "ef".repeat(32), "https://provea.org/key \"2026\"", T2, "admin");

    private static String sha256Hex(byte[]... parts) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (byte[] part : parts) {
            sha.update(part);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    @Test
    void theEmptyChainIsTheSha256OfTheDomainLine() throws Exception {
        assertThat(KeyHistoryCommitment.EMPTY.length()).isZero();
        assertThat(KeyHistoryCommitment.EMPTY.digest())
                .isEqualTo(sha256Hex("urn:endorsements:key-history:v1\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void eachLinkHashesTheDomainLineThePreviousDigestsRawBytesAndTheEntry() throws Exception {
        KeyHistoryCommitment one = KeyHistoryCommitment.EMPTY.next(ISSUED);

        assertThat(one.length()).isEqualTo(1);
        assertThat(one.digest())
                .isEqualTo(sha256Hex(
                        "urn:endorsements:key-history:v1\n".getBytes(StandardCharsets.UTF_8),
                        HexFormat.of().parseHex(KeyHistoryCommitment.EMPTY.digest()),
                        KeyHistoryCommitment.entryBytes(ISSUED)));
    }

    @Test
    void anEntryIsTheDocumentedCanonicalJson() {
        assertThat(new String(KeyHistoryCommitment.entryBytes(REVOKED), StandardCharsets.UTF_8))
                .isEqualTo("{\"entry\":\"ApiCredentialRevoked\",\"organizationId\":\"provea\",\"credentialId\":\"c1\","
                        + "\"revokedAt\":\"2026-11-01T10:00:01.123456789Z\",\"revokedBy\":\"credential:c1\"}");
        assertThat(new String(KeyHistoryCommitment.entryBytes(PINNED), StandardCharsets.UTF_8))
                .isEqualTo("{\"entry\":\"SigningKeyPinned\",\"organizationId\":\"provea\",\"fingerprint\":\""
                        + "ef".repeat(32) + "\",\"source\":\"https://provea.org/key \\\"2026\\\"\","
                        + "\"pinnedAt\":\"2026-11-01T10:00:01.123456789Z\",\"pinnedBy\":\"admin\"}");
    }

    @Test
    void aRecoveredKeyHasNullCertificationFields() {
        SigningKeyRegistered recovery = new SigningKeyRegistered(
                ORG,
                SigningKeyId.of("k2"),
                "A".repeat(43) + "=",
                T1,
                "admin",
                null,
                "lost its keys",
                AssuranceLevel.ADMIN_ISSUED_CREDENTIAL);

        assertThat(new String(KeyHistoryCommitment.entryBytes(recovery), StandardCharsets.UTF_8))
                .isEqualTo("{\"entry\":\"SigningKeyRegistered\",\"organizationId\":\"provea\",\"keyId\":\"k2\","
                        + "\"publicKey\":\"" + "A".repeat(43) + "=\",\"registeredAt\":\"2026-11-01T10:00:00Z\","
                        + "\"registeredBy\":\"admin\",\"certificationSignerKeyId\":null,\"certificationSignedAt\":null,"
                        + "\"certificationNonce\":null,\"certificationValue\":null,\"recoveryReason\":\"lost its keys\","
                        + "\"assurance\":\"admin-issued-credential\"}");
    }

    @Test
    void anEntryReadBackFromTheTopicGivesTheSameBytes() {
        for (EndorsementEvent entry : List.of(ISSUED, REVOKED, PINNED)) {
            EndorsementEvent decoded = EventMessageFormat.decode(
                    EventMessageFormat.typeOf(entry.getClass()), EventMessageFormat.encode(entry));

            assertThat(KeyHistoryCommitment.entryBytes(decoded)).isEqualTo(KeyHistoryCommitment.entryBytes(entry));
        }
    }

    @Test
    void anEntryAddedChangedRemovedOrMovedChangesTheDigest() {
        String recorded =
                KeyHistoryCommitment.of(List.of(ISSUED, PINNED, REVOKED)).digest();
        ApiCredentialRevoked changed = new ApiCredentialRevoked(ORG, "c1", T2.plusSeconds(1), "credential:c1");

        assertThat(List.of(
                        KeyHistoryCommitment.of(List.of(ISSUED, PINNED, REVOKED, PINNED)),
                        KeyHistoryCommitment.of(List.of(ISSUED, PINNED, changed)),
                        KeyHistoryCommitment.of(List.of(ISSUED, REVOKED)),
                        KeyHistoryCommitment.of(List.of(PINNED, ISSUED, REVOKED))))
                .extracting(KeyHistoryCommitment::digest)
                .doesNotContain(recorded)
                .doesNotHaveDuplicates();
    }

    @Test
    void onlyKeyAndCredentialEventsAreEntries() {
        OrganizationSuspended suspended = new OrganizationSuspended(ORG, "r", T1, "admin");

        assertThat(KeyHistoryCommitment.isEntry(PINNED)).isTrue();
        assertThat(KeyHistoryCommitment.isEntry(suspended)).isFalse();
        assertThatThrownBy(() -> KeyHistoryCommitment.entryBytes(suspended))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
