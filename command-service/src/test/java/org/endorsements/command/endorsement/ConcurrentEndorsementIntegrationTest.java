package org.endorsements.command.endorsement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.endorsements.command.CommandServiceApplication;
import org.endorsements.command.support.Api;
import org.endorsements.command.support.IntegrationTest;
import org.endorsements.command.support.TestStackSupport;
import org.endorsements.testsupport.TestStack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ConcurrentEndorsementIntegrationTest extends TestStackSupport {

    private static final int REQUESTS = 50;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void fiftyConcurrentIdenticalEndorsementsGiveExactlyOneEvent() throws Exception {
        Api api = new Api(port);
        assertExactlyOneEvent(api, api);
    }

    /** Two instances share the event store: only its optimistic locking (and a retry) can stop a double event. */
    @Test
    void fiftyConcurrentIdenticalEndorsementsOnTwoInstancesGiveExactlyOneEvent() throws Exception {
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(CommandServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + TestStack.postgres().jdbcUrl(),
                        "--spring.datasource.username=" + TestStack.postgres().username(),
                        "--spring.datasource.password=" + TestStack.postgres().password(),
                        "--spring.kafka.bootstrap-servers=" + TestStack.kafkaBootstrapServers(),
                        "--endorsements.security.admin-key=" + ADMIN_KEY,
                        // Instances sharing an event store share its master key, or none opens the other's data keys.
                        "--endorsements.personal-data.master-key="
                                + org.endorsements.command.support.TestStackSupport.MASTER_KEY,
                        "--endorsements.event-stream.topic=" + TOPIC)) {
            int secondPort =
                    ((WebServerApplicationContext) second).getWebServer().getPort();
            assertExactlyOneEvent(new Api(port), new Api(secondPort));
        }
    }

    private void assertExactlyOneEvent(Api api, Api other) throws Exception {
        Api.Response org = api.registerOrganization("Médicos Unidos");
        String statementId = api.publishStatement();
        String path = "/api/statements/" + statementId + "/endorsements/" + org.text("organizationId");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Api target = i % 2 == 0 ? api : other;
            statuses.add(pool.submit(() -> {
                start.await();
                return target.send("PUT", path, org.text("apiKey"), null).status();
            }));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            codes.add(status.get());
        }
        pool.shutdown();

        assertThat(codes).filteredOn(c -> c == 201).hasSize(1);
        assertThat(codes).filteredOn(c -> c == 200).hasSize(REQUESTS - 1);
        long events = jdbc.sql("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ?")
                .param(statementId + ":" + org.text("organizationId"))
                .query(Long.class)
                .single();
        assertThat(events).isEqualTo(1);
    }
}
