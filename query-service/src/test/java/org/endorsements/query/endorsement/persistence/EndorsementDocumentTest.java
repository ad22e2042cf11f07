package org.endorsements.query.endorsement.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.bson.Document;
import org.endorsements.events.EndorsementId;
import org.endorsements.query.endorsement.EndorsementView;
import org.endorsements.query.support.MappingConverters;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;

/** The hand-built stored form equals Spring Data's mapping, so the read side and older documents are unaffected. */
class EndorsementDocumentTest {

    private static final Instant T1 = Instant.parse("2026-11-01T10:15:30.123Z");
    private static final Instant T2 = Instant.parse("2026-11-02T08:00:00Z");

    private final MappingMongoConverter converter = MappingConverters.asConfigured();

    @Test
    void an_endorsement_is_stored_exactly_as_spring_data_would_store_it() {
        EndorsementView view = EndorsementView.empty(EndorsementId.parse("st-1:org-1"));
        view.added("Org 1", T1, "imported", 12, "admin", "c".repeat(64), "ab".repeat(32), 0, false);

        assertThat(EndorsementProjection.document(view)).isEqualTo(mapped(view));
    }

    @Test
    void a_withdrawn_endorsement_after_a_gap_is_stored_exactly_as_spring_data_would_store_it() {
        EndorsementView view = EndorsementView.empty(EndorsementId.parse("st-1:org-2"));
        view.added("Org 2", T1, "api", null, "credential:c-2", "c".repeat(64), "ab".repeat(32), 0, false);
        view.withdrawn(T2, "pressure", "credential:c-2", 2, true);

        assertThat(EndorsementProjection.document(view)).isEqualTo(mapped(view));
    }

    private Document mapped(Object view) {
        Document document = new Document();
        converter.write(view, document);
        return document;
    }
}
