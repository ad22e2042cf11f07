package org.endorsements.query.audit.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementWithdrawn;
import org.endorsements.events.EventMessageFormat;
import org.endorsements.events.OrganizationRegistered;
import org.junit.jupiter.api.Test;

/** What an erasure leaves of an audit entry's payload, as a plain document. */
class AuditScrubTest {

    @Test
    void aRegistrationKeepsItsIdAndTimeAndLosesNameHandleAndProfile() {
        Document payload = Document.parse("{\"organizationId\":\"org-aaaabbbbccccdddd\",\"name\":\"Brave Org\","
                + "\"handle\":\"brave-org\",\"country\":\"VE\",\"region\":\"Zulia\",\"kind\":\"NGO\","
                + "\"website\":\"https://brave.example\",\"registeredAt\":\"2026-11-01T10:00:00Z\"}");

        AuditProjection.scrub(payload, EventMessageFormat.typeOf(OrganizationRegistered.class));

        assertThat(payload.toJson())
                .doesNotContain("Brave")
                .doesNotContain("brave")
                .doesNotContain("Zulia")
                .doesNotContain("VE");
        assertThat(payload.getString("name")).isEqualTo("erased organization");
        assertThat(payload.getString("organizationId")).isEqualTo("org-aaaabbbbccccdddd");
        assertThat(payload.getString("registeredAt")).isEqualTo("2026-11-01T10:00:00Z");
    }

    @Test
    void anEndorsementKeepsWhatItsLeafAndSignatureRestOnAndLosesTheName() {
        Document payload = Document.parse("{\"organizationName\":\"Brave Org\",\"signerOpening\":\"0f\","
                + "\"contentHash\":\"cc\",\"signature\":{\"keyId\":\"k1\"}}");

        AuditProjection.scrub(payload, EventMessageFormat.typeOf(EndorsementAdded.class));

        assertThat(payload.getString("organizationName")).isEqualTo("erased organization");
        assertThat(payload.getString("signerOpening")).isEqualTo("0f");
        assertThat(payload.getString("contentHash")).isEqualTo("cc");
        assertThat(payload.get("signature", Document.class).getString("keyId")).isEqualTo("k1");
    }

    @Test
    void aWithdrawalLosesItsReason() {
        Document payload = Document.parse("{\"reason\":\"we were threatened\",\"actor\":\"credential:c\"}");

        AuditProjection.scrub(payload, EventMessageFormat.typeOf(EndorsementWithdrawn.class));

        assertThat(payload.containsKey("reason")).isFalse();
        assertThat(payload.getString("actor")).isEqualTo("credential:c");
    }
}
