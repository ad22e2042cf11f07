package org.endorsements.command.personaldata.persistence;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.endorsements.events.EndorsementEvent;
import org.endorsements.events.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Refuses to start on an event store written before personal fields were sealed: its events of those types carry
 * an earlier revision and their personal fields in plain text. Migrating such a store is a one-off job this
 * version does not ship (docs/security.md), and quietly reading it would leave the plain text where the issue
 * says none may be.
 */
public final class PlainTextStoreRefusal {

    private PlainTextStoreRefusal() {}

    public static void check(JdbcClient jdbc) {
        AnnotationRevisionResolver revisions = new AnnotationRevisionResolver();
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (Class<?> type : EndorsementEvent.class.getPermittedSubclasses()) {
            if (PersonalData.isSealed(type)) {
                conditions.add("(payloadType = ? AND (payloadRevision IS NULL OR payloadRevision <> ?))");
                params.add(type.getName());
                params.add(revisions.revisionOf(type));
            }
        }
        boolean plain = !jdbc.sql("SELECT 1 FROM DomainEventEntry WHERE " + String.join(" OR ", conditions)
                        + " FETCH FIRST 1 ROWS ONLY")
                .params(params)
                .query((rs, n) -> 1)
                .list()
                .isEmpty();
        if (plain) {
            throw new IllegalStateException("This event store was created before personal data was encrypted: it"
                    + " holds organizations' names and other personal fields in plain text. Start with a fresh data"
                    + " folder (./endorsements up --fresh) or a new database; a store cannot be migrated in place by"
                    + " this version (see docs/security.md, \"Personal data\").");
        }
    }
}
