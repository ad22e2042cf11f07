package org.endorsements.command.organization;

import org.endorsements.events.OrganizationId;

/**
 * The shredder in force while personal data is stored in plain text: it destroys nothing, because there is no data
 * key to destroy. An erasure then takes the organization out of every view (the query side applies the event), but
 * its name stays readable in the event store, on the topic and in backups; docs/visibility.md says so. The
 * per-organization encryption replaces this bean with one that destroys the organization's data key.
 */
public class RetainingPersonalDataShredder implements PersonalDataShredder {

    @Override
    public void shred(OrganizationId organizationId) {
        // Deliberately nothing: see the class comment.
    }
}
