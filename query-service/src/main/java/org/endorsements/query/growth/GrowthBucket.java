package org.endorsements.query.growth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * Endorsements added and withdrawn in one hour of one statement, and those moderation invalidated and reinstated,
 * each counted apart: a moderation clean-up is not signers leaving; {@code _id} = {@code statementId:hour}.
 * {@code net} is added − withdrawn − invalidated + reinstated.
 * {@code cumulative} is the statement's current count after the last event of the hour. {@code changes} holds, for
 * each minute of the hour with a change, the instant of its last change and the count after it: a chart draws the
 * count as steps where it changed (to the minute) instead of a line across the hour, with 60 points per hour at
 * most however many signatures the hour had.
 */
public class GrowthBucket {

    /** The count became {@code cumulative} at {@code at}, the last change of its minute. */
    public record Change(Instant at, long cumulative) {}

    private static final int MINUTES = 60;

    @Id
    private String id;

    private String statementId;
    private Instant hour;
    private long added;
    private long withdrawn;
    private long invalidated;
    private long reinstated;
    private long net;
    private long cumulative;
    private List<Change> changes = new ArrayList<>();
    private long appliedOffset = -1;

    protected GrowthBucket() {}

    public static String idOf(String statementId, Instant at) {
        return statementId + ":" + at.truncatedTo(ChronoUnit.HOURS);
    }

    public static GrowthBucket empty(String statementId, Instant at) {
        GrowthBucket bucket = new GrowthBucket();
        bucket.id = idOf(statementId, at);
        bucket.statementId = statementId;
        bucket.hour = at.truncatedTo(ChronoUnit.HOURS);
        return bucket;
    }

    public void added(Instant at, long cumulativeAfter, long offset) {
        added++;
        net++;
        changed(at, cumulativeAfter, offset);
    }

    public void withdrawn(Instant at, long cumulativeAfter, long offset) {
        withdrawn++;
        net--;
        changed(at, cumulativeAfter, offset);
    }

    /** An admin invalidated an endorsement: it leaves the count, but no signer withdrew. */
    public void invalidated(Instant at, long cumulativeAfter, long offset) {
        invalidated++;
        net--;
        changed(at, cumulativeAfter, offset);
    }

    /** An admin reinstated an invalidated endorsement: it counts again, but nobody signed. */
    public void reinstated(Instant at, long cumulativeAfter, long offset) {
        reinstated++;
        net++;
        changed(at, cumulativeAfter, offset);
    }

    /**
     * Events come in offset order, the order the command side recorded them in, so {@code at} grows; should a clock
     * step back, the change still replaces the last one once the hour has 60, so a bucket never holds more.
     */
    private void changed(Instant at, long cumulativeAfter, long offset) {
        Change change = new Change(at, cumulativeAfter);
        Change last = changes.isEmpty() ? null : changes.get(changes.size() - 1);
        if (last != null
                && (last.at().truncatedTo(ChronoUnit.MINUTES).equals(at.truncatedTo(ChronoUnit.MINUTES))
                        || changes.size() >= MINUTES)) {
            changes.set(changes.size() - 1, change);
        } else {
            changes.add(change);
        }
        cumulative = cumulativeAfter;
        appliedOffset = offset;
    }

    public String getId() {
        return id;
    }

    public String getStatementId() {
        return statementId;
    }

    public Instant getHour() {
        return hour;
    }

    public long getAdded() {
        return added;
    }

    public long getWithdrawn() {
        return withdrawn;
    }

    /** Invalidated by moderation this hour; 0 in a bucket projected before they were kept apart from withdrawals. */
    public long getInvalidated() {
        return invalidated;
    }

    public long getReinstated() {
        return reinstated;
    }

    public long getNet() {
        return net;
    }

    public long getCumulative() {
        return cumulative;
    }

    /** The last change of each minute with one, in order; empty in a bucket projected before they were kept. */
    public List<Change> getChanges() {
        return changes == null ? List.of() : List.copyOf(changes);
    }

    public long getAppliedOffset() {
        return appliedOffset;
    }
}
