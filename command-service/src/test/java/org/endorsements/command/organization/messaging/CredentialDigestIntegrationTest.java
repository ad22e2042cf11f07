package org.endorsements.command.organization.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.endorsements.command.support.Api;
import org.endorsements.command.support.IntegrationTest;
import org.endorsements.command.support.TestStackSupport;
import org.endorsements.events.CanonicalText;
import org.endorsements.events.CredentialDigest;
import org.endorsements.testsupport.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class CredentialDigestIntegrationTest extends TestStackSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    private Api api;
    private KafkaConsumer<String, byte[]> topic;
    /** Records polled but not looked at yet: one poll may bring several records of one organization. */
    private final java.util.ArrayDeque<ConsumerRecord<String, byte[]>> polled = new java.util.ArrayDeque<>();

    @BeforeEach
    void setUp() {
        api = new Api(port);
        topic = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestStack.kafkaBootstrapServers(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        "false"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        TopicPartition partition = new TopicPartition(CredentialDigest.DEFAULT_TOPIC, 0);
        topic.assign(List.of(partition));
        topic.seekToBeginning(List.of(partition));
    }

    @AfterEach
    void tearDown() {
        topic.close();
    }

    /** The next record of this organization on the credential topic, within the time given. */
    private ConsumerRecord<String, byte[]> next(String organizationId, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            while (!polled.isEmpty()) {
                ConsumerRecord<String, byte[]> record = polled.poll();
                if (organizationId.equals(record.key())) {
                    return record;
                }
            }
            if (System.nanoTime() >= deadline) {
                break;
            }
            topic.poll(Duration.ofMillis(50)).forEach(polled::add);
        }
        throw new AssertionError("no record of " + organizationId + " within " + within);
    }

    @Test
    void aRegisteredOrganizationsKeyIsPublishedAsItsHashOnly() {
        Api.Response org = api.registerOrganization("Provea");
        String organizationId = org.text("organizationId");

        ConsumerRecord<String, byte[]> record = next(organizationId, WAIT);
        CredentialDigest digest = CredentialDigest.decode(record.value());

        assertThat(digest.organizationId()).isEqualTo(organizationId);
        assertThat(digest.keyHash()).isEqualTo(CanonicalText.sha256Hex(org.text("apiKey")));
        assertThat(digest.credentialId()).isEqualTo(org.text("credentialId"));
        assertThat(digest.active()).isTrue();
        assertThat(new String(record.value())).doesNotContain(org.text("apiKey"));
    }

    @Test
    void aRevokedKeyIsATombstoneOnTheTopicWithinOneSecond() {
        Api.Response org = api.registerOrganization("Cofavic");
        String organizationId = org.text("organizationId");
        next(organizationId, WAIT);

        assertThat(api.send("DELETE", "/api/organizations/" + organizationId + "/credentials", ADMIN_KEY, null)
                        .status())
                .isEqualTo(204);

        assertThat(next(organizationId, Duration.ofSeconds(1)).value()).isNull();
    }

    @Test
    void aRotatedKeyIsReplacedByItsSuccessorsHash() {
        Api.Response org = api.registerOrganization("Codhez");
        String organizationId = org.text("organizationId");
        next(organizationId, WAIT);

        Api.Response rotated =
                api.send("POST", "/api/organizations/" + organizationId + "/credentials", org.text("apiKey"), null);
        assertThat(rotated.status()).isEqualTo(201);

        assertThat(next(organizationId, Duration.ofSeconds(1)).value()).isNull();
        CredentialDigest successor = CredentialDigest.decode(
                next(organizationId, Duration.ofSeconds(1)).value());
        assertThat(successor.keyHash()).isEqualTo(CanonicalText.sha256Hex(rotated.text("apiKey")));
    }

    @Test
    void aSuspendedOrganizationsKeyIsATombstone() {
        Api.Response org = api.registerOrganization(
                "Espacio Público " + UUID.randomUUID().toString().substring(0, 4));
        String organizationId = org.text("organizationId");
        next(organizationId, WAIT);

        assertThat(api.send("POST", "/api/organizations/" + organizationId + "/suspend", ADMIN_KEY, "{}")
                        .status())
                .isEqualTo(204);

        assertThat(next(organizationId, Duration.ofSeconds(1)).value()).isNull();
    }

    @Test
    void anErasedOrganizationsKeyIsATombstone() {
        Api.Response org = api.registerOrganization(
                "Erased " + UUID.randomUUID().toString().substring(0, 4));
        String organizationId = org.text("organizationId");
        next(organizationId, WAIT);

        assertThat(api.send(
                                "DELETE",
                                "/api/organizations/" + organizationId + "/personal-data",
                                org.text("apiKey"),
                                null)
                        .status())
                .isEqualTo(204);

        assertThat(next(organizationId, Duration.ofSeconds(1)).value()).isNull();
    }
}
