package org.endorsements.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ContractsTest {

    @Test
    void aConsistencyTokenReadsBackWhatItEncodes() {
        ConsistencyToken token = new ConsistencyToken(AggregateType.ENDORSEMENT, "statement-1:org-2", 7);

        assertThat(ConsistencyToken.parse(token.encode())).isEqualTo(token);
    }

    @Test
    void aConsistencyTokenIsTheDocumentedBase64urlOfItsFields() {
        String encoded = new ConsistencyToken(AggregateType.STATEMENT, "s", 0).encode();

        assertThat(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8))
                .isEqualTo("v1|Statement|s|0");
    }

    @Test
    void aTokenNamingAnAggregateTypeThatIsNotOnTheTopicIsRefused() {
        String foreign = Base64.getUrlEncoder().encodeToString("v1|Invoice|x|1".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> ConsistencyToken.parse(foreign)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTokenOfAnotherVersionIsRefused() {
        String v2 = Base64.getUrlEncoder().encodeToString("v2|Statement|x|1".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> ConsistencyToken.parse(v2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTokenThatIsNotBase64IsRefused() {
        assertThatThrownBy(() -> ConsistencyToken.parse("not base64!")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aggregateTypesAreKnownByTheirWireNamesOnly() {
        assertThat(AggregateType.fromWireName("Endorsement")).contains(AggregateType.ENDORSEMENT);
        assertThat(AggregateType.fromWireName("ENDORSEMENT")).isEmpty();
    }

    @Test
    void anEndorsementIdIsItsStatementAndOrganizationJoinedByAColon() {
        EndorsementId id = EndorsementId.of("joint-statement", "provea");

        assertThat(id.value()).isEqualTo("joint-statement:provea");
        assertThat(EndorsementId.parse(id.value())).isEqualTo(id);
    }

    @Test
    void anEndorsementIdWithoutExactlyOneSeparatorIsRefused() {
        assertThatThrownBy(() -> EndorsementId.parse("a:b:c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EndorsementId.parse("ab")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyAnOrganizationsOwnCredentialActsForIt() {
        OrganizationId provea = new OrganizationId("provea");

        assertThat(Caller.organization(provea, "k1").actsFor(provea)).isTrue();
        assertThat(Caller.organization(new OrganizationId("other"), "k2").actsFor(provea))
                .isFalse();
        assertThat(Caller.ADMIN.actsFor(provea)).isFalse();
    }

    @Test
    void anIdAsARequestNamesItIsActedForOnlyByThatOrganization() {
        Caller provea = Caller.organization(new OrganizationId("provea"), "k1");

        assertThat(provea.actsFor("provea")).isTrue();
        assertThat(provea.actsFor("Provea")).isFalse();
        assertThat(provea.actsFor("not a valid id")).isFalse();
        assertThat(Caller.ADMIN.actsFor("provea")).isFalse();
    }

    @Test
    void aKeysDigestIsTheLowerCaseHexSha256OfItsUtf8Bytes() {
        assertThat(CredentialDigest.keyHashOf("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void problemTypesAreDocumentedUrns() {
        assertThat(ProblemTypes.of("already-exists")).isEqualTo("urn:endorsements:problem:already-exists");
    }

    @Test
    void callersAreRecordedInEventsByTheirAuditNames() {
        assertThat(Caller.ADMIN.auditName()).isEqualTo("admin");
        assertThat(Caller.organization(new OrganizationId("provea"), "k1").auditName())
                .isEqualTo("credential:k1");
    }
}
