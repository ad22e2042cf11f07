package org.endorsements.query.projection.persistence;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Which view generation each running instance reads, recorded by each instance at every heartbeat: a replay drops
 * the generation it replaced only once every instance seen recently reads the new one.
 */
public class InstanceRegistry {

    static final String INSTANCES = "projection_instances";
    private static final String GENERATION = "generation";
    private static final String SEEN_AT = "seenAt";

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
