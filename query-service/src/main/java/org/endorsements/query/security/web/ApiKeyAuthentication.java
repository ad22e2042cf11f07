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

    static final String AUDITOR = Caller.Role.AUDITOR.name();
    static final String ADMIN = Caller.Role.ADMIN.name();
    static final String ORGANIZATION = Caller.Role.ORGANIZATION.name();

    private final Caller caller;
    private String key;

    private ApiKeyAuthentication(String key, Caller caller, List<GrantedAuthority> authorities) {
        super(authorities);
        this.key = key;
        this.caller = caller;
        setAuthenticated(caller != null);
    }

    static ApiKeyAuthentication presented(String key) {
        return new ApiKeyAuthentication(key, null, List.of());
    }

    static ApiKeyAuthentication of(Caller caller) {
        List<GrantedAuthority> roles = switch (caller.role()) {
            // The admin may do whatever an auditor may.
            case ADMIN -> List.of(role(Caller.Role.ADMIN), role(Caller.Role.AUDITOR));
            case AUDITOR -> List.of(role(Caller.Role.AUDITOR));
            case ORGANIZATION -> List.of(role(Caller.Role.ORGANIZATION));
            case PUBLIC -> throw new IllegalArgumentException("the public presents no key");
        };
        return new ApiKeyAuthentication(null, caller, roles);
    }

    private static GrantedAuthority role(Caller.Role role) {
        return new SimpleGrantedAuthority(role.authority());
    }

    @Override
    public Object getCredentials() {
        return key;
    }

    @Override
    public Object getPrincipal() {
        return caller;
    }

    @Override
    public void eraseCredentials() {
        super.eraseCredentials();
        key = null;
    }
}
