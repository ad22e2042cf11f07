package org.endorsements.command.security;

import java.util.Optional;
import org.endorsements.command.organization.persistence.OrganizationRegistry;
import org.endorsements.command.shared.Actor;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Turns a presented API key into the actor it belongs to. */
@Component
class Authenticator {

    private final String adminKeyHash;
    private final OrganizationRegistry organizations;

    Authenticator(SecurityProperties properties, OrganizationRegistry organizations) {
        if (!StringUtils.hasText(properties.adminKey())) {
            throw new IllegalStateException(
                    "No admin key configured: set ENDORSEMENTS_ADMIN_KEY (./endorsements up generates one)");
        }
        this.adminKeyHash = ApiKeys.hash(properties.adminKey());
        this.organizations = organizations;
    }

    Optional<Actor> authenticate(String presentedKey) {
        String hash = ApiKeys.hash(presentedKey);
        if (ApiKeys.sameHash(hash, adminKeyHash)) {
            return Optional.of(Actor.admin());
        }
        return organizations.activeCredential(hash)
                .filter(c -> ApiKeys.sameHash(hash, c.keyHash()))
                .map(c -> new Actor.OrganizationCredential(c.organizationId(), c.credentialId()));
    }
}
