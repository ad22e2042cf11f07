package org.endorsements.command.organization;

import java.time.Instant;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.endorsements.command.shared.CallerMetaData;
import org.endorsements.command.shared.DomainRuleViolation;
import org.endorsements.events.Caller;
import org.endorsements.events.OrganizationHidden;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.OrganizationPersonalDataErased;
import org.endorsements.events.OrganizationProfileUpdated;
import org.endorsements.events.OrganizationRegistered;
import org.endorsements.events.OrganizationSuspended;
import org.endorsements.events.SigningKeyId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrganizationTest {

    private static final OrganizationId ID = OrganizationId.of("medicos-unidos");
    private static final Instant T1 = Instant.parse("2026-11-01T10:00:00Z");
    private static final String HASH_1 = "1".repeat(64);
    private static final String HASH_2 = "2".repeat(64);
    private static final Caller SELF = Caller.organization(ID, "cred-1");

    private FixtureConfiguration<Organization> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organization.class);
    }

    private static RegisterOrganizationCommand register(String name, String country, String website) {
        return new RegisterOrganizationCommand(
                ID, "medicos-unidos", name, country, "Caracas", "NGO", website, "cred-1", HASH_1, T1);
    }

    /** The metadata the dispatch interceptor gives every command: who sent it. */
    private static Map<String, Object> by(Caller caller) {
        return Map.of(CallerMetaData.KEY, caller);
    }

    private static OrganizationRegistered registered() {
        return new OrganizationRegistered(
                ID,
                "A.C. Médicos Unidos de Venezuela",
                "VE",
                "Caracas",
                "NGO",
                "https://example.org",
                T1,
                "admin",
                "medicos-unidos");
    }

    @Test
    void anAdminRegistersAnOrganizationWithItsFirstCredential() {
        fixture.givenNoPriorActivity()
                .when(register("A.C. Médicos Unidos de Venezuela", "ve", "https://example.org"), by(Caller.ADMIN))
                .expectEvents(registered(), new CredentialIssued(ID, "cred-1", HASH_1, T1, "admin"));
    }

    @Test
    void namesAreTrimmedAndNormalizedToNfc() {
        String decomposed = "A.C. Me\u0301dicos Unidos de Venezuela";
        fixture.givenNoPriorActivity()
                .when(register("  " + decomposed + "  ", "VE", "https://example.org"), by(Caller.ADMIN))
                .expectEvents(registered(), new CredentialIssued(ID, "cred-1", HASH_1, T1, "admin"));
    }

    @Test
    void aNameLongerThan200CharactersIsRefused() {
        fixture.givenNoPriorActivity()
                .when(register("x".repeat(201), null, null), by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("name is longer than 200");
    }

    @Test
    void aNameWithControlCharactersIsRefused() {
        fixture.givenNoPriorActivity()
                .when(register("Evil\u0000Org", null, null), by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("name contains control characters");
    }

    @Test
    void anUnknownCountryCodeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(register("Provea", "XX", null), by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("country must be an ISO 3166-1 alpha-2 code");
    }

    @Test
    void aWebsiteMustBeAnHttpAddress() {
        fixture.givenNoPriorActivity()
                .when(register("Provea", null, "javascript:alert(1)"), by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("website must be an http(s) address");
    }

    @Test
    void rotatingTheKeyRevokesTheCurrentCredential() {
        fixture.given(registered(), new CredentialIssued(ID, "cred-1", HASH_1, T1, "admin"))
                .when(new IssueCredentialCommand(ID, "cred-2", HASH_2, T1), by(SELF))
                .expectEvents(
                        new CredentialRevoked(ID, "cred-1", T1, "credential:cred-1"),
                        new CredentialIssued(ID, "cred-2", HASH_2, T1, "credential:cred-1"));
    }

    @Test
    void aRevokedCredentialCannotBeRevokedAgain() {
        fixture.given(
                        registered(),
                        new CredentialIssued(ID, "cred-1", HASH_1, T1, "admin"),
                        new CredentialRevoked(ID, "cred-1", T1, "admin"))
                .when(new RevokeCredentialCommand(ID, T1), by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anAdminSuspendsAnOrganization() {
        fixture.given(registered(), new CredentialIssued(ID, "cred-1", HASH_1, T1, "admin"))
                .when(new SuspendOrganizationCommand(ID, "impersonation", T1), by(Caller.ADMIN))
                .expectEvents(new OrganizationSuspended(ID, "impersonation", T1, "admin"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aSuspendedOrganizationGetsNoNewKeyEvenFromTheAdmin() {
        fixture.given(
                        registered(),
                        new CredentialIssued(ID, "cred-1", HASH_1, T1, "admin"),
                        new OrganizationSuspended(ID, "impersonation", T1, "admin"))
                .when(new IssueCredentialCommand(ID, "cred-2", HASH_2, T1), by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void theAdminRevokesTheKeyOfASuspendedOrganization() {
        fixture.given(
                        registered(),
                        new CredentialIssued(ID, "cred-1", HASH_1, T1, "admin"),
                        new OrganizationSuspended(ID, "impersonation", T1, "admin"))
                .when(new RevokeCredentialCommand(ID, T1), by(Caller.ADMIN))
                .expectEvents(new CredentialRevoked(ID, "cred-1", T1, "admin"));
    }

    @Test
    void anOrganizationHidesItselfWithoutGivingAReason() {
        fixture.given(registered())
                .when(new HideOrganizationCommand(ID, null, T1), by(SELF))
                .expectEvents(new OrganizationHidden(ID, null, T1, "credential:cred-1"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void anAdminHidesAnOrganizationWithTheReasonItWasAskedFor() {
        fixture.given(registered())
                .when(new HideOrganizationCommand(ID, "asked by phone, ticket 41", T1), by(Caller.ADMIN))
                .expectEvents(new OrganizationHidden(ID, "asked by phone, ticket 41", T1, "admin"));
    }

    @Test
    void anAdminCannotHideAnOrganizationWithoutAReason() {
        fixture.given(registered())
                .when(new HideOrganizationCommand(ID, " ", T1), by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("reason is required")
                .expectNoEvents();
    }

    @Test
    void hidingAnOrganizationAgainChangesNothingAndSucceeds() {
        fixture.given(registered(), new OrganizationHidden(ID, null, T1, "credential:cred-1"))
                .when(new HideOrganizationCommand(ID, null, T1), by(SELF))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aSuspendedOrganizationCanStillBeHidden() {
        fixture.given(registered(), new OrganizationSuspended(ID, null, T1, "admin"))
                .when(new HideOrganizationCommand(ID, "its keys were seized", T1), by(Caller.ADMIN))
                .expectEvents(new OrganizationHidden(ID, "its keys were seized", T1, "admin"));
    }

    @Test
    void aHandleThatIsNoSlugIsRefused() {
        fixture.givenNoPriorActivity()
                .when(
                        new RegisterOrganizationCommand(
                                ID, "Médicos Unidos", "Médicos", null, null, null, null, "cred-1", HASH_1, T1),
                        by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    private static OrganizationPersonalDataErased erasedBySelf() {
        return new OrganizationPersonalDataErased(ID, null, T1, "credential:cred-1");
    }

    @Test
    void anOrganizationErasesItsPersonalDataWithoutGivingAReason() {
        fixture.given(registered())
                .when(new EraseOrganizationPersonalDataCommand(ID, null, T1), by(SELF))
                .expectEvents(erasedBySelf())
                .expectResultMessagePayload(1L);
    }

    @Test
    void anAdminErasesAnOrganizationWithTheReasonItWasAskedFor() {
        fixture.given(registered())
                .when(new EraseOrganizationPersonalDataCommand(ID, "signed request, ticket 52", T1), by(Caller.ADMIN))
                .expectEvents(new OrganizationPersonalDataErased(ID, "signed request, ticket 52", T1, "admin"));
    }

    @Test
    void anAdminCannotEraseAnOrganizationWithoutAReason() {
        fixture.given(registered())
                .when(new EraseOrganizationPersonalDataCommand(ID, null, T1), by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("reason is required")
                .expectNoEvents();
    }

    @Test
    void erasingAgainChangesNothingAndSucceeds() {
        fixture.given(registered(), erasedBySelf())
                .when(new EraseOrganizationPersonalDataCommand(ID, "again", T1), by(Caller.ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void aSuspendedAndHiddenOrganizationCanStillBeErased() {
        fixture.given(
                        registered(),
                        new OrganizationSuspended(ID, null, T1, "admin"),
                        new OrganizationHidden(ID, null, T1, "credential:cred-1"))
                .when(new EraseOrganizationPersonalDataCommand(ID, "its keys were seized", T1), by(Caller.ADMIN))
                .expectEvents(new OrganizationPersonalDataErased(ID, "its keys were seized", T1, "admin"));
    }

    @Test
    void anErasedOrganizationGetsNoNewKey() {
        fixture.given(registered(), erasedBySelf())
                .when(new IssueCredentialCommand(ID, "cred-2", HASH_2, T1), by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("an erased organization gets no new key")
                .expectNoEvents();
    }

    @Test
    void anErasedOrganizationRegistersNoSigningKey() {
        fixture.given(registered(), erasedBySelf())
                .when(
                        new RegisterSigningKeyCommand(ID, SigningKeyId.of("k1"), null, null, "lost", T1),
                        by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("an erased organization registers no signing key")
                .expectNoEvents();
    }

    @Test
    void anErasedOrganizationHasNoProfileToUpdate() {
        fixture.given(registered(), erasedBySelf())
                .when(profile("ve", "union", "https://example.org/new"), by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void hidingAnErasedOrganizationChangesNothing() {
        fixture.given(registered(), erasedBySelf())
                .when(new HideOrganizationCommand(ID, null, T1), by(SELF))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private static UpdateOrganizationProfileCommand profile(String country, String kind, String website) {
        return new UpdateOrganizationProfileCommand(ID, country, "Zulia", kind, website, T1);
    }

    @Test
    void anOrganizationUpdatesItsOwnProfile() {
        fixture.given(registered())
                .when(profile("ve", "union", "https://example.org/new"), by(SELF))
                .expectEvents(new OrganizationProfileUpdated(
                        ID, "VE", "Zulia", "union", "https://example.org/new", T1, "credential:cred-1"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void anAdminUpdatesAnOrganizationsProfile() {
        fixture.given(registered())
                .when(profile("CO", null, null), by(Caller.ADMIN))
                .expectEvents(new OrganizationProfileUpdated(ID, "CO", "Zulia", null, null, T1, "admin"));
    }

    @Test
    void theProfileItAlreadyHasChangesNothing() {
        fixture.given(registered())
                .when(
                        new UpdateOrganizationProfileCommand(ID, "VE", "Caracas", "NGO", "https://example.org", T1),
                        by(SELF))
                .expectNoEvents();
    }

    @Test
    void aProfileWithAnUnknownCountryIsRefused() {
        fixture.given(registered())
                .when(profile("XX", null, null), by(SELF))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("country must be an ISO 3166-1 alpha-2 code");
    }

    @Test
    void aProfileWithAWebsiteThatIsNoWebAddressIsRefused() {
        fixture.given(registered())
                .when(profile("VE", null, "javascript:alert(1)"), by(SELF))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }
}
