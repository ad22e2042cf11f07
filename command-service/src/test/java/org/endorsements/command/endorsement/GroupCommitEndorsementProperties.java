package org.endorsements.command.endorsement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.endorsements.command.shared.DomainRuleViolation;
import org.endorsements.events.Caller;
import org.endorsements.events.EndorsementId;
import org.endorsements.events.EndorsementSource;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.StatementId;

/**
 * Group commit against one-by-one execution: the same requests, sent at once to the group-commit bus (so that they
 * are decided in batches) and one after the other to the simple bus, give each request the same answer and each
 * endorsement the same stored events.
 */
class GroupCommitEndorsementProperties {

    private static final List<StatementId> STATEMENTS =
            List.of(StatementId.of("open-a"), StatementId.of("open-b"), StatementId.of("closed"));
    private static final List<OrganizationId> ORGANIZATIONS =
            List.of(OrganizationId.of("org-one"), OrganizationId.of("org-two"), OrganizationId.of("suspended"));
    private static final Instant AT = Instant.parse("2026-11-01T10:00:00Z");

    /** A request: who sends which command; {@code source} may not be the caller's (a forbidden request). */
    record Request(
            boolean endorse,
            int statement,
            int organization,
            boolean admin,
            boolean ownSource,
            EndorsementVisibility visibility,
            int index) {

        EndorsementId id() {
            return new EndorsementId(STATEMENTS.get(statement), ORGANIZATIONS.get(organization));
        }

        Caller caller() {
            return admin ? Caller.ADMIN : Caller.organization(ORGANIZATIONS.get(organization), "cred-" + organization);
        }

        Object command() {
            String requestId = "request-" + index;
            if (!endorse) {
                return new WithdrawEndorsementCommand(id(), null, requestId, AT.plusSeconds(index));
            }
            boolean imported = admin == ownSource;
            return new EndorseStatementCommand(
                    id(),
                    imported ? EndorsementSource.IMPORTED : EndorsementSource.API,
                    null,
                    requestId,
                    AT.plusSeconds(index),
                    visibility);
        }
    }

    @Property(tries = 60)
    void aBatchAnswersEachRequestAndStoresWhatOneByOneWould(
            @ForAll("requests") List<Request> requests, @ForAll("batchSizes") int maxBatch) throws Exception {
        GroupCommitHarness.Rules rules =
                new GroupCommitHarness.Rules(Set.of(StatementId.of("closed")), Set.of(OrganizationId.of("suspended")));
        try (GroupCommitHarness oneByOne = new GroupCommitHarness(rules, false, 1, 1);
                GroupCommitHarness grouped = new GroupCommitHarness(rules, true, maxBatch, 2)) {
            List<String> expected = new ArrayList<>();
            for (Request request : requests) {
                expected.add(answer(oneByOne.send(request.command(), request.caller())));
            }
            // Everything is queued before the workers start, so the batches are as large as max-batch allows.
            List<CompletableFuture<Object>> answers = new ArrayList<>();
            for (Request request : requests) {
                answers.add(grouped.send(request.command(), request.caller()));
            }
            grouped.bus.start();
            List<String> actual = new ArrayList<>();
            for (CompletableFuture<Object> answer : answers) {
                actual.add(answer(answer));
            }

            assertThat(actual).isEqualTo(expected);
            assertThat(grouped.storedEvents()).isEqualTo(oneByOne.storedEvents());
        }
    }

    @Provide
    Arbitrary<List<Request>> requests() {
        Arbitrary<Request> request = Combinators.combine(
                        Arbitraries.of(true, true, false),
                        Arbitraries.integers().between(0, STATEMENTS.size() - 1),
                        Arbitraries.integers().between(0, ORGANIZATIONS.size() - 1),
                        Arbitraries.of(false, false, true),
                        Arbitraries.of(true, true, true, false),
                        Arbitraries.of(EndorsementVisibility.PUBLIC, EndorsementVisibility.COUNTED)
                                .injectNull(0.6))
                .as((endorse, statement, organization, admin, ownSource, visibility) ->
                        new Request(endorse, statement, organization, admin, ownSource, visibility, 0));
        return request.list().ofMinSize(1).ofMaxSize(40).map(list -> {
            List<Request> numbered = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Request r = list.get(i);
                numbered.add(new Request(
                        r.endorse(), r.statement(), r.organization(), r.admin(), r.ownSource(), r.visibility(), i));
            }
            return numbered;
        });
    }

    @Provide
    Arbitrary<Integer> batchSizes() {
        return Arbitraries.of(1, 3, 8, 64);
    }

    /** The answer as the HTTP layer would tell it apart: changed and position, or the rule that refused it. */
    private static String answer(CompletableFuture<Object> answer) throws Exception {
        try {
            EndorsementOutcome outcome = (EndorsementOutcome) answer.get(30, TimeUnit.SECONDS);
            return "changed=" + outcome.changed() + " sequence=" + outcome.sequence();
        } catch (java.util.concurrent.ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof DomainRuleViolation violation) {
                return violation.kind() + " " + violation.code();
            }
            return cause.getClass().getSimpleName();
        }
    }
}
