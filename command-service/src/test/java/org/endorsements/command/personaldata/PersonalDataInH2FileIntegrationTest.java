package org.endorsements.command.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.endorsements.command.CommandServiceApplication;
import org.endorsements.command.support.Api;
import org.endorsements.command.support.TestStackSupport;
import org.endorsements.testsupport.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default (H2 file event store, master key generated into the data folder): after registering an
 * organization with a marker in its personal fields, endorsing and withdrawing with a reason, and shutting down,
 * no byte of the database files holds the marker.
 */
class PersonalDataInH2FileIntegrationTest {

    @TempDir
    Path dataDir;

    @Test
    void theMarkerIsInNoByteOfTheH2FilesAfterShutdown() throws IOException {
        String marker = "Marker" + UUID.randomUUID().toString().replace("-", "");
        String organizationId = "org-" + UUID.randomUUID().toString().substring(0, 8);
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(CommandServiceApplication.class)
                // Arguments, not properties(): those are defaults, beneath application.yml's ${ENV:} placeholders.
                .run(
                        "--endorsements.data-dir=" + dataDir,
                        "--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + TestStack.kafkaBootstrapServers(),
                        "--endorsements.security.admin-key=" + TestStackSupport.ADMIN_KEY,
                        "--endorsements.event-stream.topic=endorsement-events-h2-" + organizationId,
                        "--endorsements.credential-digests.topic=endorsement-credentials-h2-" + organizationId)) {
            int port = ((ServletWebServerApplicationContext) service)
                    .getWebServer()
                    .getPort();
            Api api = new Api(port);
            Api.Response registered = api.send(
                    "POST",
                    "/api/organizations",
                    TestStackSupport.ADMIN_KEY,
                    "{\"organizationId\":\"" + organizationId + "\",\"name\":\"Observatorio " + marker
                            + "\",\"country\":\"VE\",\"region\":\"Region " + marker + "\",\"website\":\"https://"
                            + marker.toLowerCase() + ".example.org\"}");
            assertThat(registered.status()).isEqualTo(201);
            String path = "/api/statements/" + api.publishStatement() + "/endorsements/" + organizationId;
            assertThat(api.send("PUT", path, registered.text("apiKey"), null).status())
                    .isEqualTo(201);
            assertThat(api.send("DELETE", path, registered.text("apiKey"), "{\"reason\":\"Reason " + marker + "\"}")
                            .status())
                    .isEqualTo(200);
        }

        String files = everyFileUnder(dataDir.resolve("command"));
        // The search reads what the service wrote: the organization id is not personal and is there in plain.
        assertThat(files).contains(organizationId);
        assertThat(files).doesNotContain(marker).doesNotContain(marker.toLowerCase());
    }

    @Test
    void theEmbeddedDefaultCreatesAMasterKeyOnlyItsOwnerCanRead() {
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(CommandServiceApplication.class)
                .run(
                        "--endorsements.data-dir=" + dataDir,
                        "--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + TestStack.kafkaBootstrapServers(),
                        "--endorsements.security.admin-key=" + TestStackSupport.ADMIN_KEY)) {
            Path key = dataDir.resolve("master.key");

            assertThat(key).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                    .isEqualTo("rw-------");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String everyFileUnder(Path directory) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(directory)) {
            List<Path> regular = files.filter(Files::isRegularFile).toList();
            assertThat(regular).isNotEmpty();
            for (Path file : regular) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }
}
