package org.endorsements.bench.drill;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.endorsements.events.AggregateType;
import org.endorsements.events.EndorsementId;
import org.endorsements.http.ApiClient;
import org.endorsements.http.ApiReply;

/**
 * Counts one drill's endorsement events where each of them must be: in the event store (read with plain JDBC), on
 * the topic (read from offset 0 by a consumer of its own), and in the views (the auditors' history API and each
 * statement's public count).
 */
final class Census {

    static final String TOPIC = "endorsement-events";
    /**
     * The aggregate type in the event store's {@code type} column, which the command side pins on the aggregate
     * ({@code @Aggregate(type = ...)}), so a class rename does not change it; a name of the store, not of the topic.
     */
    private static final String STORED_ENDORSEMENT_TYPE = "Endorsement";

    private static final String ENDORSEMENT = AggregateType.ENDORSEMENT.wireName();

    /** What the event store holds for the drill's statements. */
    record Store(Map<String, String> events, Map<String, Long> endorsedCount, Map<String, Long> addedEvents) {

        Set<String> positions() {
            return events.keySet();
        }
    }

    /**
     * What the topic holds: records per event id (more than one is an at-least-once repeat), the event ids seen at
     * each position (more than one means the history forked), and order faults.
     */
    record Topic(Map<String, Integer> records, Map<String, Set<String>> events, long outOfOrder) {

        long repeats() {
            return records.values().stream().mapToLong(n -> n - 1L).sum();
        }
    }

    /** What the views hold: history entries per event id (more than one is a double count), ids per position. */
    record Views(Map<String, Integer> entries, Map<String, Set<String>> events, Map<String, Long> endorsedCount) {

        long duplicates() {
            return entries.values().stream().mapToLong(n -> n - 1L).sum();
        }
    }

    private final LocalPlatform platform;
    private final ApiClient query;
    private final ApiClient auditor;

    Census(LocalPlatform platform) {
        this.platform = platform;
        this.query = ApiClient.create(platform.queryUrl());
        this.auditor = query.withKey(platform.auditorKey);
    }

    Store store(List<String> statements) throws SQLException {
        Map<String, String> positions = new HashMap<>();
        Map<String, long[]> latest = new HashMap<>();
        Map<String, Long> added = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(platform.eventStoreUrl(), "sa", "");
                PreparedStatement select = connection.prepareStatement(
                        "SELECT aggregateIdentifier, sequenceNumber, "
                                + "payloadType, eventIdentifier FROM DomainEventEntry WHERE type = ? AND aggregateIdentifier LIKE ?")) {
            for (String statement : statements) {
                select.setString(1, STORED_ENDORSEMENT_TYPE);
                select.setString(2, statement + EndorsementId.SEPARATOR + "%");
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String aggregate = rows.getString(1);
                        long sequence = rows.getLong(2);
                        boolean isAdded = rows.getString(3).endsWith("EndorsementAdded");
                        positions.put(aggregate + "#" + sequence, rows.getString(4));
                        if (isAdded) {
                            added.merge(aggregate, 1L, Long::sum);
                        }
                        long[] last = latest.computeIfAbsent(aggregate, a -> new long[] {-1, 0});
                        if (sequence > last[0]) {
                            last[0] = sequence;
                            last[1] = isAdded ? 1 : 0;
                        }
                    }
                }
            }
        }
        Map<String, Long> endorsed = new HashMap<>();
        statements.forEach(s -> endorsed.put(s, 0L));
        latest.forEach((aggregate, last) -> endorsed.merge(statementOf(aggregate), last[1], Long::sum));
        return new Store(positions, endorsed, added);
    }

    Topic topic(List<String> statements) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "drill-census-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        Map<String, Integer> records = new HashMap<>();
        Map<String, Set<String>> events = new HashMap<>();
        Map<String, Long> highest = new HashMap<>();
        long outOfOrder = 0;
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (!ENDORSEMENT.equals(header(record, "ce_aggregatetype"))) {
                        continue;
                    }
                    String aggregate = header(record, "ce_subject");
                    if (aggregate == null || !statements.contains(statementOf(aggregate))) {
                        continue;
                    }
                    long sequence = Long.parseLong(header(record, "ce_sequence"));
                    String position = aggregate + "#" + sequence;
                    String eventId = header(record, "ce_id");
                    events.computeIfAbsent(position, p -> new HashSet<>()).add(eventId);
                    if (records.merge(eventId, 1, Integer::sum) == 1) {
                        long before = highest.getOrDefault(aggregate, -1L);
                        if (sequence < before) {
                            outOfOrder++;
                        }
                        highest.put(aggregate, Math.max(before, sequence));
                    }
                }
            }
        }
        return new Topic(records, events, outOfOrder);
    }

    Views views(List<String> statements) throws IOException {
        Map<String, Integer> entries = new HashMap<>();
        Map<String, Long> endorsed = new HashMap<>();
        Map<String, Set<String>> events = new HashMap<>();
        for (String statement : statements) {
            for (int page = 0; ; page++) {
                JsonNode body = get(auditor, "/api/statements/" + statement + "/history?size=500&page=" + page);
                if (body == null) {
                    break;
                }
                for (JsonNode item : body.path("items")) {
                    if (ENDORSEMENT.equals(item.path("aggregateType").asText())) {
                        String position = item.path("aggregateId").asText() + "#"
                                + item.path("sequence").asLong();
                        String eventId = item.path("eventId").asText();
                        events.computeIfAbsent(position, p -> new HashSet<>()).add(eventId);
                        entries.merge(eventId, 1, Integer::sum);
                    }
                }
                if (body.path("items").size() < 500) {
                    break;
                }
            }
            // A statement the views do not know yet (rebuilding after a loss) counts as -1: not converged.
            JsonNode summary = get(query, "/api/statements/" + statement);
            endorsed.put(
                    statement,
                    summary == null ? -1L : summary.path("endorsementCount").asLong());
        }
        return new Views(entries, events, endorsed);
    }

    /** The answer's body, or null for a 404 (not in the views yet). */
    private static JsonNode get(ApiClient client, String path) throws IOException {
        ApiReply reply = client.get(path);
        if (reply.status() == 404) {
            return null;
        }
        return reply.expect(200).json();
    }

    static String statementOf(String endorsementAggregateId) {
        return EndorsementId.parse(endorsementAggregateId).statementId().value();
    }

    static Set<String> missing(Set<String> expected, Set<String> present) {
        return expected.stream().filter(p -> !present.contains(p)).collect(Collectors.toCollection(HashSet::new));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static List<String> sorted(Set<String> positions, int limit) {
        List<String> list = new ArrayList<>(positions);
        list.sort(null);
        return list.subList(0, Math.min(limit, list.size()));
    }
}
