package org.endorsements.command.endorsement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.endorsements.events.AssuranceLevel;
import org.endorsements.events.Caller;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementId;
import org.endorsements.events.EndorsementSource;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.StatementId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private static final StatementId STATEMENT = StatementId.of("icc-statement");
    private static final Instant AT = Instant.parse("2026-11-01T10:00:00Z");

    private final GroupCommitHarness harness =
            new GroupCommitHarness(new GroupCommitHarness.Rules(Set.of(), Set.of()), true, 64, 1);

    @AfterEach
    void close() {
        harness.close();
    }

    private static EndorsementId endorsement(int n) {
        return new EndorsementId(STATEMENT, OrganizationId.of("org-" + n));
    }

    private static EndorseStatementCommand endorse(int n) {
        return new EndorseStatementCommand(endorsement(n), EndorsementSource.IMPORTED, null, "request-" + n, AT);
    }

    /**
     * Another instance endorses one of the batch's pairs between the batch's read of it and its commit: the
     * database refuses the batch's insert (a unique-key violation on the pair's first sequence number), the batch
     * is decided again in halves, and the pair's command now finds the other instance's endorsement.
     */
    @Test
    void aBatchWhoseCommitFailsIsDecidedAgainInSmallerBatches() throws Exception {
        JdbcEventStorageEngine anotherInstance = harness.anotherWriter();
        AtomicBoolean raced = new AtomicBoolean();
        Map<String, Integer> decisions = new ConcurrentHashMap<>();
        harness.bus.registerHandlerInterceptor((unitOfWork, chain) -> {
            EndorsementId id =
                    ((EndorseStatementCommand) unitOfWork.getMessage().getPayload()).endorsementId();
            decisions.merge(id.value(), 1, Integer::sum);
            Object result = chain.proceed();
            if (id.equals(endorsement(3)) && raced.compareAndSet(false, true)) {
                anotherInstance.appendEvents(new GenericDomainEventMessage<>(
                        Endorsement.TYPE, id.value(), 0, addedBy("another-instance", id)));
            }
            return result;
        });
        List<CompletableFuture<Object>> answers = new ArrayList<>();
        for (int n = 0; n < 8; n++) {
            answers.add(harness.send(endorse(n), Caller.ADMIN));
        }
        harness.bus.start();

        Map<Integer, Boolean> changed = new HashMap<>();
        for (int n = 0; n < 8; n++) {
            changed.put(n, ((EndorsementOutcome) answers.get(n).get(30, TimeUnit.SECONDS)).changed());
        }
        for (int n = 0; n < 8; n++) {
            assertThat(changed.get(n)).as("endorsement %d is new", n).isEqualTo(n != 3);
            assertThat(harness.eventsOf(endorsement(n).value())).isEqualTo(1);
        }
        assertThat(harness.storedEvents())
                .filteredOn(e -> e.startsWith(endorsement(3).value()))
                .singleElement()
                .asString()
                .contains("another-instance");
        assertThat(decisions.get(endorsement(0).value()))
                .as("decided again after the failed commit")
                .isEqualTo(2);
    }

    /** The answer is the acknowledgement: by the time a command is answered, its event is stored for everyone. */
    @Test
    void noCommandIsAnsweredBeforeItsEventIsCommitted() throws Exception {
        List<CompletableFuture<Long>> storedWhenAnswered = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            EndorsementId id = endorsement(n);
            // Read on a connection of its own, outside the batch's transaction.
            storedWhenAnswered.add(
                    harness.send(endorse(n), Caller.ADMIN).thenApply(outcome -> harness.eventsOf(id.value())));
        }
        harness.bus.start();

        for (CompletableFuture<Long> stored : storedWhenAnswered) {
            assertThat(stored.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        }
    }

    /** A command that fails a rule leaves the batch; the others' events are stored. */
    @Test
    void aCommandThatFailsARuleFailsAlone() throws Exception {
        List<CompletableFuture<Object>> answers = new ArrayList<>();
        answers.add(harness.send(endorse(1), Caller.ADMIN));
        answers.add(harness.send(
                new EndorseStatementCommand(endorsement(2), EndorsementSource.API, null, "forbidden", AT),
                Caller.ADMIN));
        answers.add(harness.send(endorse(3), Caller.ADMIN));
        harness.bus.start();

        assertThat(answers.get(0).get(30, TimeUnit.SECONDS)).isInstanceOf(EndorsementOutcome.class);
        assertThat(answers.get(1)).failsWithin(30, TimeUnit.SECONDS);
        assertThat(answers.get(2).get(30, TimeUnit.SECONDS)).isInstanceOf(EndorsementOutcome.class);
        assertThat(harness.eventsOf(endorsement(1).value())).isEqualTo(1);
        assertThat(harness.eventsOf(endorsement(2).value())).isZero();
        assertThat(harness.eventsOf(endorsement(3).value())).isEqualTo(1);
    }

    /** Commands still queued when the service stops are decided then, not left unanswered. */
    @Test
    void shuttingDownDecidesWhatIsStillQueued() throws Exception {
        List<CompletableFuture<Object>> answers = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            answers.add(harness.send(endorse(n), Caller.ADMIN));
        }
        harness.bus.shutdown();

        for (int n = 0; n < 5; n++) {
            assertThat(answers.get(n)).isCompleted();
            assertThat(((EndorsementOutcome) answers.get(n).get()).changed()).isTrue();
            assertThat(harness.eventsOf(endorsement(n).value())).isEqualTo(1);
        }
    }

    private static EndorsementAdded addedBy(String actor, EndorsementId id) {
        return new EndorsementAdded(
                id.statementId(),
                id.organizationId(),
                "Org",
                GroupCommitHarness.HASH,
                AT,
                actor,
                EndorsementSource.IMPORTED,
                "raced",
                GroupCommitHarness.OPENING,
                null,
                EndorsementVisibility.PUBLIC,
                null,
                AssuranceLevel.IMPORTED,
                GroupCommitHarness.HASH);
    }
}
