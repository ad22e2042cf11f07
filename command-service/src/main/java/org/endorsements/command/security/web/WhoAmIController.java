package org.endorsements.command.security.web;

import org.endorsements.events.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the holder of a key who it is (whether a key still works, and for which organization), so a client can check
 * a key before it relies on it. The query service does not call it: it checks keys locally against the credential
 * digests this service publishes on a private topic ({@code CredentialDigestPublisher}).
 */
@RestController
class WhoAmIController {

    record Identity(String caller, String organizationId) {}

    @GetMapping("/api/credentials/me")
    Identity whoAmI(@AuthenticationPrincipal Caller caller) {
        return caller.organization()
                .map(organization -> new Identity("organization", organization.value()))
                .orElseGet(() -> new Identity("admin", null));
    }
}
