package org.endorsements.query.security.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.endorsements.events.Caller;
import org.endorsements.events.CredentialDigest;
import org.endorsements.query.security.OrganizationKeys;
import org.endorsements.query.security.ReadSecurityProperties;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.util.StringUtils;

/**
 * Recognizes a bearer key by its SHA-256: the admin's and the auditor's from configuration, organizations' from
 * the digests the command service publishes ({@link OrganizationKeys}). Nothing leaves this process.
 */
class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final byte[] auditorKeyHash;
    private final byte[] adminKeyHash;
    private final OrganizationKeys organizations;

    ApiKeyAuthenticationProvider(ReadSecurityProperties properties, OrganizationKeys organizations) {
        if (!StringUtils.hasText(properties.auditorKey()) || !StringUtils.hasText(properties.adminKey())) {
            throw new IllegalStateException("No auditor or admin key configured: set ENDORSEMENTS_AUDITOR_KEY and "
                    + "ENDORSEMENTS_ADMIN_KEY (./endorsements up generates both)");
        }
        this.auditorKeyHash = ascii(CredentialDigest.keyHashOf(properties.auditorKey()));
        this.adminKeyHash = ascii(CredentialDigest.keyHashOf(properties.adminKey()));
        this.organizations = organizations;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String key = (String) authentication.getCredentials();
        if (!StringUtils.hasText(key)) {
            throw new BadCredentialsException("empty key");
        }
        String hash = CredentialDigest.keyHashOf(key);
        // Constant-time comparisons of the configured keys' hashes, so timing tells nothing about them.
        if (MessageDigest.isEqual(ascii(hash), adminKeyHash)) {
            return ApiKeyAuthentication.of(Caller.ADMIN);
        }
        if (MessageDigest.isEqual(ascii(hash), auditorKeyHash)) {
            return ApiKeyAuthentication.of(Caller.AUDITOR);
        }
        // Until the topic has been read to its end, a key found may be one whose revocation (a tombstone later in
        // the topic) has not been read yet: no organization key opens anything before then.
        if (!organizations.caughtUp()) {
            throw new KeysNotYetKnownException();
        }
        return organizations
                .callerOf(hash)
                .map(ApiKeyAuthentication::of)
                .orElseThrow(() -> new BadCredentialsException("unknown key"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }

    private static byte[] ascii(String hex) {
        return hex.getBytes(StandardCharsets.US_ASCII);
    }
}
