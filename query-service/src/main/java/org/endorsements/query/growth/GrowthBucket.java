package org.endorsements.query.growth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.data.annotation.Id;

/**
 * Endorsements added and withdrawn in one hour of one statement; {@code _id} = {@code statementId:hour}.
 * {@code cumulative} is the statement's current count after the last event of the hour. The instants of the hour's
 * first and last change, and the count after the first, let a chart draw the count as steps where it changed
 * instead of a line across the hour, at two points per hour at most however many signatures the hour had.
 */
public class GrowthBucket {

    @Id
    private String id;

    private String statementId;
    private Instant hour;
    private long added;
    private long withdrawn;
    private long net;
    private long cumulative;
    private Instant firstAt;
    private long firstCumulative;
    private Instant lastAt;
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

    /** Events come in offset order, which is the order the command side recorded them in: {@code at} grows. */
    private void changed(Instant at, long cumulativeAfter, long offset) {
        if (firstAt == null) {
            firstAt = at;
            firstCumulative = cumulativeAfter;
        }
        lastAt = at;
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

    public long getNet() {
        return net;
    }

    public long getCumulative() {
        return cumulative;
    }

    /** The instant of the hour's first change; null in a bucket projected before it was kept. */
    public Instant getFirstAt() {
        return firstAt;
    }

    /** The count right after the hour's first change. */
    public long getFirstCumulative() {
        return firstCumulative;
    }

    /** The instant of the hour's last change; null in a bucket projected before it was kept. */
    public Instant getLastAt() {
        return lastAt;
    }

    public long getAppliedOffset() {
        return appliedOffset;
    }
}
