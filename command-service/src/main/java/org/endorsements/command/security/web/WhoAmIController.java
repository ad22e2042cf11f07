package org.endorsements.command.security.web;

import org.endorsements.command.shared.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.security.core.annotation.AuthenticationPrincipal;

/**
 * Tells the holder of a key who it is. The query service asks this to let an organization fetch its own receipt
 * with its own key: keys are known (as hashes) only here.
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
