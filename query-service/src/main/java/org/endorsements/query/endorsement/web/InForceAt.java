package org.endorsements.query.endorsement.web;

import java.time.Instant;
import java.util.List;
import org.endorsements.query.endorsement.persistence.EndorsementQueries;
import org.endorsements.query.organization.Organizations;
import org.endorsements.query.shared.cache.ResultCache;
import org.endorsements.query.shared.web.ExpensiveReads;
import org.endorsements.query.statement.StatementView;
import org.endorsements.query.statement.Statements;
import org.springframework.stereotype.Component;

/**
 * Who was in force at an instant, for the signatory list and the document: computed within the bulkhead for
 * large reads, at most once per position of the statement's view and last change before the instant, then served
 * from the result cache.
 */
@Component
public class InForceAt {

    private final EndorsementQueries endorsements;
    private final Statements statements;
    private final ResultCache cache;
    private final ExpensiveReads expensive;

    private final Organizations organizations;

    InForceAt(
            EndorsementQueries endorsements,
            Statements statements,
            ResultCache cache,
            ExpensiveReads expensive,
            Organizations organizations) {
        this.organizations = organizations;
        this.endorsements = endorsements;
        this.statements = statements;
        this.cache = cache;
        this.expensive = expensive;
    }

    public EndorsementQueries.SignatoriesAt get(StatementView statement, Instant at, boolean auditor) {
        // Keyed by the last change at or before the instant, not by the instant: asOf values a nanosecond apart
        // with no event between them share one entry instead of each pushing real entries out of the cache.
        String lastChange = endorsements
                .lastChangeAt(statement.getId(), at)
                .map(Instant::toString)
                .orElse("before-any");
        // Whom a past list names follows today's visibility. A hide travels on the organization's partition, which
        // another instance may be projecting: the key holds the hidden organizations as the views have them now, and
        // the
        // erased ones (an erasure of an organization hidden already changes only what auditors' lists show).
        ResultCache.Key key = new ResultCache.Key(
                "signatories-at",
                statement.getId(),
                statements.position(statement),
                List.of(lastChange, auditor, organizations.hiddenIds(), organizations.erasedIds()));
        return cache.get(key, () -> expensive.call(() -> endorsements.signatoriesAt(statement.getId(), at, auditor)));
    }
}
