package org.endorsements.command.personaldata.persistence;

import org.endorsements.command.organization.PersonalDataShredder;
import org.endorsements.command.personaldata.DataKeyStore;
import org.endorsements.events.OrganizationId;
import org.springframework.stereotype.Component;

/**
 * Crypto-shredding: an erasure destroys the organization's data key, so that every sealed field of its events, in
 * the event store, on the topic and in every backup of either, can never be opened again.
 */
@Component
class DataKeyShredder implements PersonalDataShredder {

    private final DataKeyStore keys;

    DataKeyShredder(DataKeyStore keys) {
        this.keys = keys;
    }

    @Override
    public void shred(OrganizationId organizationId) {
        keys.destroy(organizationId);
    }
}
