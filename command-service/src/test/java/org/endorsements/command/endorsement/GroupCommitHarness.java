package org.endorsements.command.endorsement;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.endorsements.command.shared.CallerMetaData;
import org.endorsements.command.shared.DomainRuleViolation;
import org.endorsements.command.shared.messaging.GroupCommitCommandBus;
import org.endorsements.events.Caller;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.StatementId;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The endorsement aggregate on Axon with the service's command bus and a real H2 event store of its own (in
 * memory), wired as the service wires them: Spring's transaction manager under Axon's, JDBC storage engine. No
 * Spring context, so that a property test can run hundreds of these.
 */
final class GroupCommitHarness implements AutoCloseable {

    static final String HASH = "a".repeat(64);
    static final String OPENING = "0f".repeat(32);

    /** The registry: every statement open but the closed ones, every organization active but the suspended ones. */
    static final class Rules implements SignatoryRules {
        final Set<StatementId> closed;
        final Set<OrganizationId> suspended;

        Rules(Set<StatementId> closed, Set<OrganizationId> suspended) {
            this.closed = closed;
            this.suspended = suspended;
        }

        @Override
        public String contentHashOfOpenStatement(StatementId statementId) {
            if (closed.contains(statementId)) {
                throw DomainRuleViolation.conflict("statement-closed", "the statement is closed");
            }
            return HASH;
        }

        @Override
        public String nameOfActiveOrganization(OrganizationId organizationId) {
            if (suspended.contains(organizationId)) {
                throw DomainRuleViolation.conflict("organization-suspended", "the organization is suspended");
            }
            return "Org " + organizationId.value();
        }

        @Override
        public boolean isHidden(OrganizationId organizationId) {
            return false;
        }
    }

    final JdbcDataSource dataSource;
    final GroupCommitCommandBus bus;
    final JdbcEventStorageEngine engine;
    private final Configuration axon;

    GroupCommitHarness(Rules rules, boolean grouping, int maxBatch, int workers) {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/h2")
                .load()
                .migrate();
        TransactionManager transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(new ObjectMapper().findAndRegisterModules())
                .build();
        engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(transactions)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(GroupCommitHarness::isUniqueViolation)
                .build();
        bus = new GroupCommitCommandBus(
                SimpleCommandBus.builder().transactionManager(transactions).build(),
                transactions,
                maxBatch,
                workers,
                grouping);
        StubAssuranceRules assurances = new StubAssuranceRules(HASH);
        axon = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureTransactionManager(c -> transactions)
                .configureEmbeddedEventStore(c -> engine)
                .configureCommandBus(c -> bus)
                .configureAggregate(Endorsement.class)
                .registerComponent(SignatoryRules.class, c -> rules)
                .registerComponent(SignerOpenings.class, c -> () -> OPENING)
                .registerComponent(AssuranceRules.class, c -> assurances)
                .buildConfiguration();
        axon.start();
    }

    /** Another writer on the same database: its own connections, each statement committed at once. */
    JdbcEventStorageEngine anotherWriter() {
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(new ObjectMapper().findAndRegisterModules())
                .build();
        return JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(GroupCommitHarness::isUniqueViolation)
                .build();
    }

    /** Sends the command as the caller; the answer completes when the bus answers. */
    CompletableFuture<Object> send(Object command, Caller caller) {
        CompletableFuture<Object> answer = new CompletableFuture<>();
        bus.dispatch(
                GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(CallerMetaData.KEY, caller)),
                (message, result) -> {
                    if (result.isExceptional()) {
                        answer.completeExceptionally(result.exceptionResult());
                    } else {
                        answer.complete(result.getPayload());
                    }
                });
        return answer;
    }

    /** Every stored event as aggregate, sequence number, type and payload, in store order per aggregate. */
    List<String> storedEvents() {
        List<String> events = new ArrayList<>();
        JdbcClient.create(dataSource)
                .sql("SELECT aggregateIdentifier, sequenceNumber, payloadType, payload FROM DomainEventEntry"
                        + " ORDER BY aggregateIdentifier, sequenceNumber")
                .query((rs, n) -> rs.getString(1) + "#" + rs.getLong(2) + " " + rs.getString(3) + " "
                        + new String(rs.getBytes(4), java.nio.charset.StandardCharsets.UTF_8))
                .list()
                .forEach(events::add);
        return events;
    }

    long eventsOf(String aggregateIdentifier) {
        return JdbcClient.create(dataSource)
                .sql("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?")
                .param(aggregateIdentifier)
                .query(Long.class)
                .single();
    }

    private static boolean isUniqueViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        bus.shutdown();
        axon.shutdown();
        JdbcClient.create(dataSource).sql("SHUTDOWN").update();
    }
}
