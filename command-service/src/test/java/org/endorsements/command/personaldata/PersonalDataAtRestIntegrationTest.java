package org.endorsements.command.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.common.Node;
import org.awaitility.Awaitility;
import org.endorsements.command.support.Api;
import org.endorsements.command.support.IntegrationTest;
import org.endorsements.command.support.TestStackSupport;
import org.endorsements.testsupport.TestStack;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 20: an organization registered, endorsing and withdrawing with a unique marker in every personal field
 * (name, region, kind, website, withdrawal reason) leaves that marker in no row of the PostgreSQL event store (nor
 * of any other table of the command database), in no Kafka log segment and in no log line.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataAtRestIntegrationTest extends TestStackSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Api api;
    private String marker;
    private String organizationId;

    @BeforeEach
    void registerEndorseAndWithdrawWithAMarker() {
        api = new Api(port);
        marker = "Marker" + UUID.randomUUID().toString().replace("-", "");
        organizationId = "org-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response registered = api.send(
                "POST",
                "/api/organizations",
                ADMIN_KEY,
                "{\"organizationId\":\"" + organizationId + "\",\"name\":\"Observatorio " + marker
                        + "\",\"country\":\"VE\",\"region\":\"Region " + marker + "\",\"kind\":\"Kind " + marker
                        + "\",\"website\":\"https://" + marker.toLowerCase() + ".example.org\"}");
        assertThat(registered.status()).isEqualTo(201);
        String statementId = api.publishStatement();
        String path = "/api/statements/" + statementId + "/endorsements/" + organizationId;
        assertThat(api.send("PUT", path, registered.text("apiKey"), null).status())
                .isEqualTo(201);
        assertThat(api.send("DELETE", path, registered.text("apiKey"), "{\"reason\":\"Reason " + marker + "\"}")
                        .status())
                .isEqualTo(200);
        assertThat(api.send(
                                "PUT",
                                "/api/organizations/" + organizationId + "/profile",
                                ADMIN_KEY,
                                "{\"country\":\"VE\",\"region\":\"Other " + marker + "\"}")
                        .status())
                .isEqualTo(204);
    }

    @Test
    void theMarkerIsInNoRowOfAnyTableOfTheCommandDatabase() {
        String dump = dumpEveryTable();

        // The dump reads the rows this test wrote: the organization id is not personal and is there in plain.
        assertThat(dump).contains(organizationId);
        assertThat(dump).doesNotContain(marker).doesNotContain(marker.toLowerCase());
    }

    @Test
    void theMarkerIsInNoKafkaLogSegment() throws Exception {
        List<Path> segments = awaitSegmentsContaining(organizationId);

        for (Path segment : segments) {
            String content = new String(Files.readAllBytes(segment), StandardCharsets.ISO_8859_1);
            assertThat(content).as(segment.toString()).doesNotContain(marker).doesNotContain(marker.toLowerCase());
        }
    }

    @Test
    void theMarkerIsInNoLogLine(CapturedOutput output) throws Exception {
        // Everything the request handlers and the relay log about these events happens by now.
        awaitSegmentsContaining(organizationId);

        assertThat(output.getAll()).doesNotContain(marker).doesNotContain(marker.toLowerCase());
    }

    /** Every column of every row of every table of the schema, as the database returns its bytes. */
    private String dumpEveryTable() {
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables "
                        + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")
                .query(String.class)
                .list();
        assertThat(tables).contains("domainevententry", "organization_registry", "organization_data_key");
        StringBuilder dump = new StringBuilder();
        for (String table : tables) {
            jdbc.sql("SELECT * FROM " + table).query((RowCallbackHandler) rs -> {
                ResultSetMetaData columns = rs.getMetaData();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    byte[] bytes = rs.getBytes(i);
                    if (bytes != null) {
                        dump.append(new String(bytes, StandardCharsets.UTF_8)).append('\n');
                    }
                }
            });
        }
        return dump.toString();
    }

    /** The topic's segment files in the broker's log directories, once one of them holds {@code text}. */
    private static List<Path> awaitSegmentsContaining(String text) throws Exception {
        List<Path> directories = logDirectories();
        Assumptions.assumeTrue(
                directories.stream().allMatch(Files::isDirectory),
                "the broker's log directories are not on this machine (a container broker)");
        return Awaitility.await("the relay's records in the broker's files")
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> segments(directories), segments -> anyContains(segments, text));
    }

    private static boolean anyContains(List<Path> segments, String text) {
        try {
            for (Path segment : segments) {
                if (new String(Files.readAllBytes(segment), StandardCharsets.ISO_8859_1).contains(text)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Path> logDirectories() throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrapServers()))) {
            List<Integer> brokers =
                    admin.describeCluster().nodes().get().stream().map(Node::id).toList();
            Map<Integer, Map<String, LogDirDescription>> dirs =
                    admin.describeLogDirs(brokers).allDescriptions().get();
            return dirs.values().stream()
                    .flatMap(byPath -> byPath.keySet().stream())
                    .map(Path::of)
                    .toList();
        }
    }

    private static List<Path> segments(List<Path> directories) throws IOException {
        List<Path> segments = new ArrayList<>();
        for (Path directory : directories) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.filter(f -> f.getParent().getFileName().toString().startsWith(TOPIC + "-"))
                        .filter(f -> f.getFileName().toString().endsWith(".log"))
                        .forEach(segments::add);
            }
        }
        assertThat(segments).isNotEmpty();
        return segments;
    }
}
