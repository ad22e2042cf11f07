package org.endorsements.command.organization;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.endorsements.command.shared.Actor;
import org.endorsements.command.shared.DomainRuleViolation;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.OrganizationRegistered;
import org.endorsements.events.OrganizationSuspended;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrganizationTest {

    private static final OrganizationId ID = OrganizationId.of("medicos-unidos");
    private static final Instant T1 = Instant.parse("2026-11-01T10:00:00Z");
    private static final String HASH_1 = "1".repeat(64);
    private static final String HASH_2 = "2".repeat(64);
    private static final Actor SELF = new Actor.OrganizationCredential(ID, "cred-1");
    private static final Actor STRANGER = new Actor.OrganizationCredential(OrganizationId.of("provea"), "cred-9");

    private FixtureConfiguration<Organization> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organization.class);
    }

    private static RegisterOrganizationCommand register(String name, String country, String website) {
        return new RegisterOrganizationCommand(ID, name, country, "Caracas", "NGO", website, "cred-1", HASH_1,
                Actor.admin(), T1);
    }

    private static OrganizationRegistered registered() {
        return new OrganizationRegistered(ID, "A.C. Médicos Unidos de Venezuela", "VE", "Caracas", "NGO",
                "https://example.org", T1, "admin");
    }

    @Test
    void anAdminRegistersAnOrganizationWithItsFirstCredential() {
        fixture.givenNoPriorActivity()
                .when(register("A.C. Médicos Unidos de Venezuela", "ve", "https://example.org"))
                .expectEvents(registered(), new CredentialIssued(ID, "cred-1", HASH_1, T1, "admin"));
    }

    @Test
    void namesAreTrimmedAndNormalizedToNfc() {
        String decomposed = "A.C. Me\u0301dicos Unidos de Venezuela";
        fixture.givenNoPriorActivity()
                .when(register("  " + decomposed + "  ", "VE", "https://example.org"))
                .expectEvents(registered(), new CredentialIssued(ID, "cred-1", HASH_1, T1, "admin"));
    }

    @Test
    void aNameLongerThan200CharactersIsRefused() {
        fixture.givenNoPriorActivity()
                .when(register("x".repeat(201), null, null))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("name is longer than 200");
    }

    @Test
    void aNameWithControlCharactersIsRefused() {
        fixture.givenNoPriorActivity()
                .when(register("Evil\u0000Org", null, null))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("name contains control characters");
    }

    @Test
    void anUnknownCountryCodeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(register("Provea", "XX", null))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("country must be an ISO 3166-1 alpha-2 code");
    }

    @Test
    void aWebsiteMustBeAnHttpAddress() {
        fixture.givenNoPriorActivity()
                .when(register("Provea", null, "javascript:alert(1)"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("website must be an http(s) address");
    }

    @Test
    void onlyAnAdminRegistersOrganizations() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOrganizationCommand(ID, "Provea", null, null, null, null, "cred-1", HASH_1, SELF,
                        T1))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void rotatingTheKeyRevokesTheCurrentCredential() {
        fixture.given(registered(), new CredentialIssued(ID, "cred-1", HASH_1, T1, "admin"))
                .when(new IssueCredentialCommand(ID, "cred-2", HASH_2, SELF, T1))
                .expectEvents(new CredentialRevoked(ID, "cred-1", T1, "credential:cred-1"),
                        new CredentialIssued(ID, "cred-2", HASH_2, T1, "credential:cred-1"));
    }

    @Test
    void anotherOrganizationCannotRotateTheKey() {
        fixture.given(registered(), new CredentialIssued(ID, "cred-1", HASH_1, T1, "admin"))
                .when(new IssueCredentialCommand(ID, "cred-2", HASH_2, STRANGER, T1))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aRevokedCredentialCannotBeRevokedAgain() {
        fixture.given(registered(), new CredentialIssued(ID, "cred-1", HASH_1, T1, "admin"),
                        new CredentialRevoked(ID, "cred-1", T1, "admin"))
                .when(new RevokeCredentialCommand(ID, Actor.admin(), T1))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anAdminSuspendsAnOrganization() {
        fixture.given(registered(), new CredentialIssued(ID, "cred-1", HASH_1, T1, "admin"))
                .when(new SuspendOrganizationCommand(ID, "impersonation", Actor.admin(), T1))
                .expectEvents(new OrganizationSuspended(ID, "impersonation", T1, "admin"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aSuspendedOrganizationGetsNoNewKeyEvenFromTheAdmin() {
        fixture.given(registered(), new CredentialIssued(ID, "cred-1", HASH_1, T1, "admin"),
                        new OrganizationSuspended(ID, "impersonation", T1, "admin"))
                .when(new IssueCredentialCommand(ID, "cred-2", HASH_2, Actor.admin(), T1))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void theAdminRevokesTheKeyOfASuspendedOrganization() {
        fixture.given(registered(), new CredentialIssued(ID, "cred-1", HASH_1, T1, "admin"),
                        new OrganizationSuspended(ID, "impersonation", T1, "admin"))
                .when(new RevokeCredentialCommand(ID, Actor.admin(), T1))
                .expectEvents(new CredentialRevoked(ID, "cred-1", T1, "admin"));
    }
}
