package org.endorsements.query.projection.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * One replay at a time across every instance on the view store: a lease document, taken, renewed and released by
 * {@code _id} only, with an insert that fails on an existing {@code _id} and compare-and-set updates (the embedded
 * server and a replica set both make a single-document write atomic). The lease names the generation its holder
 * builds, so an instance that takes over an expired lease builds the one after it and drops the abandoned one:
 * two instances never write one generation.
 */
public class ReplayLease {

    private static final String ID = "replay-lease";
    private static final String HOLDER = "holder";
    private static final String EXPIRES_AT = "expiresAt";
    private static final String GENERATION = "generation";

    /** A lease taken: the generation to build and, after a takeover, the one the expired holder was building. */
    public record Taken(int generation, Optional<Integer> abandoned) {}

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration duration;

    public ReplayLease(MongoTemplate mongo, Clock clock, Duration duration) {
        this.mongo = mongo;
        this.clock = clock;
        this.duration = duration;
    }

    /** Takes the lease for {@code holder} to build at least {@code generation}; empty while another holds it. */
    public Optional<Taken> take(String holder, int generation) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Document lease = mongo.findById(ID, Document.class, ActiveGeneration.META);
            if (lease == null) {
                try {
                    mongo.insert(
                            new Document("_id", ID)
                                    .append(HOLDER, holder)
                                    .append(EXPIRES_AT, expiry())
                                    .append(GENERATION, generation),
                            ActiveGeneration.META);
                    return Optional.of(new Taken(generation, Optional.empty()));
                } catch (DuplicateKeyException raced) {
                    continue;
                }
            }
            if (lease.getDate(EXPIRES_AT).toInstant().isAfter(clock.instant())) {
                return Optional.empty();
            }
            int abandoned = lease.getInteger(GENERATION);
            int target = Math.max(generation, abandoned + 1);
            Document taken = mongo.findAndModify(
                    Query.query(Criteria.where("_id")
                            .is(ID)
                            .and(HOLDER)
                            .is(lease.getString(HOLDER))
                            .and(EXPIRES_AT)
                            .is(lease.getDate(EXPIRES_AT))),
                    new Update().set(HOLDER, holder).set(EXPIRES_AT, expiry()).set(GENERATION, target),
                    Document.class,
                    ActiveGeneration.META);
            if (taken != null) {
                return Optional.of(new Taken(target, Optional.of(abandoned)));
            }
        }
        return Optional.empty();
    }

    /** Extends the holder's lease; false once it is no longer the holder's (it expired and was taken over). */
    public boolean renew(String holder) {
        return mongo.findAndModify(
                        Query.query(Criteria.where("_id").is(ID).and(HOLDER).is(holder)),
                        new Update().set(EXPIRES_AT, expiry()),
                        Document.class,
                        ActiveGeneration.META)
                != null;
    }

    public void release(String holder) {
        mongo.remove(Query.query(Criteria.where("_id").is(ID).and(HOLDER).is(holder)), ActiveGeneration.META);
    }

    /** Who holds the lease now, if anyone does. */
    public Optional<String> holder() {
        Document lease = mongo.findById(ID, Document.class, ActiveGeneration.META);
        if (lease == null || !lease.getDate(EXPIRES_AT).toInstant().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(lease.getString(HOLDER));
    }

    /** Renewals are due this often: three chances before the lease runs out. */
    public Duration renewEvery() {
        return duration.dividedBy(3);
    }

    private Date expiry() {
        Instant at = clock.instant().plus(duration);
        return Date.from(at);
    }
}
