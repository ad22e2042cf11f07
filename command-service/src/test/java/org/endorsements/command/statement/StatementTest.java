package org.endorsements.command.statement;

import java.time.Instant;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.endorsements.command.shared.CallerMetaData;
import org.endorsements.command.shared.DomainRuleViolation;
import org.endorsements.events.Caller;
import org.endorsements.events.CanonicalText;
import org.endorsements.events.SignaturePolicy;
import org.endorsements.events.StatementAmended;
import org.endorsements.events.StatementClosed;
import org.endorsements.events.StatementId;
import org.endorsements.events.StatementPublished;
import org.endorsements.events.StatementTranslationAdded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatementTest {

    private static final StatementId ID = StatementId.of("icc-statement");
    private static final Instant T1 = Instant.parse("2026-11-01T10:00:00Z");
    private static final String TITLE = "Against the criminalization of those who cooperate with the ICC";
    private static final String BODY = "The Venezuelan organizations that sign this statement reject...";

    private static final String HASH = CanonicalText.contentHash(TITLE, BODY);
    private static final String TITLE_ES = "Rechazamos la criminalización de quienes cooperan con la CPI";
    private static final String BODY_ES = "Las organizaciones venezolanas que suscriben este comunicado rechazan...";
    private static final String HASH_ES = CanonicalText.contentHash(TITLE_ES, BODY_ES);
    private static final String BODY_V2 = BODY + " (amended)";
    private static final String HASH_V2 = CanonicalText.contentHash(TITLE, BODY_V2);
    private static final Instant T2 = Instant.parse("2026-11-02T10:00:00Z");

    private FixtureConfiguration<Statement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Statement.class);
    }

    private static StatementPublished published() {
        return new StatementPublished(
                ID, TITLE, BODY, "en", CanonicalText.contentHash(TITLE, BODY), T1, "admin", null, null);
    }

    /** As the seed is published: its English text is a translation of a Spanish original not on the platform. */
    private static StatementPublished publishedTranslation() {
        return new StatementPublished(
                ID,
                TITLE,
                BODY,
                "en",
                HASH,
                T1,
                "admin",
                null,
                null,
                SignaturePolicy.OPTIONAL,
                "José Rafael Medina",
                "es");
    }

    private static StatementTranslationAdded spanish(String translator, boolean original) {
        return new StatementTranslationAdded(
                ID, HASH, "es", TITLE_ES, BODY_ES, translator, original, HASH_ES, T2, "admin");
    }

    private static AddStatementTranslationCommand addSpanish(String translator, boolean original) {
        return new AddStatementTranslationCommand(ID, "es", TITLE_ES, BODY_ES, translator, original, T2);
    }

    private static StatementAmended amended() {
        return new StatementAmended(ID, 2, TITLE, BODY_V2, "en", HASH_V2, HASH, T2, "admin");
    }

    /** The metadata the dispatch interceptor gives every command: who sent it. */
    private static Map<String, Object> by(Caller caller) {
        return Map.of(CallerMetaData.KEY, caller);
    }

    @Test
    void anAdminPublishesAStatementWithTheHashOfItsCanonicalText() {
        fixture.givenNoPriorActivity()
                .when(
                        new PublishStatementCommand(ID, "  " + TITLE + " ", BODY + "\n\n", "en", null, null, T1),
                        by(Caller.ADMIN))
                .expectEvents(published())
                .expectResultMessagePayload(CanonicalText.contentHash(TITLE, BODY));
    }

    @Test
    void aStatementNeedsAValidLanguageTag() {
        fixture.givenNoPriorActivity()
                .when(new PublishStatementCommand(ID, TITLE, BODY, "not a tag!", null, null, T1), by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("language must be a BCP 47 tag");
    }

    @Test
    void aStatementNeedsABody() {
        fixture.givenNoPriorActivity()
                .when(new PublishStatementCommand(ID, TITLE, "  ", "en", null, null, T1), by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("body is required");
    }

    @Test
    void aTitleWithControlCharactersIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new PublishStatementCommand(ID, "Title\u0007", BODY, "en", null, null, T1), by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("title contains control characters");
    }

    @Test
    void anAdminClosesAnOpenStatement() {
        fixture.given(published())
                .when(new CloseStatementCommand(ID, T1), by(Caller.ADMIN))
                .expectEvents(new StatementClosed(ID, T1, "admin"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aClosedStatementCannotBeClosedAgain() {
        fixture.given(published(), new StatementClosed(ID, T1, "admin"))
                .when(new CloseStatementCommand(ID, T1), by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aTranslatedTextIsPublishedNamingItsTranslatorAndItsOriginalsLanguage() {
        fixture.givenNoPriorActivity()
                .when(
                        new PublishStatementCommand(
                                ID,
                                TITLE,
                                BODY,
                                "en",
                                null,
                                null,
                                T1,
                                SignaturePolicy.OPTIONAL,
                                " José Rafael Medina ",
                                "es",
                                null,
                                null),
                        by(Caller.ADMIN))
                .expectEvents(publishedTranslation());
    }

    @Test
    void aTranslatedTextWithoutItsOriginalsLanguageIsRefused() {
        fixture.givenNoPriorActivity()
                .when(
                        new PublishStatementCommand(
                                ID,
                                TITLE,
                                BODY,
                                "en",
                                null,
                                null,
                                T1,
                                SignaturePolicy.OPTIONAL,
                                "J. R. M.",
                                null,
                                null,
                                null),
                        by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anAdminAddsATranslationWithItsOwnHashLinkedToTheVersion() {
        fixture.given(published())
                .when(addSpanish("Ana Pérez", false), by(Caller.ADMIN))
                .expectEvents(spanish("Ana Pérez", false))
                .expectResultMessagePayload(new StatementTextOutcome(HASH_ES, 1L));
    }

    @Test
    void aTranslationNamesItsTranslator() {
        fixture.given(published())
                .when(addSpanish(null, false), by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("translator is required");
    }

    @Test
    void aVersionHasOneTextPerLanguage() {
        fixture.given(published())
                .when(
                        new AddStatementTranslationCommand(ID, "en", TITLE_ES, BODY_ES, "Ana Pérez", false, T2),
                        by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void theSameTextCannotBeAddedUnderAnotherLanguage() {
        fixture.given(published())
                .when(
                        new AddStatementTranslationCommand(ID, "fr", TITLE, BODY, "Ana Pérez", false, T2),
                        by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("this statement already has exactly this text");
    }

    @Test
    void theOriginalOfATranslatedTextOfRecordIsAddedLaterWithoutATranslator() {
        fixture.given(publishedTranslation())
                .when(addSpanish(null, true), by(Caller.ADMIN))
                .expectEvents(spanish(null, true));
    }

    @Test
    void aVersionWhoseTextOfRecordIsItsOriginalTakesNoOtherOriginal() {
        fixture.given(published())
                .when(addSpanish(null, true), by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("this version's text of record is its original");
    }

    @Test
    void anOriginalHasNoTranslator() {
        fixture.given(publishedTranslation())
                .when(addSpanish("Ana Pérez", true), by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anAdminPublishesANewVersionThatNamesTheOneItReplaces() {
        fixture.given(published())
                .when(new AmendStatementCommand(ID, TITLE, BODY_V2, null, T2), by(Caller.ADMIN))
                .expectEvents(amended())
                .expectResultMessagePayload(new StatementTextOutcome(HASH_V2, 1L));
    }

    @Test
    void anAmendmentToATextTheStatementAlreadyHadIsRefused() {
        fixture.given(published(), amended())
                .when(new AmendStatementCommand(ID, TITLE, BODY, null, T2), by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("this statement already has had exactly this text");
    }

    @Test
    void aClosedStatementTakesNoAmendment() {
        fixture.given(published(), new StatementClosed(ID, T1, "admin"))
                .when(new AmendStatementCommand(ID, TITLE, BODY_V2, null, T2), by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void translationsOfAnEarlierVersionDoNotCarryOverToTheNextOne() {
        fixture.given(published(), spanish("Ana Pérez", false), amended())
                .when(
                        new AddStatementTranslationCommand(
                                ID, "es", TITLE_ES, BODY_ES + " (v2)", "Ana Pérez", false, T2),
                        by(Caller.ADMIN))
                .expectEvents(new StatementTranslationAdded(
                        ID,
                        HASH_V2,
                        "es",
                        TITLE_ES,
                        BODY_ES + " (v2)",
                        "Ana Pérez",
                        false,
                        CanonicalText.contentHash(TITLE_ES, BODY_ES + " (v2)"),
                        T2,
                        "admin"));
    }

    @Test
    void aClosedStatementStillTakesATranslation() {
        fixture.given(published(), new StatementClosed(ID, T1, "admin"))
                .when(addSpanish("Ana Pérez", false), by(Caller.ADMIN))
                .expectEvents(spanish("Ana Pérez", false));
    }
}
