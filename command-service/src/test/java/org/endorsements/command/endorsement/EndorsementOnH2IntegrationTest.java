package org.endorsements.command.endorsement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.endorsements.command.support.Api;
import org.endorsements.command.support.IntegrationTest;
import org.endorsements.command.support.TestStackSupport;
import org.endorsements.testsupport.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The endorsement path on the embedded default's H2 file store, where group commit and the gap read differ. */
@IntegrationTest
class EndorsementOnH2IntegrationTest {

    private static final int REQUESTS = 64;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void requireBroker() {
        TestStack.kafkaBootstrapServers();
    }

    /** The stack's broker; not its PostgreSQL, which is what other test classes use. */
    @DynamicPropertySource
    static void h2Store(DynamicPropertyRegistry registry) throws Exception {
        registry.add("spring.kafka.bootstrap-servers", TestStack::kafkaBootstrapServers);
        registry.add("endorsements.security.admin-key", () -> TestStackSupport.ADMIN_KEY);
        registry.add("endorsements.event-stream.topic", () -> "endorsement-events-h2");
        Path dir = Files.createTempDirectory("endorsements-h2-it");
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:file:" + dir.resolve("eventstore")
                        + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;RETENTION_TIME=2000");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
        registry.add("endorsements.data-dir", dir::toString);
    }

    @Autowired
    DataSource dataSource;

    @Test
    void theEventStoreIsH2() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("H2");
        }
    }

    @Test
    void concurrentEndorsementsOfDistinctPairsAreEachStoredOnceAndCreated() throws Exception {
        Api api = new Api(port);
        String statementId = api.publishStatement();
        List<Api.Response> organizations = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            organizations.add(api.registerOrganization("Organización " + i));
        }
        List<Integer> codes = concurrently(organizations.stream()
                .map(org -> (java.util.concurrent.Callable<Integer>) () -> api.send(
                                "PUT",
                                "/api/statements/" + statementId + "/endorsements/" + org.text("organizationId"),
                                org.text("apiKey"),
                                null)
                        .status())
                .toList());

        assertThat(codes).containsOnly(201);
        for (Api.Response org : organizations) {
            assertThat(eventsOf(statementId + ":" + org.text("organizationId"))).isEqualTo(1);
        }
    }

    @Test
    void concurrentIdenticalEndorsementsGiveExactlyOneEvent() throws Exception {
        Api api = new Api(port);
        Api.Response org = api.registerOrganization("Médicos Unidos");
        String statementId = api.publishStatement();
        String path = "/api/statements/" + statementId + "/endorsements/" + org.text("organizationId");
        List<java.util.concurrent.Callable<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            requests.add(() -> api.send("PUT", path, org.text("apiKey"), null).status());
        }
        List<Integer> codes = concurrently(requests);

        assertThat(codes).filteredOn(c -> c == 201).hasSize(1);
        assertThat(codes).filteredOn(c -> c == 200).hasSize(REQUESTS - 1);
        assertThat(eventsOf(statementId + ":" + org.text("organizationId"))).isEqualTo(1);
    }

    private long eventsOf(String aggregateIdentifier) {
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?")
                .param(aggregateIdentifier)
                .query(Long.class)
                .single();
    }

    private static List<Integer> concurrently(List<java.util.concurrent.Callable<Integer>> requests) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        List<Future<Integer>> statuses = new ArrayList<>();
        for (java.util.concurrent.Callable<Integer> request : requests) {
            statuses.add(pool.submit(() -> {
                start.await();
                return request.call();
            }));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            codes.add(status.get());
        }
        pool.shutdown();
        return codes;
    }
}
