package org.endorsements.query.statement.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.endorsements.query.support.BoundedReadsStack;
import org.endorsements.query.support.ReadClient;
import org.endorsements.query.support.TopicWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveStreamsIntegrationTest extends BoundedReadsStack {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Instant PUBLISHED = Instant.parse("2026-11-01T08:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    LiveStreams streams;

    private ReadClient reads;
    private TopicWriter topic;
    private String statement;
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void setUp() {
        reads = new ReadClient(port);
        topic = new TopicWriter(TOPIC);
        statement = "live-" + suffix;
        publish(topic, statement, "Title", PUBLISHED);
        await().atMost(WAIT)
                .until(() -> reads.get("/api/statements/" + statement).status() == 200);
        // Streams of earlier tests are noticed closed at their next heartbeat.
        await().atMost(WAIT).until(() -> streams.openStreams() == 0);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Socket socket : sockets) {
            socket.close();
        }
        topic.close();
    }

    private Socket neverReading() throws Exception {
        return neverReading("127.0.0.1");
    }

    /**
     * Asks for the stream from {@code address} (any 127.x address reaches the loopback), then never reads a byte,
     * with as small a receive buffer as the system allows.
     */
    private Socket neverReading(String address) throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(1024);
        socket.bind(new InetSocketAddress(address, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        OutputStream out = socket.getOutputStream();
        out.write(("GET /api/statements/" + statement + "/live HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Accept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        sockets.add(socket);
        return socket;
    }

    @Test
    void aClientThatNeverReadsHoldsBackNeitherTheProjectionNorOtherClients() throws Exception {
        neverReading();
        await().atMost(WAIT).until(() -> streams.openStreams() == 1);
        List<String> received = new CopyOnWriteArrayList<>();
        HttpResponse<InputStream> reading = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/statements/" + statement + "/live"))
                        .timeout(WAIT)
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        Thread reader =
                new Thread(() -> new BufferedReader(new InputStreamReader(reading.body(), StandardCharsets.UTF_8))
                        .lines()
                        .forEach(received::add));
        reader.setDaemon(true);
        reader.start();

        // Far more than the socket buffers hold: writes to the client that never reads would block.
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < 5_000; i++) {
                streams.onChange((Set.of(statement)));
            }
        });
        endorse(topic, statement, "org-" + suffix, "Org", PUBLISHED.plusSeconds(60), null);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> reads.get("/api/statements/" + statement)
                                .json()
                                .path("endorsementCount")
                                .asLong()
                        == 1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(received).anySatisfy(line -> assertThat(line).contains("\"endorsementCount\":1")));
        reading.body().close();
    }

    @Test
    void moreClientsThatNeverReadThanThereAreWritersDoNotStopAReadingClientFromGettingUpdates() throws Exception {
        // Three addresses, each at its cap: more streams than the default eight writer threads.
        for (int address = 2; address <= 4; address++) {
            for (int i = 0; i < MAX_STREAMS_PER_ADDRESS; i++) {
                neverReading("127.0.0." + address);
            }
        }
        int stalled = 3 * MAX_STREAMS_PER_ADDRESS;
        await().atMost(WAIT).until(() -> streams.openStreams() == stalled);
        // Counts until every one of them is dropped for a write that does not complete: those writes stay blocked,
        // each holding a writer thread, until the container's write timeout. (A guard over real sockets: with
        // Tomcat's timing it also passed on a fixed pool; LiveStreamsTest is the one that fails without the fix.)
        await().atMost(WAIT).until(() -> {
            for (int i = 0; i < 100; i++) {
                streams.onChange((Set.of(statement)));
            }
            return streams.openStreams() == 0;
        });

        List<String> received = new CopyOnWriteArrayList<>();
        HttpResponse<InputStream> reading = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/statements/" + statement + "/live"))
                        .timeout(WAIT)
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try {
                new BufferedReader(new InputStreamReader(reading.body(), StandardCharsets.UTF_8))
                        .lines()
                        .forEach(received::add);
            } catch (java.io.UncheckedIOException closedByThisTest) {
                // the stream is closed at the end of the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        endorse(topic, statement, "org-" + suffix, "Org", PUBLISHED.plusSeconds(60), null);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(received).anySatisfy(line -> assertThat(line).contains("\"endorsementCount\":1")));
        reading.body().close();
    }

    @Test
    void streamsBeyondThePerAddressCapAre429Problems() throws Exception {
        for (int i = 0; i < MAX_STREAMS_PER_ADDRESS; i++) {
            neverReading();
        }
        await().atMost(WAIT).until(() -> streams.openStreams() == MAX_STREAMS_PER_ADDRESS);

        HttpResponse<InputStream> refused = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/statements/" + statement + "/live"))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());

        try (InputStream body = refused.body()) {
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("urn:endorsements:problem:too-many-streams-from-address");
        }
    }
}
