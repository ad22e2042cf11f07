package org.endorsements.command.security;

import java.util.List;
import org.endorsements.command.shared.Actor;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A bearer API key: before authentication it holds only the presented key; after, the {@link Actor} it belongs to
 * (the principal controllers receive through {@code @AuthenticationPrincipal}) and no key.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    static final String ADMIN = "ROLE_ADMIN";
    static final String ORGANIZATION = "ROLE_ORGANIZATION";

    private final transient Actor actor;
    private String presentedKey;

    private ApiKeyAuthentication(String presentedKey) {
        super(List.of());
        this.presentedKey = presentedKey;
        this.actor = null;
    }

    private ApiKeyAuthentication(Actor actor) {
        super(List.of(new SimpleGrantedAuthority(actor.isAdmin() ? ADMIN : ORGANIZATION)));
        this.actor = actor;
        this.presentedKey = null;
        setAuthenticated(true);
    }

    static ApiKeyAuthentication unauthenticated(String presentedKey) {
        return new ApiKeyAuthentication(presentedKey);
    }

    static ApiKeyAuthentication of(Actor actor) {
        return new ApiKeyAuthentication(actor);
    }

    /** The actor of an authenticated API key, or null for anything else (anonymous, no authentication). */
    static Actor actorOf(Authentication authentication) {
        return authentication instanceof ApiKeyAuthentication key && key.isAuthenticated() ? key.actor : null;
    }

    @Override
    public Object getCredentials() {
        return presentedKey;
    }

    @Override
    public Object getPrincipal() {
        return actor;
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
