package org.endorsements.query.projection.persistence;

import java.util.Optional;
import org.bson.Document;
import org.endorsements.query.projection.Generation;
import org.endorsements.query.projection.LiveGeneration;
import org.endorsements.query.projection.ProjectionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which generation of the collections is live: read and projected into. A replay builds the next generation and
 * {@link #switchTo switches} once it has caught up; the choice is stored in MongoDB so a restart keeps it (a store
 * that starts empty starts again at the configured generation).
 */
@Component
public class ActiveGeneration implements LiveGeneration {

    private static final Logger log = LoggerFactory.getLogger(ActiveGeneration.class);
    static final String META = "projection_meta";
    private static final String ACTIVE = "active";
    private static final String GENERATION = "generation";

    private final MongoTemplate mongo;
    private volatile Generation current;

    ActiveGeneration(MongoTemplate mongo, ProjectionProperties properties) {
        this.mongo = mongo;
        this.current = new Generation(storedAtStart().orElse(properties.generation()));
    }

    @Override
    public Generation current() {
        return current;
    }

    /** Makes {@code generation} the live one, for reads and for the projection, at once. */
    public void switchTo(Generation generation) {
        mongo.upsert(
                Query.query(Criteria.where("_id").is(ACTIVE)), new Update().set(GENERATION, generation.number()), META);
        current = generation;
        log.info("Views switched to generation {}", generation.number());
    }

    /**
     * Follows a switch another instance's replay made: reads and projection move to it at once, without a write
     * (the stored choice is already that one).
     */
    public void adopt(Generation generation) {
        current = generation;
        log.info("Views switched to generation {}, as another instance's replay did", generation.number());
    }

    /**
     * The live generation as stored, which another instance's replay may have moved; empty when none is stored.
     * Throws when the view store cannot be read: the caller (a heartbeat) tries again.
     */
    public Optional<Integer> stored() {
        Document doc = mongo.findById(ACTIVE, Document.class, META);
        return Optional.ofNullable(doc).map(d -> d.getInteger(GENERATION));
    }

    private Optional<Integer> storedAtStart() {
        try {
            return stored();
        } catch (RuntimeException e) {
            log.warn("Could not read the active view generation ({}); using the configured one", e.getMessage());
            return Optional.empty();
        }
    }
}
