package org.endorsements.query.projection.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.endorsements.events.DataKeys;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementEvent;
import org.endorsements.events.EndorsementId;
import org.endorsements.events.EndorsementSource;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.EventMessageFormat;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.OrganizationRegistered;
import org.endorsements.events.StatementId;
import org.endorsements.events.StatementPublished;
import org.endorsements.query.support.ProjectionFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Records as the relay writes them, personal fields sealed, through the listener's decoding into the projections:
 * the views show the plain values; an organization whose data key was destroyed shows as erased.
 */
class SealedEventsProjectionTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final String STATEMENT = "icc-statement";
    private static final String NAME = "Observatorio Venezolano de Prisiones";

    private final SecretKey key = randomKey();
    private final ProjectionFixture views = new ProjectionFixture(Clock.fixed(T0, ZoneOffset.UTC), false);
    private long offset;

    private static SecretKey randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new SecretKeySpec(bytes, "AES");
    }

    @AfterEach
    void close() {
        views.close();
    }

    private ProjectionListener listenerWith(DataKeys keys) {
        return new ProjectionListener(null, null, null, null, new SimpleMeterRegistry(), null, keys);
    }

    private ConsumerRecord<String, byte[]> record(
            EndorsementEvent event, String aggregateType, String subject, long sequence) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(
                "endorsement-events",
                0,
                offset++,
                event.streamKey(),
                EventMessageFormat.encodeSealed(event, id -> key));
        header(record, EventMessageFormat.HEADER_TYPE, EventMessageFormat.typeOf(event.getClass()));
        header(record, EventMessageFormat.HEADER_ID, UUID.randomUUID().toString());
        header(record, EventMessageFormat.HEADER_SUBJECT, subject);
        header(record, EventMessageFormat.HEADER_SEQUENCE, Long.toString(sequence));
        header(record, EventMessageFormat.HEADER_TIME, T0.toString());
        header(record, EventMessageFormat.HEADER_AGGREGATE_TYPE, aggregateType);
        return record;
    }

    private static void header(ConsumerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private List<ConsumerRecord<String, byte[]>> registeredPublishedEndorsed() {
        OrganizationId organization = OrganizationId.of("ovp");
        return List.of(
                record(
                        new OrganizationRegistered(
                                organization, NAME, "VE", "Zulia", "ngo", "https://ovp.example.org", T0, "admin"),
                        "Organization",
                        "ovp",
                        0),
                record(
                        new StatementPublished(
                                StatementId.of(STATEMENT),
                                "Title",
                                "Body",
                                "en",
                                "c".repeat(64),
                                T0,
                                "admin",
                                null,
                                null),
                        "Statement",
                        STATEMENT,
                        0),
                record(
                        new EndorsementAdded(
                                StatementId.of(STATEMENT),
                                organization,
                                NAME,
                                "c".repeat(64),
                                T0,
                                "credential:c1",
                                EndorsementSource.API,
                                "r1",
                                "0f".repeat(32),
                                null,
                                EndorsementVisibility.PUBLIC,
                                null,
                                null,
                                null),
                        "Endorsement",
                        EndorsementId.of(STATEMENT, "ovp").value(),
                        0));
    }

    private void project(ProjectionListener listener, List<ConsumerRecord<String, byte[]>> records) {
        views.project(records.stream().map(listener::decode).toList());
    }

    @Test
    void aSealedRegistrationAndEndorsementProjectTheOrganizationsPlainName() {
        List<ConsumerRecord<String, byte[]>> records = registeredPublishedEndorsed();
        assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8)).doesNotContain(NAME);

        project(listenerWith(id -> Optional.of(key)), records);

        assertThat(views.organization("ovp").getName()).isEqualTo(NAME);
        assertThat(views.organization("ovp").getWebsite()).isEqualTo("https://ovp.example.org");
        assertThat(views.endorsement(EndorsementId.of(STATEMENT, "ovp").value()).getOrganizationName())
                .isEqualTo(NAME);
    }

    @Test
    void anOrganizationWhoseKeyWasDestroyedProjectsAsErasedAndIsStillCounted() {
        project(listenerWith(id -> Optional.empty()), registeredPublishedEndorsed());

        assertThat(views.organization("ovp").getName()).isNull();
        assertThat(views.organization("ovp").getWebsite()).isNull();
        assertThat(views.organization("ovp").getRegion()).isNull();
        assertThat(views.organization("ovp").getCountry()).isEqualTo("VE");
        assertThat(views.endorsement(EndorsementId.of(STATEMENT, "ovp").value()).getOrganizationName())
                .isNull();
        assertThat(views.statement(STATEMENT).getCurrentCount()).isEqualTo(1);
    }

    @Test
    void aRecordWhoseKeyCannotBeObtainedNowFailsForARetryInsteadOfBeingParked() {
        ProjectionListener listener = listenerWith(id -> {
            throw new DataKeys.DataKeysUnavailableException("command service down", null);
        });
        ConsumerRecord<String, byte[]> registration =
                registeredPublishedEndorsed().get(0);

        assertThatThrownBy(() -> listener.decode(registration))
                .isInstanceOf(DataKeys.DataKeysUnavailableException.class)
                .isNotInstanceOf(EventMessageFormat.UnreadableEventException.class);
    }

    @Test
    void aFieldSealedWithAnotherKeyIsUnreadableAndParked() {
        ConsumerRecord<String, byte[]> registration =
                registeredPublishedEndorsed().get(0);

        assertThatThrownBy(() -> listenerWith(id -> Optional.of(randomKey())).decode(registration))
                .isInstanceOf(EventMessageFormat.UnreadableEventException.class);
    }
}
