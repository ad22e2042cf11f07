package org.endorsements.command.registry.persistence;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.endorsements.command.organization.PersonalDataShredder;
import org.endorsements.events.OrganizationPersonalDataErased;
import org.springframework.stereotype.Component;

/**
 * Shreds an erased organization's personal data in the transaction that records its erasure: if shredding fails,
 * the erasure is not recorded either and the request fails, so no erasure is acknowledged that left a key behind.
 */
@Component
@ProcessingGroup(RegistryConfiguration.PROCESSING_GROUP)
class PersonalDataErasure {

    private final PersonalDataShredder shredder;

    PersonalDataErasure(PersonalDataShredder shredder) {
        this.shredder = shredder;
    }

    @EventHandler
    void on(OrganizationPersonalDataErased event) {
        shredder.shred(event.organizationId());
    }
}
