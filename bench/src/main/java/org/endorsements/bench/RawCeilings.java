package org.endorsements.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the machine's event store and broker accept on their own, measured the platform's way. */
final class RawCeilings {

    private static final byte[] PAYLOAD = new byte[400];

    private RawCeilings() {}

    /**
     * Rows/s a database accepts for rows shaped like Axon's event rows, one commit per row, from {@code threads}
     * connections at once, for {@code duration}.
     */
    static double jdbcRowsPerSecond(String url, String user, int threads, Duration duration) throws Exception {
        String table =
                "bench_ceiling_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        boolean postgres = url.startsWith("jdbc:postgresql");
        try (Connection c = DriverManager.getConnection(url, user, "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (globalIndex " + (postgres ? "BIGSERIAL" : "BIGINT AUTO_INCREMENT")
                    + " PRIMARY KEY, aggregateIdentifier VARCHAR(255) NOT NULL, sequenceNumber BIGINT NOT NULL, "
                    + "type VARCHAR(255), eventIdentifier VARCHAR(255) NOT NULL UNIQUE, payload "
                    + (postgres ? "BYTEA" : "BLOB") + " NOT NULL, payloadType VARCHAR(255) NOT NULL, "
                    + "timeStamp VARCHAR(255) NOT NULL, UNIQUE (aggregateIdentifier, sequenceNumber))");
        }
        AtomicLong rows = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url, user, "")) {
                    c.setAutoCommit(true);
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table
                            + " (aggregateIdentifier, sequenceNumber, type, eventIdentifier, payload, payloadType, "
                            + "timeStamp) VALUES (?, 0, 'Endorsement', ?, ?, 'EndorsementAdded', ?)")) {
                        while (System.nanoTime() < deadline) {
                            String id = UUID.randomUUID().toString();
                            insert.setString(1, id);
                            insert.setString(2, id);
                            insert.setBytes(3, PAYLOAD);
                            insert.setString(4, java.time.Instant.now().toString());
                            insert.executeUpdate();
                            rows.incrementAndGet();
                        }
                    }
                } catch (SQLException e) {
                    failures.add(e);
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        try (Connection c = DriverManager.getConnection(url, user, "");
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE " + table);
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return rows.get() / (duration.toMillis() / 1000.0);
    }

    /** Records/s the broker acknowledges with the relay's producer settings (acks=all, idempotent, linger 2 ms). */
    static double kafkaRecordsPerSecond(String bootstrap, Duration duration) throws Exception {
        String topic = "bench-ceiling-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(java.util.Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        }
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        AtomicLong acknowledged = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            long i = 0;
            while (System.nanoTime() < deadline) {
                producer.send(new ProducerRecord<>(topic, "statement-" + (i++ % 64), PAYLOAD), (m, e) -> {
                    if (e == null) {
                        acknowledged.incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
        try (Admin admin = Admin.create(java.util.Map.of("bootstrap.servers", bootstrap))) {
            admin.deleteTopics(List.of(topic)).all().get();
        }
        return acknowledged.get() / (duration.toMillis() / 1000.0);
    }
}
