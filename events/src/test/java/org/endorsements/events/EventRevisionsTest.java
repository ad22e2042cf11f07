package org.endorsements.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Values recorded before signatures existed (revision 1) still read, with the defaults TOPIC.md documents. */
class EventRevisionsTest {

    private static final String HASH = "ab".repeat(32);
    private static final String OPENING = "0f".repeat(32);
    private static final String SIGNATURE_VALUE = "A".repeat(86) + "==";

    private static EndorsementEvent decode(Class<? extends EndorsementEvent> type, String json) {
        return EventMessageFormat.decode(EventMessageFormat.typeOf(type), json.getBytes(StandardCharsets.UTF_8));
    }

    private static String addedV1(String source, String actor) {
        return "{\"statementId\":\"s\",\"organizationId\":\"o\",\"organizationName\":\"O\",\"contentHash\":\"" + HASH
                + "\",\"endorsedAt\":\"2026-11-01T10:00:00Z\",\"actor\":\"" + actor + "\",\"source\":\"" + source
                + "\",\"requestId\":\"r\",\"signerOpening\":\"" + OPENING + "\",\"entryNumber\":null}";
    }

    @Test
    void anApiEndorsementOfRevisionOneReadsAsUnsignedOrganizationCredential() {
        EndorsementAdded added = (EndorsementAdded) decode(EndorsementAdded.class, addedV1("api", "credential:c1"));

        assertThat(added.signature()).isNull();
        assertThat(added.assurance()).isEqualTo(AssuranceLevel.ORGANIZATION_CREDENTIAL);
    }

    @Test
    void anImportOfRevisionOneReadsAsImported() {
        EndorsementAdded added = (EndorsementAdded) decode(EndorsementAdded.class, addedV1("imported", "admin"));

        assertThat(added.assurance()).isEqualTo(AssuranceLevel.IMPORTED);
    }

    @Test
    void aWithdrawalOfRevisionOneByTheAdminReadsAsImported() {
        EndorsementWithdrawn withdrawn = (EndorsementWithdrawn) decode(
                EndorsementWithdrawn.class,
                "{\"statementId\":\"s\",\"organizationId\":\"o\",\"reason\":null,"
                        + "\"withdrawnAt\":\"2026-11-01T10:00:00Z\",\"actor\":\"admin\",\"requestId\":\"r\"}");

        assertThat(withdrawn.assurance()).isEqualTo(AssuranceLevel.IMPORTED);
    }

    @Test
    void aReinstatementOfRevisionOneSaysNoLevelSoTheEndorsementKeepsItsOwn() {
        EndorsementReinstated reinstated = (EndorsementReinstated) decode(
                EndorsementReinstated.class,
                "{\"statementId\":\"s\",\"organizationId\":\"o\",\"reason\":null,"
                        + "\"reinstatedAt\":\"2026-11-01T10:00:00Z\",\"actor\":\"admin\",\"requestId\":\"r\"}");

        assertThat(reinstated.assurance()).isNull();
    }

    @Test
    void aReinstatementVouchesForNoMoreThanAnAdminDoes() {
        assertThat(EndorsementReinstated.levelAfter(AssuranceLevel.ORGANIZATION_KEY))
                .isEqualTo(AssuranceLevel.ADMIN_ISSUED_CREDENTIAL);
        assertThat(EndorsementReinstated.levelAfter(AssuranceLevel.IMPORTED)).isEqualTo(AssuranceLevel.IMPORTED);
    }

    @Test
    void aStatementOfRevisionOneTakesUnsignedEndorsements() {
        StatementPublished published = (StatementPublished) decode(
                StatementPublished.class,
                "{\"statementId\":\"s\",\"title\":\"T\",\"body\":\"B\",\"language\":\"en\",\"contentHash\":\"" + HASH
                        + "\",\"publishedAt\":\"2026-11-01T10:00:00Z\",\"publishedBy\":\"admin\"}");

        assertThat(published.signaturePolicy()).isEqualTo(SignaturePolicy.OPTIONAL);
    }

    @Test
    void aSignedEndorsementReadsBackWhatWasEncoded() {
        EndorsementAdded added = new EndorsementAdded(
                StatementId.of("s"),
                OrganizationId.of("o"),
                "O",
                HASH,
                Instant.parse("2026-11-01T10:00:00Z"),
                "credential:c1",
                EndorsementSource.API,
                "r",
                OPENING,
                null,
                EndorsementVisibility.DEFAULT,
                new ActionSignature(
                        SigningKeyId.of("k1"),
                        HASH,
                        Instant.parse("2026-11-01T09:59:00Z"),
                        "0123456789abcdef",
                        SIGNATURE_VALUE),
                AssuranceLevel.ORGANIZATION_KEY,
                null);

        assertThat(EventMessageFormat.decode(
                        EventMessageFormat.typeOf(EndorsementAdded.class), EventMessageFormat.encode(added)))
                .isEqualTo(added);
    }

    @Test
    void aCountedSignedEndorsementReadsBackWithBothItsVisibilityAndItsSignature() {
        EndorsementAdded added = new EndorsementAdded(
                StatementId.of("s"),
                OrganizationId.of("o"),
                "O",
                HASH,
                Instant.parse("2026-11-01T10:00:00Z"),
                "credential:c1",
                EndorsementSource.API,
                "r",
                OPENING,
                null,
                EndorsementVisibility.COUNTED,
                new ActionSignature(
                        SigningKeyId.of("k1"),
                        HASH,
                        Instant.parse("2026-11-01T09:59:00Z"),
                        "0123456789abcdef",
                        SIGNATURE_VALUE),
                AssuranceLevel.ORGANIZATION_KEY,
                null);

        assertThat(EventMessageFormat.decode(
                        EventMessageFormat.typeOf(EndorsementAdded.class), EventMessageFormat.encode(added)))
                .isEqualTo(added);
    }

    @Test
    void aCountedEndorsementRecordedBeforeSignaturesReadsAsCountedAndUnsigned() {
        String json = addedV1("api", "credential:c1")
                .replace("\"entryNumber\":null", "\"entryNumber\":null,\"visibility\":\"counted\"");

        EndorsementAdded added = (EndorsementAdded) decode(EndorsementAdded.class, json);

        assertThat(added.visibility()).isEqualTo(EndorsementVisibility.COUNTED);
        assertThat(added.signature()).isNull();
        assertThat(added.assurance()).isEqualTo(AssuranceLevel.ORGANIZATION_CREDENTIAL);
    }

    @Test
    void anEndorsementOfRevisionOneReadsAsPublic() {
        EndorsementAdded added = (EndorsementAdded) decode(EndorsementAdded.class, addedV1("api", "credential:c1"));

        assertThat(added.visibility()).isEqualTo(EndorsementVisibility.PUBLIC);
    }

    @Test
    void aKeyRegistrationReadsBackWhatWasEncoded() {
        SigningKeyRegistered registered = new SigningKeyRegistered(
                OrganizationId.of("o"),
                SigningKeyId.of("k1"),
                "A".repeat(43) + "=",
                Instant.parse("2026-11-01T10:00:00Z"),
                "admin",
                null,
                "lost every key",
                AssuranceLevel.ADMIN_ISSUED_CREDENTIAL);

        assertThat(EventMessageFormat.decode(
                        EventMessageFormat.typeOf(SigningKeyRegistered.class), EventMessageFormat.encode(registered)))
                .isEqualTo(registered);
        assertThat(EventMessageFormat.typeOf(SigningKeyRevoked.class))
                .isEqualTo("org.endorsements.SigningKeyRevoked.v1");
    }
}
