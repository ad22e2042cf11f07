package org.endorsements.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The real servers integration tests run against, started once per test JVM. Where Docker runs: Testcontainers
 * (Kafka, PostgreSQL images). Elsewhere: an in-JVM KRaft broker on a random port and the local PostgreSQL at
 * 127.0.0.1:5432, where each JVM gets a database of its own. Each choice is logged.
 *
 * <p>Without Docker and without a local PostgreSQL the PostgreSQL tests are skipped with a message, unless the
 * system property {@code endorsements.require-postgres=true} (set by .ci/run) turns the skip into a failure.
 */
public final class TestStack {

    private static final Logger log = LoggerFactory.getLogger(TestStack.class);

    public static final String KAFKA_IMAGE = "apache/kafka:3.9.1";
    public static final String POSTGRES_IMAGE = "postgres:16.10-alpine";
    public static final String MONGO_IMAGE = "mongo:7.0.25";
    public static final int TOPIC_PARTITIONS = 6;
    private static final String LOCAL_POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String LOCAL_POSTGRES_USER = "postgres";

    private static String kafkaBootstrapServers;
    private static Database postgres;
    private static Boolean docker;
    private static String mongoUri;

    /** Connection data of a PostgreSQL database. */
    public record Database(String jdbcUrl, String username, String password) {}

    private TestStack() {}

    public static synchronized boolean dockerAvailable() {
        if (docker == null) {
            try {
                docker = DockerClientFactory.instance().isDockerAvailable();
            } catch (Throwable e) {
                docker = false;
            }
        }
        return docker;
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafkaBootstrapServers == null) {
            if (dockerAvailable()) {
                KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE));
                kafka.start();
                kafkaBootstrapServers = kafka.getBootstrapServers();
                log.info("Test stack: Kafka from Testcontainers ({}) at {}", KAFKA_IMAGE, kafkaBootstrapServers);
            } else {
                EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, TOPIC_PARTITIONS);
                broker.afterPropertiesSet();
                Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-stop"));
                kafkaBootstrapServers = broker.getBrokersAsString();
                log.info("Test stack: no Docker; in-JVM KRaft broker at {}", kafkaBootstrapServers);
            }
        }
        return kafkaBootstrapServers;
    }

    /**
     * A MongoDB connection string: a {@code mongo} container where Docker runs, else the embedded
     * MongoDB-compatible server (mongo-java-server, in memory) in this JVM on a random port.
     */
    public static synchronized String mongoUri() {
        if (mongoUri == null) {
            if (dockerAvailable()) {
                MongoDBContainer mongo = new MongoDBContainer(DockerImageName.parse(MONGO_IMAGE));
                mongo.start();
                mongoUri = mongo.getReplicaSetUrl("endorsements");
                log.info("Test stack: MongoDB from Testcontainers ({}) at {}", MONGO_IMAGE, mongoUri);
            } else {
                MongoServer server = new MongoServer(new MemoryBackend());
                InetSocketAddress address = server.bind();
                Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-server-stop"));
                mongoUri = "mongodb://127.0.0.1:" + address.getPort() + "/endorsements";
                log.info("Test stack: no Docker; embedded MongoDB-compatible server at {}", mongoUri);
            }
        }
        return mongoUri;
    }

    public static synchronized Database postgres() {
        if (postgres == null) {
            if (dockerAvailable()) {
                PostgreSQLContainer<?> container = new PostgreSQLContainer<>(DockerImageName.parse(POSTGRES_IMAGE));
                container.start();
                postgres = new Database(container.getJdbcUrl(), container.getUsername(), container.getPassword());
                log.info("Test stack: PostgreSQL from Testcontainers ({}) at {}", POSTGRES_IMAGE, postgres.jdbcUrl());
            } else {
                postgres = localPostgresDatabase();
                log.info("Test stack: no Docker; local PostgreSQL, database {}", postgres.jdbcUrl());
            }
        }
        return postgres;
    }

    /** A fresh database on the local server, or a skip (a failure under CI's require flag) when there is none. */
    private static Database localPostgresDatabase() {
        String name = "endorsements_it_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(LOCAL_POSTGRES + "postgres", LOCAL_POSTGRES_USER, "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String message = "PostgreSQL tests need Docker or a PostgreSQL server at 127.0.0.1:5432 (user "
                    + LOCAL_POSTGRES_USER + ", trust auth); neither is available: " + e.getMessage();
            if (Boolean.getBoolean("endorsements.require-postgres")) {
                throw new IllegalStateException(message, e);
            }
            Assumptions.abort(message);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropLocalDatabase(name), "drop-test-database"));
        return new Database(LOCAL_POSTGRES + name, LOCAL_POSTGRES_USER, "");
    }

    private static void dropLocalDatabase(String name) {
        try (Connection c = DriverManager.getConnection(LOCAL_POSTGRES + "postgres", LOCAL_POSTGRES_USER, "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            log.warn("Could not drop test database {}: {}", name, e.getMessage());
        }
    }
}
