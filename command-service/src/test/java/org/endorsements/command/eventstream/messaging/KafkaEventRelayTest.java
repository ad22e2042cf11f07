package org.endorsements.command.eventstream.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.spring.stereotype.Aggregate;
import org.endorsements.command.endorsement.Endorsement;
import org.endorsements.command.eventstream.EventStreamProperties;
import org.endorsements.command.organization.CredentialIssued;
import org.endorsements.command.organization.Organization;
import org.endorsements.command.personaldata.DataKeyStore;
import org.endorsements.command.statement.Statement;
import org.endorsements.events.AggregateType;
import org.endorsements.events.AssuranceLevel;
import org.endorsements.events.CredentialDigest;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.StatementId;
import org.endorsements.events.StatementPublished;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;

class KafkaEventRelayTest {

    private static final StatementPublished PUBLISHED = new StatementPublished(
            StatementId.of("icc-statement"),
            "T",
            "B",
            "en",
            "a".repeat(64),
            Instant.parse("2026-11-01T10:00:00Z"),
            "admin",
            null,
            null);

    @SuppressWarnings("unchecked")
    private final KafkaEventRelay relay = new KafkaEventRelay(
            mock(KafkaTemplate.class),
            new EventStreamProperties("endorsement-events", 1, (short) 1, 1),
            mock(DataKeyStore.class));

    private static GenericDomainEventMessage<StatementPublished> storedAs(String aggregateType) {
        return new GenericDomainEventMessage<>(aggregateType, "icc-statement", 0, PUBLISHED);
    }

    private static String aggregateTypeOf(ProducerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("ce_aggregatetype").value(), StandardCharsets.UTF_8);
    }

    /** A class renamed from {@code Statement} keeps the pinned type, so its events are still stored as one. */
    @AggregateRoot(type = Statement.TYPE)
    static class Proclamation {}

    @Test
    void anIssuedCredentialIsPublishedUnderItsPublicNameWithWhoIssuedItAndOnlyTheKeysDigest() {
        String key = "ek_the-secret-key";
        CredentialIssued issued = new CredentialIssued(
                OrganizationId.of("acme"),
                "cred-2",
                CredentialDigest.keyHashOf(key),
                Instant.parse("2026-11-01T10:00:00Z"),
                "admin",
                AssuranceLevel.ADMIN_ISSUED_CREDENTIAL);

        ProducerRecord<String, byte[]> record = relay.toRecord(
                issued.publicForm(), new GenericDomainEventMessage<>(Organization.TYPE, "acme", 3, issued));

        String value = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(record.key()).isEqualTo("acme");
        assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("org.endorsements.ApiCredentialIssued.v1");
        assertThat(new String(record.headers().lastHeader("ce_sequence").value(), StandardCharsets.UTF_8))
                .isEqualTo("3");
        assertThat(value)
                .contains("\"issuedBy\":\"admin\"", "\"assurance\":\"admin-issued-credential\"")
                .contains("\"keyDigest\":\"" + CredentialDigest.keyHashOf(key) + "\"")
                .doesNotContain(key);
    }

    @Test
    void theAggregateTypeOnTheTopicIsTheDocumentedWireName() {
        assertThat(aggregateTypeOf(relay.toRecord(PUBLISHED, storedAs(Statement.TYPE))))
                .isEqualTo(AggregateType.STATEMENT.wireName());
    }

    @Test
    void renamingAnAggregateClassChangesNothingOnTheTopic() {
        String stored = AnnotatedAggregateMetaModelFactory.inspectAggregate(Proclamation.class)
                .type();

        assertThat(aggregateTypeOf(relay.toRecord(PUBLISHED, storedAs(stored)))).isEqualTo("Statement");
    }

    @Test
    void anAggregateTypeWithoutAWireNameStopsTheRelay() {
        assertThatThrownBy(() -> relay.toRecord(PUBLISHED, storedAs("Proclamation")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Proclamation");
    }

    @Test
    void everyAggregatesPinnedTypeIsWhatAxonStoresAndHasAWireName() {
        for (Class<?> aggregate : List.of(Statement.class, Organization.class, Endorsement.class)) {
            String pinned = aggregate.getAnnotation(Aggregate.class).type();
            assertThat(AnnotatedAggregateMetaModelFactory.inspectAggregate(aggregate)
                            .type())
                    .isEqualTo(pinned);
            assertThat(AggregateWireNames.of(pinned).wireName()).isEqualTo(aggregate.getSimpleName());
        }
    }
}
