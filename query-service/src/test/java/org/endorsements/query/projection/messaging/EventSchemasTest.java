package org.endorsements.query.projection.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.endorsements.events.ActionSignature;
import org.endorsements.events.AssuranceLevel;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementEvent;
import org.endorsements.events.EndorsementInvalidated;
import org.endorsements.events.EndorsementReconfirmed;
import org.endorsements.events.EndorsementReinstated;
import org.endorsements.events.EndorsementSource;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.EndorsementWithdrawn;
import org.endorsements.events.EventMessageFormat;
import org.endorsements.events.InvalidatedEndorsementWithdrawn;
import org.endorsements.events.InvalidationCategory;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.OrganizationProfileUpdated;
import org.endorsements.events.OrganizationRegistered;
import org.endorsements.events.OrganizationSuspended;
import org.endorsements.events.SignaturePolicy;
import org.endorsements.events.SigningKeyId;
import org.endorsements.events.StatementAmended;
import org.endorsements.events.StatementClosed;
import org.endorsements.events.StatementGoalReached;
import org.endorsements.events.StatementId;
import org.endorsements.events.StatementPublished;
import org.endorsements.events.StatementTargetsSet;
import org.endorsements.events.StatementTranslationAdded;
import org.endorsements.query.support.TestDataKeys;
import org.junit.jupiter.api.Test;

class EventSchemasTest {

    private static final String HASH = "d".repeat(64);
    private static final Instant NOW = Instant.parse("2026-12-01T09:30:00.123456Z");
    private static final Instant SIGNED_AT = Instant.parse("2026-12-01T09:29:00Z");
    private final EventSchemas schemas = new EventSchemas();

    @Test
    void everyEventTypeAsTheContractEncodesItConformsToItsSchema() {
        List<EndorsementEvent> events = List.of(
                new OrganizationRegistered(OrganizationId.of("provea"), "Provea", null, null, null, null, NOW, "admin"),
                new OrganizationSuspended(OrganizationId.of("provea"), null, NOW, "admin"),
                new StatementPublished(StatementId.of("s-1"), "Title", "Body", "en", HASH, NOW, "admin", null, null),
                new StatementClosed(StatementId.of("s-1"), NOW, "admin"),
                new EndorsementAdded(
                        StatementId.of("s-1"),
                        OrganizationId.of("provea"),
                        "Provea",
                        HASH,
                        NOW,
                        "credential:c1",
                        EndorsementSource.IMPORTED,
                        "req",
                        "ef".repeat(32),
                        3,
                        EndorsementVisibility.DEFAULT,
                        null,
                        null,
                        null),
                new EndorsementAdded(
                        StatementId.of("s-1"),
                        OrganizationId.of("provea"),
                        "Provea",
                        HASH,
                        NOW,
                        "credential:c1",
                        EndorsementSource.API,
                        "req",
                        "ef".repeat(32),
                        null,
                        EndorsementVisibility.COUNTED,
                        new ActionSignature(
                                SigningKeyId.of("k1"), HASH, SIGNED_AT, "0123456789abcdef", "A".repeat(86) + "=="),
                        AssuranceLevel.ORGANIZATION_KEY,
                        null),
                new EndorsementWithdrawn(
                        StatementId.of("s-1"), OrganizationId.of("provea"), null, NOW, "credential:c1", "req"),
                new StatementPublished(
                        StatementId.of("s-1"),
                        "Title",
                        "Body",
                        "en",
                        HASH,
                        NOW,
                        "admin",
                        null,
                        "Translated by José Rafael Medina",
                        SignaturePolicy.OPTIONAL,
                        "José Rafael Medina",
                        "es"),
                new StatementTranslationAdded(
                        StatementId.of("s-1"),
                        HASH,
                        "es",
                        "Título",
                        "Texto",
                        "Ana Pérez",
                        false,
                        "e".repeat(64),
                        NOW,
                        "admin"),
                new StatementTranslationAdded(
                        StatementId.of("s-1"), HASH, "es", "Título", "Texto", null, true, "e".repeat(64), NOW, "admin"),
                new StatementAmended(
                        StatementId.of("s-1"), 2, "Title", "Body 2", "en", "f".repeat(64), HASH, NOW, "admin"),
                new EndorsementReconfirmed(
                        StatementId.of("s-1"),
                        OrganizationId.of("provea"),
                        "f".repeat(64),
                        "f".repeat(64),
                        HASH,
                        NOW,
                        "credential:c1",
                        "req",
                        new ActionSignature(
                                SigningKeyId.of("k1"),
                                "f".repeat(64),
                                SIGNED_AT,
                                "0123456789abcdef",
                                "A".repeat(86) + "=="),
                        AssuranceLevel.ORGANIZATION_KEY),
                new OrganizationProfileUpdated(
                        OrganizationId.of("provea"), "VE", null, "NGO", "https://example.org", NOW, "admin"),
                new StatementTargetsSet(StatementId.of("s-1"), 500, NOW.plusSeconds(86_400), NOW, "admin"),
                new StatementTargetsSet(StatementId.of("s-1"), null, null, NOW, "admin"),
                new StatementGoalReached(StatementId.of("s-1"), 500, 500, NOW),
                new StatementClosed(StatementId.of("s-1"), NOW, StatementClosed.DEADLINE_ACTOR),
                new EndorsementInvalidated(
                        StatementId.of("s-1"),
                        OrganizationId.of("provea"),
                        InvalidationCategory.OUT_OF_SCOPE,
                        "not a Venezuelan organization",
                        NOW,
                        "admin",
                        "job-1"),
                new EndorsementReinstated(StatementId.of("s-1"), OrganizationId.of("provea"), null, NOW, "admin", "r"),
                new EndorsementReinstated(
                        StatementId.of("s-1"),
                        OrganizationId.of("provea"),
                        "genuine",
                        NOW,
                        "admin",
                        "r",
                        AssuranceLevel.ADMIN_ISSUED_CREDENTIAL),
                new InvalidatedEndorsementWithdrawn(
                        StatementId.of("s-1"),
                        OrganizationId.of("provea"),
                        "we never signed it",
                        NOW,
                        "credential:c1",
                        "req",
                        new ActionSignature(
                                SigningKeyId.of("k1"), HASH, SIGNED_AT, "0123456789abcdef", "A".repeat(86) + "=="),
                        AssuranceLevel.ORGANIZATION_KEY));

        assertThat(events)
                .allSatisfy(event -> assertThat(schemas.violations(
                                EventMessageFormat.typeOf(event.getClass()),
                                EventMessageFormat.encodeSealed(event, id -> TestDataKeys.KEY)))
                        .isEmpty());
    }

    @Test
    void aNumberWhereTheSchemaWantsAStringIsAViolationNamingTheField() {
        String value = "{\"statementId\":42,\"closedAt\":\"2026-12-01T09:30:00Z\",\"closedBy\":\"admin\"}";

        assertThat(schemas.violations(EventMessageFormat.typeOf(StatementClosed.class), bytes(value)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("statementId"));
    }

    @Test
    void aFieldTheConsumerDoesNotKnowIsNoViolation() {
        String value = "{\"statementId\":\"s-1\",\"closedAt\":\"2026-12-01T09:30:00Z\",\"closedBy\":\"admin\","
                + "\"closedFor\":\"a later release\"}";

        assertThat(schemas.violations(EventMessageFormat.typeOf(StatementClosed.class), bytes(value)))
                .isEmpty();
    }

    @Test
    void anUnknownTypeIsUnreadable() {
        assertThatThrownBy(() -> schemas.violations("org.endorsements.StatementForged.v1", bytes("{}")))
                .isInstanceOf(EventMessageFormat.UnreadableEventException.class);
    }

    @Test
    void aValueThatIsNotJsonIsUnreadable() {
        assertThatThrownBy(
                        () -> schemas.violations(EventMessageFormat.typeOf(StatementClosed.class), bytes("{not json")))
                .isInstanceOf(EventMessageFormat.UnreadableEventException.class);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
