package org.endorsements.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relay against a real broker that crashes under load: commands keep being accepted while it is down, and
 * afterwards every acknowledged event is on the topic, each aggregate's events in order.
 */
class RelayAcrossBrokerRestartIT {

    private static final String ADMIN_KEY = "e2e-admin-key-" + UUID.randomUUID();
    private static final int ORGANIZATIONS = 6;
    private static final int STATEMENTS = 3;

    @TempDir
    Path dir;

    @Test
    void nothingAcknowledgedIsLostAndEachStatementKeepsItsOrderAcrossABrokerCrash() throws Exception {
        try (KafkaBroker broker = new KafkaBroker(dir.resolve("kafka"));
                ServiceProcess command = new ServiceProcess(dir.resolve("command"))) {
            broker.format();
            broker.start();
            command.start(Platform.commandJar(), Map.of(
                    "ENDORSEMENTS_ADMIN_KEY", ADMIN_KEY,
                    "ENDORSEMENTS_DATA_DIR", dir.resolve("command-data").toString(),
                    "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers()));
            String base = command.url();

            List<String> statements = new ArrayList<>();
            for (int i = 0; i < STATEMENTS; i++) {
                String id = "restart-" + i;
                assertThat(Http.send("POST", base + "/api/statements", ADMIN_KEY, "{\"statementId\":\"" + id
                        + "\",\"title\":\"T" + i + "\",\"body\":\"B\",\"language\":\"en\"}").status()).isEqualTo(201);
                statements.add(id);
            }
            Map<String, String> keys = new LinkedHashMap<>();
            for (int i = 0; i < ORGANIZATIONS; i++) {
                Http.Reply org = Http.send("POST", base + "/api/organizations", ADMIN_KEY,
                        "{\"organizationId\":\"org-" + i + "\",\"name\":\"Organization " + i + "\"}");
                keys.put(org.body().path("organizationId").asText(), org.body().path("apiKey").asText());
            }

            // Acknowledged events: aggregate id -> sequence numbers the API confirmed.
            Map<String, Set<Long>> acknowledged = new ConcurrentHashMap<>();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger acceptedWhileDown = new AtomicInteger();
            AtomicBoolean brokerDown = new AtomicBoolean();
            List<Thread> clients = new ArrayList<>();
            for (String statement : statements) {
                Thread client = new Thread(() -> {
                    boolean endorse = true;
                    while (running.get()) {
                        for (Map.Entry<String, String> org : keys.entrySet()) {
                            String path = base + "/api/statements/" + statement + "/endorsements/" + org.getKey();
                            Http.Reply reply = Http.send(endorse ? "PUT" : "DELETE", path, org.getValue(), null);
                            if (reply.status() == 201 || (!endorse && reply.status() == 200)) {
                                String[] token = new String(Base64.getUrlDecoder().decode(
                                        reply.header("X-Event-Position")), StandardCharsets.UTF_8).split("\\|");
                                acknowledged.computeIfAbsent(token[2], k -> ConcurrentHashMap.newKeySet())
                                        .add(Long.parseLong(token[3]));
                                if (brokerDown.get()) {
                                    acceptedWhileDown.incrementAndGet();
                                }
                            }
                        }
                        endorse = !endorse;
                    }
                }, "client-" + statement);
                client.start();
                clients.add(client);
            }

            Thread.sleep(2_000);
            broker.kill();
            brokerDown.set(true);
            Thread.sleep(10_000);
            brokerDown.set(false);
            broker.start();
            Thread.sleep(3_000);
            running.set(false);
            for (Thread client : clients) {
                client.join(TimeUnit.SECONDS.toMillis(60));
            }

            assertThat(acceptedWhileDown.get()).as("commands accepted while the broker was down").isPositive();
            long expected = acknowledged.values().stream().mapToLong(Set::size).sum();
            System.out.printf("[relay] %d events acknowledged, %d of them while the broker was down%n", expected,
                    acceptedWhileDown.get());

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                Map<String, List<Long>> onTopic = endorsementSequencesOnTopic(broker.bootstrapServers());
                for (Map.Entry<String, Set<Long>> entry : acknowledged.entrySet()) {
                    assertThat(onTopic.get(entry.getKey())).as("events of %s on the topic", entry.getKey())
                            .isNotNull()
                            .containsAll(entry.getValue());
                }
            });
            Map<String, List<Long>> onTopic = endorsementSequencesOnTopic(broker.bootstrapServers());
            long duplicates = 0;
            for (Map.Entry<String, List<Long>> entry : onTopic.entrySet()) {
                List<Long> firstSeen = entry.getValue().stream().distinct().toList();
                duplicates += entry.getValue().size() - firstSeen.size();
                assertThat(firstSeen).as("order of %s's events on the topic", entry.getKey()).isSorted();
                assertThat(firstSeen.get(firstSeen.size() - 1)).isEqualTo(firstSeen.size() - 1L);
            }
            System.out.printf("[relay] all on the topic, in order; %d duplicate records (at-least-once)%n",
                    duplicates);
        }
    }

    /** Per Endorsement aggregate, the sequence numbers in the order their records stand on the topic. */
    private static Map<String, List<Long>> endorsementSequencesOnTopic(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "verifier-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, List<Long>> sequences = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("endorsement-events"));
            int idle = 0;
            while (idle < 3) {
                var records = consumer.poll(Duration.ofMillis(1000));
                if (records.isEmpty()) {
                    idle++;
                }
                for (ConsumerRecord<String, byte[]> record : records) {
                    String type = header(record, "ce_aggregatetype");
                    if ("Endorsement".equals(type)) {
                        sequences.computeIfAbsent(header(record, "ce_subject"), k -> new ArrayList<>())
                                .add(Long.parseLong(header(record, "ce_sequence")));
                    }
                }
            }
        }
        return sequences;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
