package org.endorsements.query.audit.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.bson.Document;
import org.endorsements.query.audit.AuditEntry;
import org.endorsements.query.support.MappingConverters;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;

/** The hand-built stored form equals Spring Data's mapping, so the read side and older documents are unaffected. */
class AuditDocumentTest {

    private static final Instant T1 = Instant.parse("2026-11-01T10:15:30.123Z");
    private static final Instant T2 = Instant.parse("2026-11-02T08:00:00Z");

    private final MappingMongoConverter converter = MappingConverters.asConfigured();

    @Test
    void an_audit_entry_is_stored_exactly_as_spring_data_would_store_it() {
        AuditEntry entry = new AuditEntry(
                "e-1",
                "org.endorsements.EndorsementAdded",
                "st-1",
                "org-1",
                "credential:c-1",
                T1,
                T2,
                "Endorsement",
                "st-1:org-1",
                3,
                4,
                1234,
                new Document("statementId", "st-1").append("entryNumber", 7));

        assertThat(AuditProjection.document(entry)).isEqualTo(mapped(entry));
    }

    @Test
    void an_audit_entry_without_statement_or_organization_leaves_those_fields_out_like_spring_data() {
        AuditEntry entry = new AuditEntry(
                "e-2",
                "org.endorsements.StatementClosed",
                null,
                null,
                null,
                T1,
                T2,
                "Statement",
                "st-1",
                1,
                0,
                9,
                new Document());

        assertThat(AuditProjection.document(entry)).isEqualTo(mapped(entry));
    }

    @Test
    void a_hand_written_audit_document_reads_back_as_the_same_entry() {
        AuditEntry entry = new AuditEntry(
                "e-3",
                "t",
                "st-1",
                "org-1",
                "admin",
                T1,
                T2,
                "Endorsement",
                "st-1:org-1",
                0,
                2,
                5,
                new Document("a", 1));

        assertThat(converter.read(AuditEntry.class, AuditProjection.document(entry)))
                .isEqualTo(entry);
    }

    private Document mapped(Object view) {
        Document document = new Document();
        converter.write(view, document);
        return document;
    }
}
