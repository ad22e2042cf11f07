package org.endorsements.query.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.endorsements.query.audit.AuditEntry;
import org.endorsements.query.audit.persistence.AuditProjection;
import org.endorsements.query.audit.persistence.AuditQueries;
import org.endorsements.query.endorsement.EndorsementView;
import org.endorsements.query.endorsement.persistence.EndorsementProjection;
import org.endorsements.query.endorsement.persistence.EndorsementQueries;
import org.endorsements.query.growth.GrowthBucket;
import org.endorsements.query.growth.persistence.GrowthProjection;
import org.endorsements.query.log.persistence.LogProjection;
import org.endorsements.query.organization.OrganizationView;
import org.endorsements.query.organization.persistence.OrganizationProjection;
import org.endorsements.query.organization.persistence.OrganizationQueries;
import org.endorsements.query.projection.BatchProjection;
import org.endorsements.query.projection.Generation;
import org.endorsements.query.projection.ProjectedEvent;
import org.endorsements.query.projection.ProjectionEngine;
import org.endorsements.query.projection.ProjectionOutcome;
import org.endorsements.query.projection.persistence.MongoEngineStore;
import org.endorsements.query.statement.StatementView;
import org.endorsements.query.statement.persistence.StatementProjection;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every feature's projection and the engine over an in-process embedded server, as the service wires them, each
 * fixture in a generation of its own. {@link #crashBefore} makes the next batch stop before one projection writes,
 * like a process killed between two bulk writes.
 */
public final class ProjectionFixture implements AutoCloseable {

    private static final AtomicInteger GENERATIONS = new AtomicInteger(1000);

    private final MongoServer server;
    private final MongoClient client;
    private final MongoTemplate mongo;
    private final MongoEngineStore store;
    private final ProjectionEngine engine;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private Generation generation = new Generation(GENERATIONS.incrementAndGet());
    /** The name of the projection the next batch stops before, or null. */
    private String crashBefore;

    public ProjectionFixture(Clock clock) {
        this(clock, true);
    }

    /** {@code withLog}: the verifiable logs too (the costliest projection, which only some tests are about). */
    public ProjectionFixture(Clock clock, boolean withLog) {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        mongo = new MongoTemplate(client, "projection-test");
        store = new MongoEngineStore(mongo, "endorsement-events");
        List<BatchProjection> projections = new ArrayList<>(List.of(
                new AuditProjection(mongo, clock),
                new StatementProjection(mongo),
                new GrowthProjection(mongo),
                new OrganizationProjection(mongo),
                new EndorsementProjection(mongo, meters, new OrganizationQueries(mongo, () -> generation))));
        if (withLog) {
            projections.add(0, new LogProjection(mongo));
        }
        List<BatchProjection> crashing = new ArrayList<>();
        projections.forEach(p -> crashing.add(crashing(p)));
        engine = new ProjectionEngine(store, crashing);
        store.mark(generation);
    }

    /** A fresh, empty generation on the same server; the previous one is dropped. */
    public void nextGeneration() {
        engine.collections(generation).forEach(mongo::dropCollection);
        generation = new Generation(GENERATIONS.incrementAndGet());
        store.mark(generation);
    }

    public ProjectionOutcome project(List<ProjectedEvent> batch) {
        return engine.project(batch, generation);
    }

    /** The next batch stops just before the named projection ("statements", "endorsements", ...) writes. */
    public void crashBefore(String projection) {
        crashBefore = projection;
    }

    private BatchProjection crashing(BatchProjection projection) {
        return new BatchProjection() {
            @Override
            public String name() {
                return projection.name();
            }

            @Override
            public List<String> collections() {
                return projection.collections();
            }

            @Override
            public void project(List<ProjectedEvent> batch, Generation g) {
                if (projection.name().equals(crashBefore)) {
                    crashBefore = null;
                    throw new IllegalStateException("simulated crash before writing " + projection.name());
                }
                projection.project(batch, g);
            }
        };
    }

    /** The endorsements' queries over the live generation of this fixture, as the service wires them. */
    public EndorsementQueries endorsementQueries() {
        return new EndorsementQueries(
                mongo, () -> generation, new AuditQueries(mongo, () -> generation), organizations());
    }

    public OrganizationQueries organizations() {
        return new OrganizationQueries(mongo, () -> generation);
    }

    public StatementView statement(String id) {
        return mongo.findById(id, StatementView.class, generation.collection("statements"));
    }

    public EndorsementView endorsement(String id) {
        return mongo.findById(id, EndorsementView.class, generation.collection("endorsements"));
    }

    public GrowthBucket bucket(String id) {
        return mongo.findById(id, GrowthBucket.class, generation.collection("growth"));
    }

    public OrganizationView organization(String id) {
        return mongo.findById(id, OrganizationView.class, generation.collection("organizations"));
    }

    public List<AuditEntry> auditEntries() {
        return mongo.findAll(AuditEntry.class, generation.collection("audit"));
    }

    public Document auditDocument(String eventId) {
        return mongo.findById(eventId, Document.class, generation.collection("audit"));
    }

    public Map<Integer, Long> positions() {
        return store.positions(generation);
    }

    public double gaps() {
        return meters.get("endorsements.projection.gaps").counter().count();
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
