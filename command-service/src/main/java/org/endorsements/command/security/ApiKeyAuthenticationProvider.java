package org.endorsements.command.security;

import org.endorsements.command.registry.OrganizationRegistry;
import org.endorsements.command.shared.ApiKeys;
import org.endorsements.events.Caller;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Turns a presented API key into the {@link Caller} it belongs to: the admin key from configuration, or an active
 * organization credential, known here only by the SHA-256 of its key. */
@Component
class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final String adminKeyHash;
    private final OrganizationRegistry organizations;

    ApiKeyAuthenticationProvider(SecurityProperties properties, OrganizationRegistry organizations) {
        if (!StringUtils.hasText(properties.adminKey())) {
            throw new IllegalStateException(
                    "No admin key configured: set ENDORSEMENTS_ADMIN_KEY (./endorsements up generates one)");
        }
        this.adminKeyHash = ApiKeys.hash(properties.adminKey());
        this.organizations = organizations;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String hash = ApiKeys.hash((String) authentication.getCredentials());
        if (ApiKeys.sameHash(hash, adminKeyHash)) {
            return ApiKeyAuthentication.of(Caller.ADMIN);
        }
        return organizations
                .activeCredential(hash)
                .filter(c -> ApiKeys.sameHash(hash, c.keyHash()))
                .map(c -> ApiKeyAuthentication.of(Caller.organization(c.organizationId(), c.credentialId())))
                .orElseThrow(() -> new BadCredentialsException("unknown or revoked API key"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }
}
