package org.endorsements.command.security;

import java.util.List;
import org.endorsements.events.Caller;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A bearer API key: before authentication it holds only the presented key; after, the {@link Caller} it belongs to
 * (the principal controllers receive through {@code @AuthenticationPrincipal}) and no key.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final transient Caller caller;
    private String presentedKey;

    private ApiKeyAuthentication(String presentedKey) {
        super(List.of());
        this.presentedKey = presentedKey;
        this.caller = null;
    }

    private ApiKeyAuthentication(Caller caller) {
        super(List.of(new SimpleGrantedAuthority(caller.role().authority())));
        this.caller = caller;
        this.presentedKey = null;
        setAuthenticated(true);
    }

    static ApiKeyAuthentication unauthenticated(String presentedKey) {
        return new ApiKeyAuthentication(presentedKey);
    }

    static ApiKeyAuthentication of(Caller caller) {
        return new ApiKeyAuthentication(caller);
    }

    /** The caller of an authenticated API key, or null for anything else (anonymous, no authentication). */
    static Caller callerOf(Authentication authentication) {
        return authentication instanceof ApiKeyAuthentication key && key.isAuthenticated() ? key.caller : null;
    }

    @Override
    public Object getCredentials() {
        return presentedKey;
    }

    @Override
    public Object getPrincipal() {
        return caller;
    }

    @Override
    public void eraseCredentials() {
        presentedKey = null;
        super.eraseCredentials();
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
