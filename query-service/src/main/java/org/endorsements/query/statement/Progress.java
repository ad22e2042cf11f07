package org.endorsements.query.statement;

import java.time.Duration;
import java.time.Instant;

/**
 * A statement's progress towards its goal and its closing time, as the API, the dashboard and the live stream show
 * it. {@code percent} is of the counted endorsements (invalidated ones excluded), rounded down, and may exceed 100;
 * null without a goal. {@code secondsLeft}: until the closing time, 0 once closed or passed; null without one, or
 * where no reading instant is given (the live stream, whose readers count down from {@code closesAt} themselves).
 */
public record Progress(
        Integer signatureGoal,
        long endorsementCount,
        Integer percent,
        boolean goalReached,
        Instant goalReachedAt,
        Instant closesAt,
        Long secondsLeft) {

    public static Progress of(StatementView v, Instant now) {
        Integer goal = v.getSignatureGoal();
        long count = v.getCurrentCount();
        Integer percent = goal == null ? null : (int) Math.min(Integer.MAX_VALUE, count * 100 / goal);
        Long left = null;
        if (v.getClosesAt() != null && now != null) {
            left = StatementView.CLOSED.equals(v.getStatus())
                    ? 0L
                    : Math.max(0, Duration.between(now, v.getClosesAt()).toSeconds());
        }
        return new Progress(
                goal, count, percent, v.getGoalReachedAt() != null, v.getGoalReachedAt(), v.getClosesAt(), left);
    }
}
