package org.endorsements.query.statement;

/**
 * How many current signatories endorse a version of a statement (named or not: counts include everyone). Answered,
 * like {@link HiddenSignatories}, by the endorsements' views.
 */
public interface VersionCounts {

    long currentSignatoriesOf(String statementId, String versionContentHash);
}
