package org.endorsements.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Opaque organization ids, handles and the erasure event as the topic carries them (issue 20). */
class OrganizationIdentityTest {

    @Test
    void aNewOrganizationIdIsOrgAndSixteenLowerCaseBase32Characters() {
        OrganizationId id = OrganizationId.newOpaque();

        assertThat(id.value()).matches("org-[a-z2-7]{16}");
        assertThat(Identifiers.isOpaqueOrganizationId(id.value())).isTrue();
        assertThat(Identifiers.isSlug(id.value())).isTrue();
    }

    @Test
    void opaqueIdsDoNotRepeat() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(Identifiers.opaqueOrganizationId());
        }

        assertThat(ids).hasSize(10_000);
    }

    @Test
    void aSlugOfANameIsNotAnOpaqueId() {
        assertThat(Identifiers.isOpaqueOrganizationId("provea")).isFalse();
        assertThat(Identifiers.isOpaqueOrganizationId("org-provea")).isFalse();
    }

    @Test
    void aRegistrationRecordedBeforeHandlesReadsWithItsIdAsItsHandle() {
        OrganizationRegistered registered = (OrganizationRegistered) EventMessageFormat.decode(
                EventMessageFormat.typeOf(OrganizationRegistered.class),
                ("{\"organizationId\":\"provea\",\"name\":\"Provea\",\"registeredAt\":\"2026-11-01T10:00:00Z\","
                                + "\"registeredBy\":\"admin\"}")
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(registered.handle()).isNull();
        assertThat(registered.handleOrId()).isEqualTo("provea");
    }

    @Test
    void theErasureIsAnOrganizationEventOfTheTopic() {
        assertThat(EventMessageFormat.typeOf(OrganizationPersonalDataErased.class))
                .isEqualTo("org.endorsements.OrganizationPersonalDataErased.v1");
        assertThat(EventMessageFormat.schemaOf(OrganizationPersonalDataErased.class))
                .isEqualTo("urn:endorsements:schema:OrganizationPersonalDataErased.v1");
        assertThat(getClass().getResource("/schemas/OrganizationPersonalDataErased.v1.json"))
                .isNotNull();
    }
}
