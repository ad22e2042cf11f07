package org.endorsements.query.security.web;

import java.util.List;
import org.endorsements.events.Caller;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A bearer key as presented (unauthenticated, principal null) or as recognized (authenticated, principal the
 * {@link Caller}). The key itself is dropped once checked.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    static final String AUDITOR = "AUDITOR";
    static final String ADMIN = "ADMIN";
    static final String ORGANIZATION = "ORGANIZATION";

    private final Caller reader;
    private String key;

    private ApiKeyAuthentication(String key, Caller reader, List<GrantedAuthority> authorities) {
        super(authorities);
        this.key = key;
        this.reader = reader;
        setAuthenticated(reader != null);
    }

    static ApiKeyAuthentication presented(String key) {
        return new ApiKeyAuthentication(key, null, List.of());
    }

    static ApiKeyAuthentication of(Caller reader) {
        List<GrantedAuthority> roles = switch (reader.role()) {
            // The admin may do whatever an auditor may.
            case ADMIN -> List.of(role(ADMIN), role(AUDITOR));
            case AUDITOR -> List.of(role(AUDITOR));
            case ORGANIZATION -> List.of(role(ORGANIZATION));
            case PUBLIC -> throw new IllegalArgumentException("the public presents no key");
        };
        return new ApiKeyAuthentication(null, reader, roles);
    }

    private static GrantedAuthority role(String name) {
        return new SimpleGrantedAuthority("ROLE_" + name);
    }

    @Override
    public Object getCredentials() {
        return key;
    }

    @Override
    public Object getPrincipal() {
        return reader;
    }

    @Override
    public void eraseCredentials() {
        super.eraseCredentials();
        key = null;
    }
}
