package org.endorsements.query.statement.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.endorsements.query.support.BoundedReadsStack;
import org.endorsements.query.support.ReadClient;
import org.endorsements.query.support.SecondInstance;
import org.endorsements.query.support.TopicWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A second instance that projects nothing itself (its live projection does not start: every partition is the
 * test context's), so whatever it hears about a batch it hears from the other instance's writes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveStreamsOnEveryInstanceIntegrationTest extends BoundedReadsStack {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Instant PUBLISHED = Instant.parse("2026-11-01T08:00:00Z");

    private static SecondInstance other;

    @BeforeAll
    static void startTheOtherInstance() {
        other = new SecondInstance(Map.of(
                "spring.kafka.listener.auto-startup", "false", "endorsements.projection.instance-id", "query-other"));
    }

    @AfterAll
    static void stopTheOtherInstance() {
        other.close();
    }

    @Test
    void aDashboardOnAnInstanceThatProjectsNothingHearsTheCountsTheOtherInstanceProjected() throws Exception {
        ReadClient reads = new ReadClient(other.port());
        String statement = "everywhere-" + suffix;
        try (TopicWriter topic = new TopicWriter(TOPIC)) {
            publish(topic, statement, "Title", PUBLISHED);
            await().atMost(WAIT)
                    .until(() -> reads.get("/api/statements/" + statement).status() == 200);
            List<String> received = new CopyOnWriteArrayList<>();
            HttpResponse<InputStream> stream = http.send(
                    HttpRequest.newBuilder(URI.create(
                                    "http://127.0.0.1:" + other.port() + "/api/statements/" + statement + "/live"))
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            Thread reader =
                    new Thread(() -> new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))
                            .lines()
                            .forEach(received::add));
            reader.setDaemon(true);
            reader.start();
            await().atMost(WAIT)
                    .untilAsserted(() ->
                            assertThat(received).anySatisfy(l -> assertThat(l).contains("\"endorsementCount\":0")));

            for (int i = 0; i < 3; i++) {
                endorse(topic, statement, "org" + i + "-" + suffix, "Org " + i, PUBLISHED.plusSeconds(60 + i), null);
            }

            await().atMost(WAIT)
                    .untilAsserted(() ->
                            assertThat(received).anySatisfy(l -> assertThat(l).contains("\"endorsementCount\":3")));
            stream.body().close();
        }
    }

    @Test
    void aReadThatWaitsForItsWriteOnAnInstanceThatProjectsNothingIsAnsweredOnceTheOtherInstanceWroteIt() {
        ReadClient reads = new ReadClient(other.port());
        String statement = "awaited-" + suffix;
        String organization = "org-" + suffix;
        try (TopicWriter topic = new TopicWriter(TOPIC)) {
            publish(topic, statement, "Title", PUBLISHED);
            await().atMost(WAIT)
                    .until(() -> reads.get("/api/statements/" + statement).status() == 200);
            endorse(topic, statement, organization, "Org", PUBLISHED.plusSeconds(60), null);
            // The wait is at most 2 s here (the stack's read-your-writes limit): only a batch this instance hears
            // of ends it in time, since none is written here.
            ReadClient.Reply reply = reads.get("/api/statements/" + statement + "/endorsements?minPosition="
                    + token("Endorsement", statement + ":" + organization, 0));
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.text()).contains(organization);
        }
    }
}
