package org.endorsements.query.projection.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.endorsements.query.audit.AuditEntry;
import org.endorsements.query.endorsement.EndorsementView;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

class ViewDocumentsTest {

    private static final Instant T1 = Instant.parse("2026-11-01T10:15:30.123Z");
    private static final Instant T2 = Instant.parse("2026-11-02T08:00:00Z");

    private final MappingMongoConverter converter = converter();

    @Test
    void an_audit_entry_is_stored_exactly_as_spring_data_would_store_it() {
        AuditEntry entry = new AuditEntry("e-1", "org.endorsements.EndorsementAdded", "st-1", "org-1",
                "credential:c-1", T1, T2, "Endorsement", "st-1:org-1", 3, 4, 1234,
                new Document("statementId", "st-1").append("entryNumber", 7));

        assertThat(ViewDocuments.audit(entry)).isEqualTo(mapped(entry));
    }

    @Test
    void an_audit_entry_without_statement_or_organization_leaves_those_fields_out_like_spring_data() {
        AuditEntry entry = new AuditEntry("e-2", "org.endorsements.StatementClosed", null, null, null, T1, T2,
                "Statement", "st-1", 1, 0, 9, new Document());

        assertThat(ViewDocuments.audit(entry)).isEqualTo(mapped(entry));
    }

    @Test
    void a_hand_written_audit_document_reads_back_as_the_same_entry() {
        AuditEntry entry = new AuditEntry("e-3", "t", "st-1", "org-1", "admin", T1, T2, "Endorsement",
                "st-1:org-1", 0, 2, 5, new Document("a", 1));

        assertThat(converter.read(AuditEntry.class, ViewDocuments.audit(entry))).isEqualTo(entry);
    }

    @Test
    void an_endorsement_is_stored_exactly_as_spring_data_would_store_it() {
        EndorsementView view = EndorsementView.empty("st-1:org-1", "st-1", "org-1");
        view.added("Org 1", T1, "imported", 12, "admin", "c".repeat(64), "ab".repeat(32), 0, false);

        assertThat(ViewDocuments.endorsement(view)).isEqualTo(mapped(view));
    }

    @Test
    void a_withdrawn_endorsement_after_a_gap_is_stored_exactly_as_spring_data_would_store_it() {
        EndorsementView view = EndorsementView.empty("st-1:org-2", "st-1", "org-2");
        view.added("Org 2", T1, "api", null, "credential:c-2", "c".repeat(64), "ab".repeat(32), 0, false);
        view.withdrawn(T2, "pressure", "credential:c-2", 2, true);

        assertThat(ViewDocuments.endorsement(view)).isEqualTo(mapped(view));
    }

    private Document mapped(Object view) {
        Document document = new Document();
        converter.write(view, document);
        return document;
    }

    /** As Spring Boot configures it for the service. */
    private static MappingMongoConverter converter() {
        MongoCustomConversions conversions = new MongoCustomConversions(List.of());
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return converter;
    }
}
