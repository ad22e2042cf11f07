package org.endorsements.query.endorsement.web;

import java.time.Instant;
import java.util.List;
import org.endorsements.query.endorsement.persistence.EndorsementQueries;
import org.endorsements.query.shared.cache.ResultCache;
import org.endorsements.query.shared.web.ExpensiveReads;
import org.endorsements.query.statement.StatementView;
import org.endorsements.query.statement.persistence.StatementQueries;
import org.springframework.stereotype.Component;

/**
 * Who was in force at an instant, for the signatory list and the document: computed within the bulkhead for
 * large reads, at most once per position of the statement's view, then served from the result cache.
 */
@Component
public class InForceAt {

    private final EndorsementQueries endorsements;
    private final StatementQueries statements;
    private final ResultCache cache;
    private final ExpensiveReads expensive;

    InForceAt(EndorsementQueries endorsements, StatementQueries statements, ResultCache cache,
            ExpensiveReads expensive) {
        this.endorsements = endorsements;
        this.statements = statements;
        this.cache = cache;
        this.expensive = expensive;
    }

    public EndorsementQueries.SignatoriesAt get(StatementView statement, Instant at, boolean auditor) {
        ResultCache.Key key = new ResultCache.Key("signatories-at", statement.getId(),
                statements.position(statement), List.of(at, auditor));
        return cache.get(key, () -> expensive.call(() -> endorsements.signatoriesAt(statement.getId(), at,
                auditor)));
    }
}
