package org.endorsements.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bson.Document;
import org.endorsements.query.audit.AuditEntry;
import org.endorsements.query.projection.LiveGeneration;
import org.endorsements.query.projection.consistency.ConsistencyGate;
import org.endorsements.query.shared.web.ExpensiveReads;
import org.endorsements.query.statement.StatementDocument;
import org.endorsements.query.support.BoundedReadsStack;
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

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BoundedReadsIntegrationTest extends BoundedReadsStack {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Instant PUBLISHED = Instant.parse("2026-11-01T08:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    LiveGeneration views;

    @Autowired
    ExpensiveReads expensive;

    @Autowired
    ConsistencyGate gate;

    private ReadClient reads;
    private TopicWriter topic;
    private String statement;

    @BeforeEach
    void setUp() {
        reads = new ReadClient(port);
        topic = new TopicWriter(TOPIC);
        statement = "bounded-" + suffix;
        publish(topic, statement, "Title", PUBLISHED);
        await().atMost(WAIT)
                .until(() -> reads.get("/api/statements/" + statement).status() == 200);
    }

    @AfterEach
    void tearDown() {
        topic.close();
    }

    private String org(String name) {
        return name + "-" + suffix;
    }

    private void awaitCount(long count) {
        await().atMost(WAIT)
                .until(() -> reads.get("/api/statements/" + statement)
                                .json()
                                .path("endorsementCount")
                                .asLong()
                        == count);
    }

    @Test
    void readsWaitingForTheirPositionHoldNoRequestThread() throws Exception {
        String token = token("Endorsement", statement + ":" + org("late"), 0);
        List<CompletableFuture<HttpResponse<String>>> waiting = IntStream.range(0, REQUEST_THREADS * 2)
                .mapToObj(i -> getAsync(port, "/api/statements/" + statement + "?minPosition=" + token, null))
                .toList();
        await().atMost(WAIT).until(() -> gate.waitingReads() == waiting.size());

        long started = System.nanoTime();
        ReadClient.Reply meanwhile = reads.get("/api/statements/" + statement);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        endorse(topic, statement, org("late"), "Late", PUBLISHED.plusSeconds(60), null);

        assertThat(meanwhile.status()).isEqualTo(200);
        assertThat(took).isLessThan(Duration.ofMillis(500));
        for (CompletableFuture<HttpResponse<String>> reply : waiting) {
            HttpResponse<String> response = reply.get();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).path("endorsementCount").asLong())
                    .isEqualTo(1);
        }
    }

    @Test
    void readsBeyondTheCapOnWaitingReadsAreRefusedAtOnce() throws Exception {
        String never = token("Endorsement", statement + ":" + org("never"), 0);
        List<CompletableFuture<HttpResponse<String>>> waiting = IntStream.range(0, MAX_WAITERS)
                .mapToObj(i -> getAsync(port, "/api/statements/" + statement + "?minPosition=" + never, null))
                .toList();
        await().atMost(WAIT).until(() -> gate.waitingReads() == MAX_WAITERS);

        ReadClient.Reply refused = reads.get("/api/statements/" + statement + "?minPosition=" + never);

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(refused.json().path("type").asText()).isEqualTo("urn:endorsements:problem:too-many-waiting-reads");
        for (CompletableFuture<HttpResponse<String>> reply : waiting) {
            assertThat(JSON.readTree(reply.get().body()).path("type").asText())
                    .isIn(
                            "urn:endorsements:problem:not-yet-consistent",
                            "urn:endorsements:problem:too-many-waiting-reads");
        }
    }

    @Test
    void everyReadThatTakesMinPositionWaitsForIt() throws Exception {
        String never = token("Endorsement", statement + ":" + org("never"), 0);
        List<String> paths = List.of(
                "/api/statements",
                "/api/statements/" + statement,
                "/api/statements/" + statement + "/endorsements",
                "/api/statements/" + statement + "/endorsements?asOf=2026-11-02T00:00:00Z",
                "/api/statements/" + statement + "/endorsements.csv",
                "/api/statements/" + statement + "/endorsements.json",
                "/api/statements/" + statement + "/document.md",
                "/api/statements/" + statement + "/document.txt",
                "/api/statements/" + statement + "/document.md?asOf=2026-11-02T00:00:00Z",
                "/api/statements/" + statement + "/growth",
                "/api/statements/" + statement + "/history",
                "/api/organizations/" + org("never") + "/history");
        Map<String, CompletableFuture<HttpResponse<String>>> replies = new java.util.LinkedHashMap<>();
        for (String path : paths) {
            replies.put(
                    path,
                    getAsync(port, path + (path.contains("?") ? "&" : "?") + "minPosition=" + never, AUDITOR_KEY));
        }

        for (Map.Entry<String, CompletableFuture<HttpResponse<String>>> reply : replies.entrySet()) {
            HttpResponse<String> response = reply.getValue().get();
            assertThat(response.statusCode()).as(reply.getKey()).isEqualTo(503);
            assertThat(JSON.readTree(response.body()).path("type").asText())
                    .as(reply.getKey())
                    .isEqualTo("urn:endorsements:problem:not-yet-consistent");
        }
    }

    @Test
    void largeReadsBeyondTheBulkheadAre503WithRetryAfter() {
        endorse(topic, statement, org("a"), "A", PUBLISHED.plusSeconds(60), null);
        awaitCount(1);
        List<String> paths = List.of(
                "/api/statements/" + statement + "/endorsements.csv",
                "/api/statements/" + statement + "/endorsements.json",
                "/api/statements/" + statement + "/document.md",
                "/api/statements/" + statement + "/document.txt?asOf=2026-11-05T00:00:00Z",
                "/api/statements/" + statement + "/endorsements?asOf=2026-11-06T00:00:00Z",
                "/api/statements/" + statement + "/breakdown");
        List<ExpensiveReads.Permit> taken = new ArrayList<>();
        try {
            while (true) {
                taken.add(expensive.acquire());
            }
        } catch (RuntimeException full) {
            // every permit is taken
        }

        try {
            for (String path : paths) {
                ReadClient.Reply refused = reads.get(path);
                assertThat(refused.status()).as(path).isEqualTo(503);
                assertThat(refused.header("Retry-After")).as(path).isEqualTo("1");
                assertThat(refused.json().path("type").asText())
                        .as(path)
                        .isEqualTo("urn:endorsements:problem:too-many-large-reads");
            }
        } finally {
            taken.forEach(ExpensiveReads.Permit::close);
        }
        for (String path : paths) {
            assertThat(reads.get(path).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void aClientThatStopsReadingAnExportHoldsOnePermitAndOnlyUntilTheDeadline() throws Exception {
        int signatories = 1_000;
        for (int i = 0; i < signatories; i++) {
            endorse(topic, statement, org(String.format("s%04d", i)), "Org " + i, PUBLISHED.plusSeconds(i), i + 1);
        }
        awaitCount(signatories);
        int all = expensive.available();

        // Asks for the export, then never reads a byte (far more than the socket buffers hold).
        try (Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(1024);
            stalled.connect(new InetSocketAddress("127.0.0.1", port));
            OutputStream out = stalled.getOutputStream();
            out.write(("GET /api/statements/" + statement + "/endorsements.csv HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(WAIT).until(() -> expensive.available() == all - 1);

            ReadClient.Reply second = reads.get("/api/statements/" + statement + "/endorsements.json");

            assertThat(second.status()).isEqualTo(429);
            assertThat(second.header("Retry-After")).isEqualTo("1");
            assertThat(second.json().path("type").asText())
                    .isEqualTo("urn:endorsements:problem:too-many-large-reads-from-address");
            await().atMost(Duration.ofSeconds(STREAM_DEADLINE_SECONDS + 4)).until(() -> expensive.available() == all);
        }
    }

    @Test
    void anAsOfResultIsComputedOncePerPositionOfTheStatement() {
        endorse(topic, statement, org("a"), "A", PUBLISHED.plusSeconds(60), null);
        endorse(topic, statement, org("b"), "B", PUBLISHED.plusSeconds(120), null);
        awaitCount(2);
        // The audit trail records when an event was published (the time attribute, now): ask about tomorrow.
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        String path = "/api/statements/" + statement + "/endorsements?asOf=" + tomorrow;
        assertThat(reads.get(path, AUDITOR_KEY).json().path("totalItems").asLong())
                .isEqualTo(2);
        // Written behind the projection's back: only a recomputation can see it.
        mongo.insert(
                new AuditEntry(
                        "injected-" + suffix,
                        "org.endorsements.EndorsementAdded.v2",
                        statement,
                        org("c"),
                        "admin",
                        PUBLISHED.plusSeconds(180),
                        Instant.now(),
                        "Endorsement",
                        statement + ":" + org("c"),
                        0,
                        0,
                        0,
                        new Document("organizationName", "C")),
                views.current().collection("audit"));

        long cached = reads.get(path, AUDITOR_KEY).json().path("totalItems").asLong();
        endorse(topic, statement, org("d"), "D", PUBLISHED.plusSeconds(240), null);
        awaitCount(3);
        long recomputed = reads.get(path, AUDITOR_KEY).json().path("totalItems").asLong();

        mongo.remove(
                Query.query(Criteria.where("_id").is("injected-" + suffix)),
                views.current().collection("audit"));

        assertThat(cached).isEqualTo(2);
        assertThat(recomputed).isEqualTo(4);
    }

    @Test
    void twoAsOfInstantsWithNoEventBetweenThemShareOneCachedResult() {
        endorse(topic, statement, org("a"), "A", PUBLISHED.plusSeconds(60), null);
        endorse(topic, statement, org("b"), "B", PUBLISHED.plusSeconds(120), null);
        awaitCount(2);
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        String path = "/api/statements/" + statement + "/endorsements?asOf=";
        assertThat(reads.get(path + tomorrow, AUDITOR_KEY)
                        .json()
                        .path("totalItems")
                        .asLong())
                .isEqualTo(2);
        // Behind the projection's back and before the last real event: only a recomputation can see it.
        mongo.insert(
                new AuditEntry(
                        "injected-" + suffix,
                        "org.endorsements.EndorsementAdded.v2",
                        statement,
                        org("c"),
                        "admin",
                        PUBLISHED.plusSeconds(180),
                        Instant.now(),
                        "Endorsement",
                        statement + ":" + org("c"),
                        0,
                        0,
                        0,
                        new Document("organizationName", "C")),
                views.current().collection("audit"));

        long aNanosecondLater = reads.get(path + tomorrow.plusNanos(1), AUDITOR_KEY)
                .json()
                .path("totalItems")
                .asLong();

        mongo.remove(
                Query.query(Criteria.where("_id").is("injected-" + suffix)),
                views.current().collection("audit"));
        assertThat(aNanosecondLater).isEqualTo(2);
    }

    @Test
    void aCachedBreakdownFollowsAProfileThatArrivesLater() {
        endorse(topic, statement, org("x"), "X", PUBLISHED.plusSeconds(60), null);
        awaitCount(1);
        JsonNode before =
                reads.get("/api/statements/" + statement + "/breakdown").json();
        assertThat(before.get(0).path("country").isMissingNode()).isTrue();

        register(topic, org("x"), "X", "VE", "Zulia");

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(reads.get("/api/statements/" + statement + "/breakdown")
                                .json()
                                .get(0)
                                .path("country")
                                .asText())
                        .isEqualTo("VE"));
    }

    @Test
    void theStreamedDocumentIsTheLetterAsRenderedInOnePiece() {
        endorse(topic, statement, org("late"), "Late *Org*", PUBLISHED.plusSeconds(120), null);
        endorse(topic, statement, org("first"), "First [Org]", PUBLISHED.plusSeconds(60), 1);
        awaitCount(2);
        Instant at = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);

        for (StatementDocument.Format format : StatementDocument.Format.values()) {
            String extension = format == StatementDocument.Format.MARKDOWN ? "md" : "txt";
            String expected = StatementDocument.render(
                    new StatementDocument.Content(
                            "Title",
                            "Body of Title",
                            "Signed by:",
                            "Closing note.",
                            List.of(
                                    new StatementDocument.Signatory("First [Org]", "imported"),
                                    new StatementDocument.Signatory("Late *Org*", "organization-credential")),
                            at,
                            0),
                    format);
            String past = reads.get("/api/statements/" + statement + "/document." + extension + "?asOf=" + at)
                    .text();
            String now = reads.get("/api/statements/" + statement + "/document." + extension)
                    .text();

            assertThat(past).isEqualTo(expected);
            assertThat(withoutAsOfLine(now)).isEqualTo(withoutAsOfLine(expected));
        }
    }

    /** The document without the line naming the instant it is true for, which differs between two reads. */
    private static String withoutAsOfLine(String text) {
        return text.lines().filter(line -> !line.contains("As of ")).collect(Collectors.joining("\n"));
    }

    @Test
    void anExportLargerThanOnePageListsEverySignatoryOnceInOrder() {
        int signatories = 1_234;
        for (int i = 0; i < signatories; i++) {
            endorse(topic, statement, org(String.format("o%04d", i)), "Org " + i, PUBLISHED.plusSeconds(i), i + 1);
        }
        awaitCount(signatories);

        String[] csv = reads.get("/api/statements/" + statement + "/endorsements.csv")
                .text()
                .split("\r\n");
        JsonNode json =
                reads.get("/api/statements/" + statement + "/endorsements.json").json();

        assertThat(csv).hasSize(signatories + 1);
        assertThat(csv[signatories]).startsWith(signatories + "," + org("o1233") + ",Org 1233,");
        assertThat(json.path("rows")).hasSize(signatories);
        assertThat(json.path("rows").get(signatories - 1).path("number").asInt())
                .isEqualTo(signatories);
        assertThat(json.path("statementId").asText()).isEqualTo(statement);
    }
}
