package org.endorsements.query.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.endorsements.events.AggregateType;
import org.endorsements.events.ConsistencyTokenKey;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementSource;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.OrganizationRegistered;
import org.endorsements.events.StatementId;
import org.endorsements.events.StatementPublished;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Base of the tests of bounded reads. Every integration test runs with these limits (set in
 * {@link QueryStackSupport}, so that one Spring context serves all): few request threads, a small cap on waiting
 * reads and on streams per address, quick heartbeats (closed streams are noticed soon), small send buffers and a
 * short deadline for streamed answers.
 */
public abstract class BoundedReadsStack extends QueryStackSupport {

    public static final String HASH = "e".repeat(64);
    public static final int REQUEST_THREADS = 8;
    public static final int MAX_WAITERS = 30;
    public static final int MAX_STREAMS_PER_ADDRESS = 3;
    /** The deadline of a streamed answer: longer than a wait for minPosition (5 s), short enough to wait for. */
    public static final int STREAM_DEADLINE_SECONDS = 8;

    /**
     * Send buffers of a fixed 4 KB (the system would grow them to 4 MB): a client that stops reading makes the
     * server's writes block after a few dozen events, as it would after a few thousand with a real buffer.
     */
    @TestConfiguration(proxyBeanMethods = false)
    public static class SmallSendBuffers {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> smallSendBuffers() {
            return factory ->
                    factory.addConnectorCustomizers(connector -> connector.setProperty("socket.txBufSize", "4096"));
        }
    }

    protected final HttpClient http = HttpClient.newHttpClient();
    protected final String suffix = UUID.randomUUID().toString().substring(0, 6);

    protected static String token(String type, String aggregateId, long sequence) {
        return ConsistencyTokenKey.fromConfiguration(null, ADMIN_KEY)
                .sign(AggregateType.fromWireName(type).orElseThrow(), aggregateId, sequence)
                .encode();
    }

    protected static void publish(TopicWriter topic, String statement, String title, Instant at) {
        topic.send(
                new StatementPublished(
                        StatementId.of(statement),
                        title,
                        "Body of " + title,
                        "en",
                        HASH,
                        at,
                        "admin",
                        "Signed by:",
                        "Closing note."),
                "Statement",
                statement,
                0);
    }

    protected static void endorse(
            TopicWriter topic, String statement, String organization, String name, Instant at, Integer entry) {
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
                0);
    }

    protected static void register(TopicWriter topic, String organization, String name, String country, String region) {
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

    protected CompletableFuture<HttpResponse<String>> getAsync(int port, String path, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
