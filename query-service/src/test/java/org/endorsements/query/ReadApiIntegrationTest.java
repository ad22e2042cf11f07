package org.endorsements.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.endorsements.events.AssuranceLevel;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementReconfirmed;
import org.endorsements.events.EndorsementSource;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.EndorsementWithdrawn;
import org.endorsements.events.OrganizationHidden;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.OrganizationPersonalDataErased;
import org.endorsements.events.OrganizationProfileUpdated;
import org.endorsements.events.OrganizationRegistered;
import org.endorsements.events.StatementAmended;
import org.endorsements.events.StatementId;
import org.endorsements.events.StatementPublished;
import org.endorsements.events.StatementTranslationAdded;
import org.endorsements.query.projection.LiveGeneration;
import org.endorsements.query.projection.LiveProjection;
import org.endorsements.query.support.QueryStackSupport;
import org.endorsements.query.support.ReadClient;
import org.endorsements.query.support.TopicWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadApiIntegrationTest extends QueryStackSupport {

    private static final String HASH = "e".repeat(64);
    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    LiveGeneration views;

    @Autowired
    LiveProjection live;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private ReadClient reads;
    private TopicWriter topic;
    private String statement;
    private final String suffix = UUID.randomUUID().toString().substring(0, 6);

    @BeforeEach
    void setUp() {
        reads = new ReadClient(port);
        topic = new TopicWriter(TOPIC);
        statement = "read-" + suffix;
        topic.send(
                new StatementPublished(
                        StatementId.of(statement),
                        "Title",
                        "Body",
                        "en",
                        HASH,
                        Instant.parse("2026-11-01T08:00:00Z"),
                        "admin",
                        null,
                        null),
                "Statement",
                statement,
                0);
    }

    @AfterEach
    void tearDown() {
        topic.close();
    }

    private String org(String name) {
        return name + "-" + suffix;
    }

    private void register(String organization, String name, String country, String region) {
        topic.send(
                new OrganizationRegistered(
                        OrganizationId.of(organization),
                        name,
                        country,
                        region,
                        "NGO",
                        null,
                        Instant.parse("2026-11-01T08:00:00Z"),
                        "admin"),
                "Organization",
                organization,
                0);
    }

    private void endorse(String organization, String name, long sequence, Instant at, Integer entry) {
        topic.send(
                new EndorsementAdded(
                        StatementId.of(statement),
                        OrganizationId.of(organization),
                        name,
                        HASH,
                        at,
                        entry == null ? "credential:c1" : "admin",
                        entry == null ? EndorsementSource.API : EndorsementSource.IMPORTED,
                        "req",
                        "0a".repeat(32),
                        entry,
                        EndorsementVisibility.DEFAULT,
                        null,
                        null,
                        null),
                "Endorsement",
                statement + ":" + organization,
                sequence);
    }

    private void withdraw(String organization, long sequence, Instant at) {
        topic.send(
                new EndorsementWithdrawn(
                        StatementId.of(statement),
                        OrganizationId.of(organization),
                        "threats",
                        at,
                        "credential:c1",
                        "req"),
                "Endorsement",
                statement + ":" + organization,
                sequence);
    }

    private void awaitCounts(long current, long withdrawals) {
        await().atMost(WAIT).until(() -> {
            ReadClient.Reply r = reads.get("/api/statements/" + statement);
            return r.status() == 200
                    && r.json().path("endorsementCount").asLong() == current
                    && r.json().path("withdrawals").asLong() == withdrawals;
        });
    }

    @Test
    void aTranslationAnAmendmentAndAReconfirmationReadAsTheyWereRecorded() {
        String translation = "f".repeat(64);
        String v2 = "d".repeat(64);
        topic.send(
                new StatementTranslationAdded(
                        StatementId.of(statement),
                        HASH,
                        "es",
                        "Título",
                        "Texto",
                        "Ana Pérez",
                        false,
                        translation,
                        Instant.parse("2026-11-01T08:30:00Z"),
                        "admin"),
                "Statement",
                statement,
                1);
        register(org("provea"), "Provea", "VE", null);
        topic.send(
                new OrganizationProfileUpdated(
                        OrganizationId.of(org("provea")),
                        "VE",
                        "Zulia",
                        "union",
                        null,
                        Instant.parse("2026-11-01T08:40:00Z"),
                        "admin"),
                "Organization",
                org("provea"),
                3);
        endorse(org("provea"), "Provea", 0, Instant.parse("2026-11-01T09:00:00Z"), null);
        endorse(org("cofavic"), "Cofavic", 0, Instant.parse("2026-11-01T09:00:00Z"), null);
        topic.send(
                new StatementAmended(
                        StatementId.of(statement),
                        2,
                        "Title",
                        "Body, amended",
                        "en",
                        v2,
                        HASH,
                        Instant.parse("2026-11-01T10:00:00Z"),
                        "admin"),
                "Statement",
                statement,
                2);
        // asOf reads the instants events were recorded (stamped by the writer as it sends), not their payload times.
        Instant betweenAmendmentAndReconfirmation = Instant.now().plusMillis(1);
        await().until(() -> Instant.now().isAfter(betweenAmendmentAndReconfirmation));
        topic.send(
                new EndorsementReconfirmed(
                        StatementId.of(statement),
                        OrganizationId.of(org("provea")),
                        v2,
                        v2,
                        HASH,
                        Instant.parse("2026-11-01T11:00:00Z"),
                        "credential:c1",
                        "req",
                        null,
                        AssuranceLevel.ORGANIZATION_CREDENTIAL),
                "Endorsement",
                statement + ":" + org("provea"),
                1);

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode details = reads.get("/api/statements/" + statement).json();
            assertThat(details.path("version").asInt()).isEqualTo(2);
            assertThat(details.path("endorsementCount").asLong()).isEqualTo(2);
            assertThat(details.path("versions").findValuesAsText("signatories")).containsExactly("1", "1");
            assertThat(details.path("texts").get(0).path("translator").asText()).isEqualTo("Ana Pérez");
        });
        JsonNode before = reads.get(
                        "/api/statements/" + statement + "/endorsements?asOf=" + betweenAmendmentAndReconfirmation)
                .json();
        // Version 2 was in force then, and neither had re-confirmed it yet.
        assertThat(before.path("version").asInt()).isEqualTo(2);
        assertThat(before.path("items").findValuesAsText("version"))
                .as(before.toString())
                .containsExactly("1", "1");
        JsonNode now =
                reads.get("/api/statements/" + statement + "/endorsements").json();
        assertThat(now.path("items"))
                .extracting(n -> n.path("organizationId").asText() + "@"
                        + n.path("version").asInt())
                .containsExactlyInAnyOrder(org("provea") + "@2", org("cofavic") + "@1");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(reads.get("/api/statements/" + statement + "/breakdown?by=kind")
                                .json()
                                .findValuesAsText("kind"))
                        .contains("union"));
        assertThat(reads.get("/api/statements/" + statement + "/document.txt").text())
                .contains("Cofavic (organization-credential) (signed version 1)", "Text of version 2");
    }

    @Test
    void theAuditTrailIsForAuditorsOnly() {
        endorse(org("provea"), "Provea", 0, Instant.parse("2026-11-01T09:00:00Z"), null);
        awaitCounts(1, 0);

        ReadClient.Reply anonymous = reads.get("/api/statements/" + statement + "/history");
        ReadClient.Reply wrongKey = reads.get("/api/statements/" + statement + "/history", "guess");
        ReadClient.Reply auditor = reads.get("/api/statements/" + statement + "/history", AUDITOR_KEY);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(anonymous.json().path("type").asText())
                .isEqualTo("urn:endorsements:problem:authentication-required");
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(auditor.status()).isEqualTo(200);
        JsonNode items = auditor.json().path("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).path("type").asText()).isEqualTo("org.endorsements.StatementPublished.v1");
        assertThat(items.get(1).path("actor").asText()).isEqualTo("credential:c1");
        assertThat(items.get(1).path("payload").path("organizationName").asText())
                .isEqualTo("Provea");
    }

    @Test
    void anOrganizationsHistoryListsWhatItSignedAndWithdrew() {
        register(org("codhez"), "Codhez", "VE", "Zulia");
        endorse(org("codhez"), "Codhez", 0, Instant.parse("2026-11-01T09:00:00Z"), null);
        withdraw(org("codhez"), 1, Instant.parse("2026-11-01T10:00:00Z"));
        awaitCounts(0, 1);

        // The registration travels on the organization's own partition: wait for it too.
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode items = reads.get("/api/organizations/" + org("codhez") + "/history", AUDITOR_KEY)
                    .json()
                    .path("items");
            assertThat(items)
                    .extracting(n -> n.path("type").asText())
                    .containsExactly(
                            "org.endorsements.OrganizationRegistered.v2",
                            "org.endorsements.EndorsementAdded.v2",
                            "org.endorsements.EndorsementWithdrawn.v2");
        });
    }

    @Test
    void thePublicDoesNotSeeWhoHasWithdrawnSinceButAuditorsDo() {
        Instant before = Instant.now();
        endorse(org("a"), "Stays", 0, before, null);
        endorse(org("b"), "Leaves", 0, before, null);
        awaitCounts(2, 0);
        Instant between = Instant.now();
        withdraw(org("b"), 1, between);
        awaitCounts(1, 1);
        String path = "/api/statements/" + statement + "/endorsements?asOf=" + between.minusMillis(1);

        JsonNode publicView = reads.get(path).json();
        JsonNode auditorView = reads.get(path, AUDITOR_KEY).json();

        assertThat(publicView.path("items"))
                .extracting(n -> n.path("organizationId").asText())
                .containsExactly(org("a"));
        assertThat(publicView.path("withheld").asInt()).isEqualTo(1);
        assertThat(auditorView.path("items"))
                .extracting(n -> n.path("organizationId").asText())
                .containsExactlyInAnyOrder(org("a"), org("b"));
        assertThat(auditorView.path("withheld").asInt()).isZero();
    }

    /**
     * The hide travels on the organization's partition, the endorsements on the statement's: once it is projected,
     * no public read names the organization, now or at a past instant, and no count changes.
     */
    @Test
    void aHiddenOrganizationLeavesEveryPublicReadAndNoCountChanges() {
        register(org("stays"), "Stays Org", "VE", "Lara");
        register(org("shy"), "Shy Marker Org", "VE", "Zulia");
        Instant at = Instant.now();
        endorse(org("stays"), "Stays Org", 0, at, null);
        endorse(org("shy"), "Shy Marker Org", 0, at, null);
        awaitCounts(2, 0);
        Instant between = Instant.now();

        topic.send(
                new OrganizationHidden(OrganizationId.of(org("shy")), null, between, "credential:c1"),
                "Organization",
                org("shy"),
                2);
        await().atMost(WAIT)
                .until(() -> reads.get("/api/organizations/" + org("shy")).status() == 410);

        String base = "/api/statements/" + statement;
        for (String read : List.of(
                base + "/endorsements",
                base + "/endorsements?q=Marker",
                base + "/endorsements?asOf=" + between,
                base + "/document.txt",
                base + "/document.md?asOf=" + between,
                base + "/endorsements.csv",
                base + "/endorsements.json",
                base + "/breakdown")) {
            ReadClient.Reply reply = reads.get(read);
            assertThat(reply.status()).as(read).isEqualTo(200);
            assertThat(reply.text()).as(read).doesNotContain("Shy Marker").doesNotContain(org("shy"));
        }
        JsonNode counts = reads.get(base).json();
        assertThat(counts.path("endorsementCount").asLong()).isEqualTo(2);
        assertThat(counts.path("countedButHidden").asLong()).isEqualTo(1);
        assertThat(reads.get(base + "/endorsements?asOf=" + between)
                        .json()
                        .path("countedButHidden")
                        .asLong())
                .isEqualTo(1);
        assertThat(reads.get(base + "/endorsements?asOf=" + between, AUDITOR_KEY)
                        .text())
                .contains("Shy Marker Org");
        assertThat(reads.get("/api/organizations/" + org("shy"), AUDITOR_KEY).status())
                .isEqualTo(200);
    }

    /** The log's current root and size line of the statement's checkpoint, which the proofs rest on. */
    private String checkpointRoot() {
        String[] lines = reads.get("/api/statements/" + statement + "/log/checkpoint")
                .text()
                .split("\n");
        return lines[1] + "/" + lines[2];
    }

    @Test
    void anErasedOrganizationIsShownErasedInEveryPublicAndAuditorReadAndNoCountOrRootChanges() {
        register(org("stays"), "Stays Org", "VE", "Lara");
        register(org("gone"), "Gone Marker Org", "VE", "Zulia Marker");
        Instant at = Instant.now();
        endorse(org("stays"), "Stays Org", 0, at, null);
        endorse(org("gone"), "Gone Marker Org", 0, at, null);
        awaitCounts(2, 0);
        String base = "/api/statements/" + statement;
        await().atMost(WAIT)
                .until(() -> reads.get(base + "/log/checkpoint").status() == 200
                        // the publication and both endorsements are leaves
                        && checkpointRoot().startsWith("3/"));
        Instant between = Instant.now();
        String rootBefore = checkpointRoot();
        ReadClient.Reply receiptBefore = reads.get(base + "/receipts/" + org("stays"), AUDITOR_KEY);
        assertThat(receiptBefore.status()).isEqualTo(200);

        topic.send(
                new OrganizationPersonalDataErased(OrganizationId.of(org("gone")), null, between, "credential:c1"),
                "Organization",
                org("gone"),
                2);
        await().atMost(WAIT)
                .until(() -> reads.get("/api/organizations/" + org("gone"), AUDITOR_KEY)
                        .json()
                        .path("erased")
                        .asBoolean());

        assertThat(reads.get("/api/organizations/" + org("gone")).status()).isEqualTo(410);
        List<String> publicReads = List.of(
                base + "/endorsements",
                base + "/endorsements?q=Marker",
                base + "/endorsements?asOf=" + between,
                base + "/document.txt",
                base + "/document.md?asOf=" + between,
                base + "/endorsements.csv",
                base + "/endorsements.json",
                base + "/breakdown");
        for (String read : publicReads) {
            ReadClient.Reply reply = reads.get(read);
            assertThat(reply.status()).as(read).isEqualTo(200);
            assertThat(reply.text()).as(read).doesNotContain("Gone Marker").doesNotContain(org("gone"));
        }
        List<String> auditorReads = List.of(
                base + "/endorsements",
                base + "/endorsements?q=Marker",
                base + "/endorsements?asOf=" + between,
                base + "/document.txt?asOf=" + between,
                base + "/endorsements.csv",
                base + "/endorsements.json",
                base + "/history",
                "/api/organizations/" + org("gone"),
                "/api/organizations/" + org("gone") + "/history");
        for (String read : auditorReads) {
            ReadClient.Reply reply = reads.get(read, AUDITOR_KEY);
            assertThat(reply.status()).as("auditor " + read).isEqualTo(200);
            assertThat(reply.text())
                    .as("auditor " + read)
                    .doesNotContain("Gone Marker")
                    .doesNotContain("Zulia Marker");
        }
        assertThat(reads.get(base + "/endorsements?asOf=" + between, AUDITOR_KEY)
                        .text())
                .contains("erased organization")
                .contains(org("gone"))
                .contains("Stays Org");
        JsonNode counts = reads.get(base).json();
        assertThat(counts.path("endorsementCount").asLong()).isEqualTo(2);
        assertThat(counts.path("countedButHidden").asLong()).isEqualTo(1);
        assertThat(checkpointRoot()).isEqualTo(rootBefore);
        ReadClient.Reply receiptAfter = reads.get(base + "/receipts/" + org("stays"), AUDITOR_KEY);
        assertThat(receiptAfter.status()).isEqualTo(200);
        for (String field : List.of("leaf", "leafIndex", "treeSize", "inclusionProof", "opening")) {
            assertThat(receiptAfter.json().path(field))
                    .as("the other organization's receipt: " + field)
                    .isEqualTo(receiptBefore.json().path(field));
        }
    }

    @Test
    void exportsListCurrentSignatoriesInDocumentOrderWithTheirCountry() {
        register(org("late"), "Late Org", "VE", "Lara");
        register(org("letter"), "=HYPERLINK(\"x\")", "VE", "Zulia");
        endorse(org("late"), "Late Org", 0, Instant.parse("2026-11-02T09:00:00Z"), null);
        endorse(org("letter"), "=HYPERLINK(\"x\")", 0, Instant.parse("2026-11-02T10:00:00Z"), 7);
        awaitCounts(2, 0);

        // Organization events travel on their own partitions: wait until the profiles are in too.
        await().atMost(WAIT).untilAsserted(() -> {
            ReadClient.Reply csv = reads.get("/api/statements/" + statement + "/endorsements.csv");
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.header("Content-Type")).startsWith("text/csv");
            assertThat(csv.text().split("\r\n"))
                    .containsExactly(
                            "number,organizationId,name,country,region,endorsedAt,source,assurance,kind,version,"
                                    + "contentHash,readContentHash",
                            "1," + org("letter")
                                    + ",\"'=HYPERLINK(\"\"x\"\")\",VE,Zulia,2026-11-02T10:00:00Z,imported,imported,NGO,1,"
                                    + HASH + "," + HASH,
                            "2," + org("late")
                                    + ",Late Org,VE,Lara,2026-11-02T09:00:00Z,api,organization-credential,NGO,1," + HASH
                                    + "," + HASH);
        });
        ReadClient.Reply json = reads.get("/api/statements/" + statement + "/endorsements.json");

        assertThat(json.json().path("rows").get(1).path("region").asText()).isEqualTo("Lara");
        assertThat(json.json().path("contentHash").asText()).isEqualTo(HASH);
    }

    @Test
    void growthIsReportedPerHourAndPerDay() {
        endorse(org("h1"), "H1", 0, Instant.parse("2026-11-03T09:10:00Z"), null);
        endorse(org("h2"), "H2", 0, Instant.parse("2026-11-03T09:50:00Z"), null);
        endorse(org("h3"), "H3", 0, Instant.parse("2026-11-03T11:05:00Z"), null);
        withdraw(org("h1"), 1, Instant.parse("2026-11-04T08:00:00Z"));
        awaitCounts(2, 1);

        JsonNode hours = reads.get("/api/statements/" + statement + "/growth?interval=hour")
                .json()
                .path("points");
        JsonNode days = reads.get("/api/statements/" + statement + "/growth?interval=day&from=2026-11-03T00:00:00Z")
                .json()
                .path("points");

        assertThat(hours).extracting(p -> p.path("added").asLong()).containsExactly(2L, 1L, 0L);
        assertThat(hours).extracting(p -> p.path("cumulative").asLong()).containsExactly(2L, 3L, 2L);
        assertThat(days)
                .extracting(p -> p.path("start").asText())
                .containsExactly("2026-11-03T00:00:00Z", "2026-11-04T00:00:00Z");
        assertThat(days.get(0).path("added").asLong()).isEqualTo(3);
        assertThat(days.get(1).path("withdrawn").asLong()).isEqualTo(1);
        assertThat(reads.get("/api/statements/" + statement + "/growth?interval=week")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void reconciliationReportsDriftInjectedIntoAView() {
        endorse(org("x"), "X", 0, Instant.parse("2026-11-05T09:00:00Z"), null);
        endorse(org("y"), "Y", 0, Instant.parse("2026-11-05T09:01:00Z"), null);
        awaitCounts(2, 0);
        assertThat(reads.get("/api/admin/reconciliation", AUDITOR_KEY)
                        .json()
                        .path("drift")
                        .toString())
                .doesNotContain(statement);

        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(statement)),
                new Update().inc("currentCount", 5),
                views.current().collection("statements"));
        ReadClient.Reply report = reads.get("/api/admin/reconciliation", AUDITOR_KEY);

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.json().path("drift")).anySatisfy(d -> {
            assertThat(d.path("statementId").asText()).isEqualTo(statement);
            assertThat(d.path("field").asText()).isEqualTo("endorsementCount");
            assertThat(d.path("inView").asText()).isEqualTo("7");
            assertThat(d.path("inAuditTrail").asText()).isEqualTo("2");
        });
        assertThat(meters.get("endorsements.reconciliation.drift").gauge().value())
                .isGreaterThanOrEqualTo(1);
        assertThat(reads.get("/api/admin/reconciliation").status()).isEqualTo(401);

        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(statement)),
                new Update().inc("currentCount", -5),
                views.current().collection("statements"));
    }

    @Test
    void theLiveProjectionComesToRestBetweenBatchesAndGoesOnAfterwards() {
        endorse(org("x"), "X", 0, Instant.parse("2026-11-05T09:00:00Z"), null);
        awaitCounts(1, 0);

        assertThat(live.whilePaused(
                        Duration.ofSeconds(5),
                        () -> listeners.getListenerContainer("projection").isContainerPaused()))
                .contains(true);

        endorse(org("y"), "Y", 0, Instant.parse("2026-11-05T09:01:00Z"), null);
        awaitCounts(2, 0);
    }

    @Test
    void theProjectionGoesOnAfterAReconciliationPausedItToConfirmDrift() {
        endorse(org("x"), "X", 0, Instant.parse("2026-11-05T09:00:00Z"), null);
        awaitCounts(1, 0);
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(statement)),
                new Update().inc("totalAdded", 3),
                views.current().collection("statements"));
        assertThat(reads.get("/api/admin/reconciliation", AUDITOR_KEY)
                        .json()
                        .path("drift")
                        .toString())
                .contains(statement);
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(statement)),
                new Update().inc("totalAdded", -3),
                views.current().collection("statements"));

        endorse(org("y"), "Y", 0, Instant.parse("2026-11-05T09:01:00Z"), null);

        awaitCounts(2, 0);
        assertThat(reads.get("/api/admin/reconciliation", AUDITOR_KEY)
                        .json()
                        .path("drift")
                        .toString())
                .doesNotContain(statement);
    }

    @Test
    void idsAreNeverReadAsQueryDocuments() {
        awaitCounts(0, 0);
        ReadClient.Reply operator = reads.get("/api/statements/%7B%22%24ne%22%3Anull%7D");
        ReadClient.Reply inList = reads.get("/api/statements/" + statement + "/endorsements?q=%7B%22%24ne%22%3A1%7D");

        assertThat(operator.status()).isEqualTo(404);
        assertThat(inList.status()).isEqualTo(200);
        assertThat(inList.json().path("totalItems").asLong()).isZero();
    }
}
