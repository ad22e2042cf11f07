package org.endorsements.query.log.persistence;

import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The one verifier key that signs the logs of this view store, whichever query-service instance signs. The first
 * instance to start records its key; an instance that starts with another key (its own generated file rather than
 * the shared secret) is refused before it signs anything, since two keys signing one tree are two histories to a
 * verifier. Only the public key is stored: the private key stays in the file or secret each instance mounts, so
 * that a reader of the view store can verify checkpoints but never forge one. Outside the view generations: a
 * replay re-signs the logs with the same key.
 */
@Component
public class SigningKeyPin {

    static final String COLLECTION = "log_identity";
    private static final String ID = "signing-key";
    private static final String KEY = "verifierKey";

    /** What the view store said about an instance's keys. */
    public enum Outcome {
        /** The store had no key: this instance's is now the one. */
        PINNED,
        /** The store names this instance's key. */
        SAME,
        /** The store named a key this instance is retiring: this instance's new key is now the one. */
        ROTATED
    }

    private final MongoTemplate mongo;

    SigningKeyPin(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<String> pinned() {
        return Optional.ofNullable(mongo.findById(ID, Document.class, COLLECTION))
                .map(d -> d.getString(KEY));
    }

    /**
     * Claims the store for {@code current}, accepting a store pinned to one of the {@code retiring} keys (a key
     * rotation rolls out: the new key replaces the pin, atomically, once). Throws when another key is pinned.
     */
    public Outcome claim(String current, List<String> retiring) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<String> pinned = pinned();
            if (pinned.isEmpty()) {
                try {
                    mongo.insert(new Document("_id", ID).append(KEY, current), COLLECTION);
                    return Outcome.PINNED;
                } catch (DuplicateKeyException raced) {
                    continue; // another instance pinned at the same moment: compare with its key
                }
            }
            if (pinned.get().equals(current)) {
                return Outcome.SAME;
            }
            if (retiring.contains(pinned.get())) {
                Document replaced = mongo.findAndModify(
                        Query.query(Criteria.where("_id").is(ID).and(KEY).is(pinned.get())),
                        new Update().set(KEY, current),
                        FindAndModifyOptions.options().returnNew(true),
                        Document.class,
                        COLLECTION);
                if (replaced != null) {
                    return Outcome.ROTATED;
                }
                continue; // another instance of the rotation replaced it first
            }
            throw new IllegalStateException("The logs in this view store are signed by " + pinned.get()
                    + ", but this instance's signing key is " + current + ". Every query-service instance must "
                    + "read the same key file (ENDORSEMENTS_LOG_KEY_FILE on a shared secret or volume); a new key "
                    + "is introduced by a rotation (endorsements.log.retiring-key-files), never by a second file.");
        }
        throw new IllegalStateException("The log signing key in the view store kept changing during the start");
    }
}
