package org.endorsements.command.security.web;

import org.endorsements.command.shared.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.security.core.annotation.AuthenticationPrincipal;

/**
 * Tells the holder of a key who it is (whether a key still works, and for which organization), so a client can check
 * a key before it relies on it. The query service does not call it: it checks keys locally against the credential
 * digests this service publishes on a private topic ({@code CredentialDigestPublisher}).
 */
@RestController
class WhoAmIController {

    record Caller(String caller, String organizationId) {
    }

    @GetMapping("/api/credentials/me")
    Caller whoAmI(@AuthenticationPrincipal Actor actor) {
        if (actor instanceof Actor.OrganizationCredential credential) {
            return new Caller("organization", credential.organizationId().value());
        }
        return new Caller("admin", null);
    }
}
