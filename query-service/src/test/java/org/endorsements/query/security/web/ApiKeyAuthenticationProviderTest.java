package org.endorsements.query.security.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.endorsements.events.Caller;
import org.endorsements.events.CanonicalText;
import org.endorsements.events.CredentialDigest;
import org.endorsements.events.OrganizationId;
import org.endorsements.query.security.OrganizationKeys;
import org.endorsements.query.security.ReadSecurityProperties;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

class ApiKeyAuthenticationProviderTest {

    private final OrganizationKeys organizations = new OrganizationKeys();
    private final ApiKeyAuthenticationProvider provider = new ApiKeyAuthenticationProvider(
            new ReadSecurityProperties("auditor-key", "admin-key", null, null, null), organizations);

    @Test
    void theAdminKeyIsTheAdminWhoIsAlsoAnAuditor() {
        Authentication admin = provider.authenticate(ApiKeyAuthentication.presented("admin-key"));

        assertThat(admin.getPrincipal()).isEqualTo(Caller.ADMIN);
        assertThat(admin.getAuthorities())
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_AUDITOR");
        assertThat(admin.getCredentials()).isNull();
    }

    @Test
    void anOrganizationsPublishedKeyIsThatOrganization() {
        organizations.apply("a", new CredentialDigest("a", "c1", CanonicalText.sha256Hex("key-a"), true));
        organizations.markCaughtUp();

        Authentication a = provider.authenticate(ApiKeyAuthentication.presented("key-a"));

        assertThat(a.getPrincipal()).isEqualTo(Caller.organization(OrganizationId.of("a"), "c1"));
    }

    @Test
    void anUnknownKeyOnceTheTopicIsReadIsBadCredentials() {
        organizations.markCaughtUp();

        assertThatThrownBy(() -> provider.authenticate(ApiKeyAuthentication.presented("guess")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void anUnknownKeyBeforeTheTopicIsReadIsNotYetKnownRatherThanInvalid() {
        assertThatThrownBy(() -> provider.authenticate(ApiKeyAuthentication.presented("guess")))
                .isInstanceOf(KeysNotYetKnownException.class);
    }

    @Test
    void aPublishedKeyBeforeTheTopicIsReadIsNotYetKnownForItsRevocationMayNotBeReadYet() {
        organizations.apply("a", new CredentialDigest("a", "c1", CanonicalText.sha256Hex("key-a"), true));

        assertThatThrownBy(() -> provider.authenticate(ApiKeyAuthentication.presented("key-a")))
                .isInstanceOf(KeysNotYetKnownException.class);
    }
}
