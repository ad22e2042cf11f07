package org.endorsements.query.projection.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Which view generation each running instance reads, recorded by each instance at every heartbeat: a replay drops
 * the generation it replaced only once every instance seen recently reads the new one. Also how a reconciliation
 * holds every instance's projection still: it posts a pause request, and each other instance, once at rest, records
 * that it rests for that request, with the partitions it projects.
 */
public class InstanceRegistry {

    static final String INSTANCES = "projection_instances";
    private static final String GENERATION = "generation";
    private static final String SEEN_AT = "seenAt";
    private static final String PARTITIONS = "partitions";
    private static final String RESTING_FOR = "restingFor";
    private static final String PAUSE_REQUEST = "pause-request";

    /** A request that every instance holds its projection still, until {@code until} at the latest. */
    public record PauseRequest(String id, String by, Instant until) {}

    /** An instance seen recently: the partitions it projects and the pause request it rests for, if any. */
    public record Instance(String name, int generation, Set<Integer> partitions, String restingFor) {}

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration expiry;
    private final String name;

    public InstanceRegistry(MongoTemplate mongo, Clock clock, Duration expiry, String name) {
        this.mongo = mongo;
        this.clock = clock;
        this.expiry = expiry;
        this.name = name;
    }

    /** This instance's name in the registry and in the replay lease. */
    public String name() {
        return name;
    }

    public void report(int generation) {
        mongo.upsert(
                Query.query(Criteria.where("_id").is(name)),
                new Update().set(GENERATION, generation).set(SEEN_AT, Date.from(clock.instant())),
                INSTANCES);
    }

    /** The heartbeat with what this instance projects and whether it rests for a pause request (null: it does not). */
    public void report(int generation, Collection<Integer> partitions, String restingFor) {
        mongo.upsert(
                Query.query(Criteria.where("_id").is(name)),
                new Update()
                        .set(GENERATION, generation)
                        .set(SEEN_AT, Date.from(clock.instant()))
                        .set(PARTITIONS, List.copyOf(partitions))
                        .set(RESTING_FOR, restingFor),
                INSTANCES);
    }

    /** The other instances seen within the expiry. */
    public List<Instance> others() {
        Date recent = Date.from(clock.instant().minus(expiry));
        return mongo.findAll(Document.class, INSTANCES).stream()
                .filter(d -> !name.equals(d.getString("_id")))
                .filter(d -> d.getDate(SEEN_AT).after(recent))
                .map(d -> new Instance(
                        d.getString("_id"),
                        d.getInteger(GENERATION),
                        Set.copyOf(d.getList(PARTITIONS, Integer.class, List.of())),
                        d.getString(RESTING_FOR)))
                .toList();
    }

    /** Asks every instance to hold still until {@code until}; one request at a time, the latest wins. */
    public void requestPause(String id, Instant until) {
        mongo.upsert(
                Query.query(Criteria.where("_id").is(PAUSE_REQUEST)),
                new Update().set("requestId", id).set("by", name).set("until", Date.from(until)),
                ActiveGeneration.META);
    }

    /** The pause request in force, if one is. */
    public Optional<PauseRequest> pauseRequest() {
        Document d = mongo.findById(PAUSE_REQUEST, Document.class, ActiveGeneration.META);
        if (d == null || !d.getDate("until").toInstant().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new PauseRequest(
                d.getString("requestId"), d.getString("by"), d.getDate("until").toInstant()));
    }

    public void endPause(String id) {
        mongo.remove(
                Query.query(
                        Criteria.where("_id").is(PAUSE_REQUEST).and("requestId").is(id)),
                ActiveGeneration.META);
    }

    /** An instance that stops cleanly is not waited for. */
    public void forget() {
        mongo.remove(Query.query(Criteria.where("_id").is(name)), INSTANCES);
    }

    /** The instances seen within the expiry that read a generation below {@code generation}. */
    public List<String> notYetReading(int generation) {
        Date recent = Date.from(clock.instant().minus(expiry));
        return mongo.findAll(Document.class, INSTANCES).stream()
                .filter(d -> d.getDate(SEEN_AT).after(recent))
                .filter(d -> d.getInteger(GENERATION) < generation)
                .map(d -> d.getString("_id"))
                .toList();
    }

    /** The generations that instances seen within the expiry read. */
    public List<Integer> generationsRead() {
        Date recent = Date.from(clock.instant().minus(expiry));
        return mongo.findAll(Document.class, INSTANCES).stream()
                .filter(d -> d.getDate(SEEN_AT).after(recent))
                .map(d -> d.getInteger(GENERATION))
                .distinct()
                .toList();
    }
}
