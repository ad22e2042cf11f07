package org.endorsements.query.growth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.data.annotation.Id;

/**
 * Endorsements added and withdrawn in one hour of one statement; {@code _id} = {@code statementId:hour}.
 * {@code cumulative} is the statement's current count after the last event of the hour.
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

    public void added(long cumulativeAfter, long offset) {
        added++;
        net++;
        cumulative = cumulativeAfter;
        appliedOffset = offset;
    }

    public void withdrawn(long cumulativeAfter, long offset) {
        withdrawn++;
        net--;
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

    public long getAppliedOffset() {
        return appliedOffset;
    }
}
