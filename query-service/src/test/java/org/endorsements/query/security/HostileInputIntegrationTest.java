package org.endorsements.query.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bson.Document;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementSource;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.OrganizationRegistered;
import org.endorsements.events.StatementId;
import org.endorsements.events.StatementPublished;
import org.endorsements.query.support.QueryStackSupport;
import org.endorsements.query.support.TopicWriter;
import org.endorsements.testsupport.RawHttp;
import org.endorsements.testsupport.RawHttp.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * What a hostile client sends to the read side, written on the socket as it would be: every request is answered
 * with a 4xx problem, never a 5xx or an HTML page, and leaves every view exactly as it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIntegrationTest extends QueryStackSupport {

    private static final String HASH = "c".repeat(64);
    private static final String S = "{S}";

    record Case(String name, Function<String, Request> request, int lowest, int highest) {
        @Override
        public String toString() {
            return name;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private String statement;
    private RawHttp http;
    private TopicWriter topic;
    private String viewsBefore;

    @BeforeAll
    void setUp() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        statement = "hostile-" + suffix;
        String organization = "org-" + suffix;
        topic = new TopicWriter(TOPIC);
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
        topic.send(
                new OrganizationRegistered(
                        OrganizationId.of(organization),
                        "Org",
                        "VE",
                        "Zulia",
                        "NGO",
                        null,
                        Instant.parse("2026-11-01T08:00:00Z"),
                        "admin"),
                "Organization",
                organization,
                0);
        topic.send(
                new EndorsementAdded(
                        StatementId.of(statement),
                        OrganizationId.of(organization),
                        "Org",
                        HASH,
                        Instant.parse("2026-11-01T09:00:00Z"),
                        "credential:c1",
                        EndorsementSource.API,
                        "req",
                        "0a".repeat(32),
                        null,
                        EndorsementVisibility.DEFAULT,
                        null,
                        null,
                        null),
                "Endorsement",
                statement + ":" + organization,
                0);
        http = new RawHttp("127.0.0.1", port);
        // Quiet before the corpus starts: the endorsement is projected and its log checkpoint signed.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.send(Request.of("GET", "/api/statements/" + statement + "/log/checkpoint"))
                                .status()
                        == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> views().equals(views()));
        viewsBefore = views();
    }

    @AfterAll
    void closeTopic() {
        topic.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void aHostileReadIsAnsweredWithAClientErrorProblemAndChangesNothing(Case hostile) {
        Map<String, Long> before = counts();

        RawHttp.Response response = http.send(hostile.request().apply(statement));

        assertThat(response.status())
                .as("status of %s; body: %s", hostile, response.body())
                .isBetween(hostile.lowest(), hostile.highest());
        assertThat(response.isProblem())
                .as("problem+json for %s; headers %s, body: %s", hostile, response.headers(), response.body())
                .isTrue();
        assertThat(counts()).as("documents per collection after " + hostile).isEqualTo(before);
    }

    /**
     * Runs after the whole corpus: every document as it was before the first hostile request. Each case checks
     * only the documents per collection, which is cheap; a full comparison per case read the whole shared store
     * twice for each of the corpus's requests, which made this the slowest test of the module.
     */
    @AfterAll
    void theCorpusLeftEveryViewDocumentAsItWas() {
        assertThat(views()).as("every view document after the whole corpus").isEqualTo(viewsBefore);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String collection : mongo.getCollectionNames()) {
            counts.put(collection, mongo.getCollection(collection).estimatedDocumentCount());
        }
        return counts;
    }

    private static final String HEARTBEATS = "projection_instances";

    /**
     * Every document of every collection, in _id order, but the instances' heartbeats, which each instance rewrites
     * on its own clock whatever is read (see InstanceRegistry).
     */
    private String views() {
        StringBuilder all = new StringBuilder();
        for (String collection : new TreeSet<>(mongo.getCollectionNames())) {
            if (collection.equals(HEARTBEATS)) {
                continue;
            }
            all.append(collection).append(':');
            mongo.find(new Query().with(org.springframework.data.domain.Sort.by("_id")), Document.class, collection)
                    .forEach(d -> all.append(d.toJson()).append('\n'));
        }
        return all.toString();
    }

    static Stream<Arguments> corpus() {
        List<Case> cases = new ArrayList<>();
        pathTricks(cases);
        credentials(cases);
        parameters(cases);
        pathVariables(cases);
        malformed(cases);
        return cases.stream().map(Arguments::of);
    }

    private static void anyClientError(List<Case> cases, String name, Function<String, Request> request) {
        cases.add(new Case(name, request, 400, 499));
    }

    private static void exactly(List<Case> cases, int status, String name, Function<String, Request> request) {
        cases.add(new Case(name, request, status, status));
    }

    private static Function<String, Request> get(String template) {
        return statement -> Request.of("GET", template.replace(S, statement));
    }

    private static void pathTricks(List<Case> cases) {
        for (String path : List.of(
                "/api;x=1/statements/{S}/history",
                "/%61pi/statements/{S}/history",
                "/api/statements/{S}/history;x=1",
                "/api/statements/{S}/./history",
                "/api//statements/{S}/history",
                "/api/statements/{S}/%68istory",
                "/api/organizations/org-x/history;jsessionid=1",
                "/api/x/../statements/{S}/history")) {
            anyClientError(cases, "anonymous GET " + path, get(path));
        }
        for (String path : List.of(
                "/api;x=1/admin/replay",
                "/%61pi/admin/replay",
                "/api/admin/./replay",
                "/api/admin;/replay",
                "/api//admin/replay",
                "/api/%61dmin/replay",
                "/api/admin/replay;x=1",
                "/api/admin/x/../replay")) {
            anyClientError(cases, "anonymous POST " + path, s -> Request.of("POST", path));
            anyClientError(
                    cases, "auditor POST " + path, s -> Request.of("POST", path).bearer(AUDITOR_KEY));
        }
    }

    private static void credentials(List<Case> cases) {
        String history = "/api/statements/{S}/history";
        exactly(cases, 401, "anonymous reads the audit trail", get(history));
        exactly(cases, 401, "anonymous reads an organization's history", get("/api/organizations/org-x/history"));
        exactly(cases, 401, "anonymous asks for the reconciliation", get("/api/admin/reconciliation"));
        exactly(cases, 401, "anonymous starts a replay", s -> Request.of("POST", "/api/admin/replay"));
        exactly(cases, 401, "a wrong key", s -> get(history).apply(s).bearer("guess"));
        exactly(
                cases,
                401,
                "basic credentials",
                s -> get(history).apply(s).header("Authorization", "Basic YXVkaXRvcjphdWRpdG9y"));
        exactly(cases, 401, "an empty bearer", s -> get(history).apply(s).header("Authorization", "Bearer"));
        exactly(
                cases,
                401,
                "the auditor key with a suffix",
                s -> get(history).apply(s).bearer(AUDITOR_KEY + "x"));
        exactly(
                cases,
                401,
                "a wrong key on a public read",
                s -> get("/api/statements/{S}").apply(s).bearer("guess"));
        exactly(
                cases,
                403,
                "the auditor starts a replay",
                s -> Request.of("POST", "/api/admin/replay").bearer(AUDITOR_KEY));
        anyClientError(
                cases,
                "a 12 KB Authorization header",
                s -> get(history).apply(s).header("Authorization", "Bearer " + "k".repeat(12 * 1024)));
    }

    private static String token(String raw) {
        return Base64.getUrlEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static void parameters(List<Case> cases) {
        String endorsements = "/api/statements/{S}/endorsements";
        for (String asOf : List.of(
                "%2B1000000000-01-01T00:00:00Z",
                "-1000000000-01-01T00:00:00Z",
                "garbage",
                "2026-13-01T00:00:00Z",
                "2026-11-01",
                "2026-11-01T00:00:00Z%00",
                "99999999999999999999")) {
            anyClientError(cases, "asOf=" + asOf, get(endorsements + "?asOf=" + asOf));
            anyClientError(cases, "document asOf=" + asOf, get("/api/statements/{S}/document?asOf=" + asOf));
        }
        for (String q : List.of("a%00b", "%07", "a%E2%80%AEb", "q".repeat(5000), "a%E2%80%8Bb")) {
            anyClientError(
                    cases, "q=" + (q.length() > 20 ? q.substring(0, 20) + "…" : q), get(endorsements + "?q=" + q));
        }
        for (String paging : List.of(
                "page=-1",
                "page=abc",
                "size=-1",
                "size=0",
                "size=1000000000",
                "size=abc",
                "page=99999999999",
                "page=2147483647&size=2147483647")) {
            anyClientError(cases, "endorsements " + paging, get(endorsements + "?" + paging));
            anyClientError(
                    cases,
                    "auditor history " + paging,
                    s -> get("/api/statements/{S}/history?" + paging).apply(s).bearer(AUDITOR_KEY));
        }
        for (String position : List.of(
                "garbage",
                token("v1|Endorsement|x|abc"),
                token("v2|Endorsement|x|1"),
                token("v1|Endorsement|x"),
                "%00",
                token("v1|Endorsement|x|-5|extra"))) {
            anyClientError(cases, "minPosition=" + position, get("/api/statements/{S}?minPosition=" + position));
        }
        for (String query :
                List.of("start=-1", "start=abc", "start=5&end=2", "end=99999999999999", "start=99999999999999999999")) {
            anyClientError(cases, "log leaves " + query, get("/api/statements/{S}/log/leaves?" + query));
        }
        for (String query : List.of(
                "leafIndex=-1&treeSize=1",
                "leafIndex=abc&treeSize=1",
                "leafIndex=0&treeSize=0",
                "leafIndex=5&treeSize=1",
                "treeSize=1",
                "leafIndex=0",
                "eventId=%00&treeSize=1")) {
            anyClientError(cases, "inclusion proof " + query, get("/api/statements/{S}/log/proof/inclusion?" + query));
        }
        for (String query : List.of("from=5&to=2", "from=-1&to=1", "from=abc&to=1", "from=1", "from=0&to=999999")) {
            anyClientError(
                    cases, "consistency proof " + query, get("/api/statements/{S}/log/proof/consistency?" + query));
        }
        for (String query : List.of(
                "interval=fortnight",
                "from=garbage",
                "to=2026-13-01T00:00:00Z",
                "from=%2B1000000000-01-01T00:00:00Z")) {
            anyClientError(cases, "growth " + query, get("/api/statements/{S}/growth?" + query));
        }
    }

    private static void pathVariables(List<Case> cases) {
        for (String id : List.of("UPPER", "%00", "a".repeat(101), "%E2%80%AE", "..", "%2e%2e", "a%2Fb", "%25", "x;y")) {
            String shown = id.length() > 20 ? id.substring(0, 20) + "…" : id;
            anyClientError(cases, "statement '" + shown + "'", get("/api/statements/" + id));
            anyClientError(
                    cases, "export of statement '" + shown + "'", get("/api/statements/" + id + "/endorsements.csv"));
            anyClientError(cases, "receipt of organization '" + shown + "'", get("/api/statements/{S}/receipts/" + id));
        }
    }

    private static void malformed(List<Case> cases) {
        for (String target : List.of(
                "/api/%zz",
                "/api/statements/%",
                "/api/statements/%C0%AE",
                "/api/" + "p".repeat(9000),
                "/api/statements?x=" + "q".repeat(9000),
                "/api/statem\u00e9nts",
                "/api/statements?%zz=1",
                "/api/statements?minPosition=%E2%80")) {
            anyClientError(
                    cases,
                    "malformed target " + (target.length() > 30 ? target.substring(0, 30) : target),
                    s -> Request.of("GET", target));
        }
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "TRACE", "FROB")) {
            anyClientError(cases, method + " on a statement", s -> Request.of(method, "/api/statements/" + s));
        }
    }
}
