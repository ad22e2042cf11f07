package org.endorsements.query.projection;

import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementEvent;
import org.endorsements.events.EndorsementSource;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.EndorsementWithdrawn;
import org.endorsements.events.EventMessageFormat;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.OrganizationRegistered;
import org.endorsements.events.StatementId;
import org.endorsements.events.StatementPublished;
import org.endorsements.query.audit.persistence.AuditProjection;
import org.endorsements.query.endorsement.persistence.EndorsementProjection;
import org.endorsements.query.growth.persistence.GrowthProjection;
import org.endorsements.query.log.persistence.LogProjection;
import org.endorsements.query.organization.persistence.OrganizationProjection;
import org.endorsements.query.projection.persistence.MongoEngineStore;
import org.endorsements.query.statement.persistence.StatementProjection;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Profiling harness, not a test: projects synthetic events (a registration and an endorsement per organization,
 * a withdrawal for one in ten, four statements) through the real projectors into an in-process embedded server,
 * in batches as a replay reads them, three rounds into fresh collections, and prints events/s and the process's
 * CPU time per event. CPU per event is the figure to compare: on a busy machine the wall time is noise. Run it
 * under a profiler (e.g. {@code -XX:StartFlightRecording}) to see where a projected event's time goes:
 *
 * <pre>
 * ./mvnw -q -pl query-service test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp query-service/target/test-classes:query-service/target/classes:$(cat /tmp/cp.txt) \
 *     org.endorsements.query.projection.ProjectionProfile [organizations=20000] [batch=2000] [mongodb-uri]
 * </pre>
 */
public final class ProjectionProfile {

    private ProjectionProfile() {}

    public static void main(String[] args) throws Exception {
        int orgs = Integer.parseInt(args.length > 0 ? args[0] : "20000");
        int batchSize = Integer.parseInt(args.length > 1 ? args[1] : "2000");
        boolean external = args.length > 2;
        String uri;
        if (external) {
            uri = args[2];
        } else {
            MongoServer server = new MongoServer(new MemoryBackend());
            InetSocketAddress address = server.bind();
            uri = "mongodb://127.0.0.1:" + address.getPort() + "/endorsements";
        }
        MongoTemplate mongo = new MongoTemplate(MongoClients.create(uri), "endorsements");
        for (int round = 0; round < 3; round++) {
            Generation c = new Generation(100 + round);
            MongoEngineStore store = new MongoEngineStore(mongo, "t");
            store.mark(c);
            ProjectionEngine engine = new ProjectionEngine(
                    store,
                    List.of(
                            new LogProjection(mongo),
                            new AuditProjection(mongo, Clock.systemUTC()),
                            new StatementProjection(mongo),
                            new GrowthProjection(mongo),
                            new OrganizationProjection(mongo),
                            new EndorsementProjection(
                                    mongo,
                                    new SimpleMeterRegistry(),
                                    new org.endorsements.query.organization.persistence.OrganizationQueries(
                                            mongo, () -> c))));
            List<ProjectedEvent> events = events(orgs);
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long start = System.nanoTime();
            for (int i = 0; i < events.size(); i += batchSize) {
                List<ProjectedEvent> batch = events.subList(i, Math.min(events.size(), i + batchSize));
                engine.project(batch, c);
            }
            double s = (System.nanoTime() - start) / 1e9;
            double cpuUs = (os.getProcessCpuTime() - cpu0) / 1e3 / events.size();
            System.out.printf(
                    "round %d: %d events in %.1f s = %.0f events/s, CPU %.0f us/event%n",
                    round, events.size(), s, events.size() / s, cpuUs);
            System.out.flush();
        }
        System.exit(0);
    }

    static List<ProjectedEvent> events(int orgs) {
        List<ProjectedEvent> out = new ArrayList<>();
        long[] offsets = new long[6];
        Instant t = Instant.parse("2026-11-01T00:00:00Z");
        for (int s = 0; s < 4; s++) {
            String st = "st-" + s;
            out.add(ev(
                    new StatementPublished(
                            StatementId.of(st),
                            "Title",
                            "Body ".repeat(200),
                            "en",
                            "c".repeat(64),
                            t,
                            "admin",
                            null,
                            null),
                    "Statement",
                    st,
                    0,
                    t,
                    offsets));
        }
        for (int i = 0; i < orgs; i++) {
            String org = "org-" + i;
            Instant at = t.plusSeconds(i / 10);
            out.add(ev(
                    new OrganizationRegistered(
                            OrganizationId.of(org), "Organization " + org, "VE", "Zulia", "NGO", null, at, "admin"),
                    "Organization",
                    org,
                    0,
                    at,
                    offsets));
            String st = "st-" + (i % 4);
            out.add(ev(
                    new EndorsementAdded(
                            StatementId.of(st),
                            OrganizationId.of(org),
                            "Organization " + org,
                            "c".repeat(64),
                            at,
                            "admin",
                            EndorsementSource.API,
                            "req-" + i,
                            "ab".repeat(32),
                            null,
                            EndorsementVisibility.DEFAULT,
                            null,
                            null,
                            null),
                    "Endorsement",
                    st + ":" + org,
                    0,
                    at,
                    offsets));
            if (i % 10 == 0) {
                out.add(ev(
                        new EndorsementWithdrawn(
                                StatementId.of(st), OrganizationId.of(org), "reason", at, "admin", "req-w" + i),
                        "Endorsement",
                        st + ":" + org,
                        1,
                        at,
                        offsets));
            }
        }
        return out;
    }

    static ProjectedEvent ev(
            EndorsementEvent event, String aggType, String aggId, long seq, Instant at, long[] offsets) {
        int partition = Math.floorMod(event.streamKey().hashCode(), 6);
        return new ProjectedEvent(
                UUID.randomUUID().toString(),
                EventMessageFormat.typeOf(event.getClass()),
                aggType,
                aggId,
                seq,
                at,
                partition,
                offsets[partition]++,
                event,
                EventMessageFormat.encode(event));
    }
}
