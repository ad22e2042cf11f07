package org.endorsements.query.organization.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.query.organization.OrganizationView;
import org.endorsements.query.projection.Generation;
import org.endorsements.query.projection.ProjectedEvent;
import org.endorsements.query.support.Events;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The organizations' projection over an in-process embedded server, as plain objects: two instances of it stand
 * for two query-service instances (or consumer threads) that project the organization's partition and a statement's
 * partition into the same document at once.
 */
class OrganizationProjectionTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final Instant T3 = T0.plusSeconds(180);
    private static final Duration PAUSE_LIMIT = Duration.ofSeconds(10);
    private static final Generation G = new Generation(1);

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client =
            MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    private final MongoTemplate mongo = new MongoTemplate(client, "organization-projection-test");
    private final Events events = new Events();
    private final OrganizationProjection projection = new OrganizationProjection(mongo);

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private OrganizationView organization(String id) {
        return mongo.findById(id, OrganizationView.class, G.collection(OrganizationProjection.ORGANIZATIONS));
    }

    /**
     * A template whose first write waits until {@code resume} opens: whatever the projection read before its write
     * was read before the other instance's batch, as on a busy replica set.
     */
    private MongoTemplate pausedBeforeItsFirstWrite(CountDownLatch paused, CountDownLatch resume) {
        return new MongoTemplate(client, "organization-projection-test") {
            private boolean waited;

            @Override
            public MongoCollection<Document> getCollection(String collectionName) {
                if (!waited) {
                    waited = true;
                    paused.countDown();
                    try {
                        assertThat(resume.await(PAUSE_LIMIT.toMillis(), TimeUnit.MILLISECONDS))
                                .isTrue();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
                return super.getCollection(collectionName);
            }
        };
    }

    /** {@code first} on a paused instance, {@code second} on another while the first waits to write. */
    private void interleave(List<ProjectedEvent> first, List<ProjectedEvent> second) throws Exception {
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        OrganizationProjection slow = new OrganizationProjection(pausedBeforeItsFirstWrite(paused, resume));
        CompletableFuture<Void> slowBatch = CompletableFuture.runAsync(() -> slow.project(first, G));
        assertThat(paused.await(PAUSE_LIMIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        new OrganizationProjection(mongo).project(second, G);
        resume.countDown();
        slowBatch.get(PAUSE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void anEndorsementProjectedOnOneInstanceWhileAnotherProjectsTheHideLeavesTheOrganizationHidden() throws Exception {
        projection.project(List.of(events.registered("shy", T0), events.added("shy", 0, T1)), G);

        interleave(
                List.of(events.withdrawn("shy", 1, T2), events.addedAs("shy", 2, T3, EndorsementVisibility.PUBLIC)),
                List.of(events.hidden("shy", 2, T2)));

        OrganizationView shy = organization("shy");
        assertThat(shy.isHidden()).isTrue();
        assertThat(shy.getStatements().get(Events.STATEMENT).endorsed()).isTrue();
        assertThat(shy.getStatements().get(Events.STATEMENT).sequence()).isEqualTo(2);
    }

    @Test
    void aHideProjectedOnOneInstanceWhileAnotherProjectsAnEndorsementKeepsBoth() throws Exception {
        projection.project(List.of(events.registered("shy", T0)), G);

        interleave(List.of(events.hidden("shy", 2, T2)), List.of(events.added("shy", 0, T1)));

        OrganizationView shy = organization("shy");
        assertThat(shy.isHidden()).isTrue();
        assertThat(shy.getStatements().get(Events.STATEMENT).endorsed()).isTrue();
        assertThat(shy.getName()).isEqualTo("Org shy");
    }

    @Test
    void anEndorsementProjectedBeforeItsOrganizationIsRegisteredKeepsItsProfileAndEntry() {
        projection.project(List.of(events.added("late", 0, T1)), G);
        projection.project(List.of(events.registered("late", T0)), G);

        OrganizationView late = organization("late");
        assertThat(late.getName()).isEqualTo("Org late");
        assertThat(late.getRegisteredAt()).isEqualTo(T0);
        assertThat(late.getStatements().get(Events.STATEMENT).at()).isEqualTo(T1);
        assertThat(late.isHidden()).isFalse();
    }

    @Test
    void aWithdrawalKeepsTheVisibilityTheEndorsementHad() {
        projection.project(
                List.of(events.addedAs("shy", 0, T1, EndorsementVisibility.COUNTED), events.withdrawn("shy", 1, T2)),
                G);

        OrganizationView.Signature signature =
                organization("shy").getStatements().get(Events.STATEMENT);
        assertThat(signature.counted()).isTrue();
        assertThat(signature.endorsed()).isFalse();
    }

    @Test
    void anOlderVisibilityChangeDeliveredAgainChangesNothing() {
        ProjectedEvent older = events.visibilityChanged("shy", 1, T1, EndorsementVisibility.PUBLIC);
        projection.project(
                List.of(
                        events.addedAs("shy", 0, T1, EndorsementVisibility.PUBLIC),
                        older,
                        events.visibilityChanged("shy", 2, T2, EndorsementVisibility.COUNTED)),
                G);

        projection.project(List.of(older), G);

        assertThat(organization("shy").getStatements().get(Events.STATEMENT).visibility())
                .isEqualTo("counted");
    }

    @Test
    void anEndorsementDeliveredAgainAfterItsWithdrawalDoesNotEndorseAgain() {
        ProjectedEvent added = events.added("shy", 0, T1);
        projection.project(List.of(added, events.withdrawn("shy", 1, T2)), G);

        projection.project(List.of(added), G);

        assertThat(organization("shy").getStatements().get(Events.STATEMENT).endorsed())
                .isFalse();
    }

    @Test
    void aRegistrationDeliveredAgainAfterTheHideLeavesItHidden() {
        ProjectedEvent registered = events.registered("shy", T0);
        projection.project(List.of(registered, events.hidden("shy", 2, T2)), G);

        projection.project(List.of(registered), G);

        assertThat(organization("shy").isHidden()).isTrue();
        assertThat(organization("shy").getSequence()).isEqualTo(2);
    }
}
