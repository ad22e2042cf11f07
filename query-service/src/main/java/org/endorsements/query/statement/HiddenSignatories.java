package org.endorsements.query.statement;

/**
 * How many of a statement's current signatories the public does not see named: counted by their own choice, or
 * of an organization that is hidden. Answered by the endorsements' views (which depend on this feature, not the
 * other way round).
 */
public interface HiddenSignatories {

    long countedButHidden(String statementId);

    /**
     * How many organizations are hidden. There is no "unhide", so this only grows: a change means a new hide,
     * whichever instance projected it.
     */
    long hiddenOrganizations();
}
