package org.endorsements.command.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SnapshotFreeJdbcEventStorageEngineTest {

    private final JdbcDataSource dataSource = new JdbcDataSource();
    /** Every statement the engine prepares, as the database receives it. */
    private final List<String> statements = new CopyOnWriteArrayList<>();

    private final SnapshotFreeJdbcEventStorageEngine engine;
    private final EmbeddedEventStore store;

    SnapshotFreeJdbcEventStorageEngineTest() {
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/h2")
                .load()
                .migrate();
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        engine = new SnapshotFreeJdbcEventStorageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(recording(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer));
        store = EmbeddedEventStore.builder().storageEngine(engine).build();
    }

    @AfterEach
    void close() {
        store.shutDown();
    }

    @Test
    void anAggregateLoadsWithoutAQueryOfTheSnapshotTable() {
        engine.appendEvents(new GenericDomainEventMessage<>("Endorsement", "s:o", 0, "added"));
        statements.clear();

        assertThat(store.readEvents("s:o").asStream()).hasSize(1);
        assertThat(statements).isNotEmpty().noneMatch(sql -> sql.toLowerCase().contains("snapshotevententry"));
    }

    @Test
    void storingASnapshotIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> engine.storeSnapshot(new GenericDomainEventMessage<>("Endorsement", "s:o", 0, "x")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private ConnectionProvider recording(DataSource dataSource) {
        return () -> {
            Connection connection = dataSource.getConnection();
            return (Connection) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                            statements.add(sql);
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        };
    }
}
