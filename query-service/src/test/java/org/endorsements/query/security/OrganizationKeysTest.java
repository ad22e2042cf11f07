package org.endorsements.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.endorsements.events.Caller;
import org.endorsements.events.CredentialDigest;
import org.endorsements.events.OrganizationId;
import org.junit.jupiter.api.Test;

class OrganizationKeysTest {

    private final OrganizationKeys keys = new OrganizationKeys();

    @Test
    void anActiveDigestMakesItsHashKnownAsTheOrganizations() {
        keys.apply("a", new CredentialDigest("a", "c1", "h1", true));

        assertThat(keys.organizationOf("h1")).contains("a");
    }

    @Test
    void aKnownKeyOpensItsOrganizationAsTheCredentialItIs() {
        keys.apply("a", new CredentialDigest("a", "c1", "h1", true));

        assertThat(keys.callerOf("h1")).contains(Caller.organization(OrganizationId.of("a"), "c1"));
        assertThat(keys.callerOf("h2")).isEmpty();
    }

    @Test
    void aTombstoneForgetsTheOrganizationsKey() {
        keys.apply("a", new CredentialDigest("a", "c1", "h1", true));

        keys.apply("a", null);

        assertThat(keys.organizationOf("h1")).isEmpty();
    }

    @Test
    void anInactiveDigestForgetsTheOrganizationsKey() {
        keys.apply("a", new CredentialDigest("a", "c1", "h1", true));

        keys.apply("a", new CredentialDigest("a", "c1", "h1", false));

        assertThat(keys.organizationOf("h1")).isEmpty();
    }

    @Test
    void aNewKeyOfTheSameOrganizationReplacesItsPreviousOne() {
        keys.apply("a", new CredentialDigest("a", "c1", "h1", true));

        keys.apply("a", new CredentialDigest("a", "c2", "h2", true));

        assertThat(keys.organizationOf("h1")).isEmpty();
        assertThat(keys.organizationOf("h2")).contains("a");
    }

    @Test
    void aReplacingTableForgetsEveryKeyItDoesNotHold() {
        keys.apply("a", new CredentialDigest("a", "c1", "h1", true));
        OrganizationKeys.Table reread = new OrganizationKeys.Table();
        reread.apply("b", new CredentialDigest("b", "c2", "h2", true));

        keys.replace(reread);

        assertThat(keys.organizationOf("h1")).isEmpty();
        assertThat(keys.organizationOf("h2")).contains("b");
        assertThat(keys.caughtUp()).isTrue();
    }
}
