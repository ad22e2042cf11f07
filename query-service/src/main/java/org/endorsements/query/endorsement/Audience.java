package org.endorsements.query.endorsement;

import org.endorsements.events.Caller;

/**
 * Whom a signatory list is for, which decides whom it names: auditors see every signatory; everyone else sees
 * the public ones, and an organization its own endorsement too, whatever its visibility.
 *
 * @param auditor        an auditor (or the admin): every signatory is named
 * @param organizationId the organization a caller acts for, named to itself; null for anyone else
 */
public record Audience(boolean auditor, String organizationId) {

    public static final Audience PUBLIC = new Audience(false, null);
    public static final Audience AUDITOR = new Audience(true, null);

    public static Audience of(Caller caller) {
        if (caller.isAuditor()) {
            return AUDITOR;
        }
        return caller.organization().map(id -> new Audience(false, id.value())).orElse(PUBLIC);
    }
}
