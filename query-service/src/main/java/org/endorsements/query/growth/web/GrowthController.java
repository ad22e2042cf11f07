package org.endorsements.query.growth.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.endorsements.query.growth.GrowthBucket;
import org.endorsements.query.growth.GrowthProperties;
import org.endorsements.query.growth.GrowthSeries;
import org.endorsements.query.growth.persistence.GrowthQueries;
import org.endorsements.query.projection.consistency.ConsistencyGate;
import org.endorsements.query.shared.web.ProblemException;
import org.endorsements.query.shared.web.ReadParameters;
import org.endorsements.query.statement.Statements;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class GrowthController {

    private final GrowthQueries growth;
    private final Statements statements;
    private final ConsistencyGate consistency;
    private final GrowthProperties properties;

    GrowthController(
            GrowthQueries growth, Statements statements, ConsistencyGate consistency, GrowthProperties properties) {
        this.growth = growth;
        this.statements = statements;
        this.consistency = consistency;
        this.properties = properties;
    }

    /**
     * Only intervals with activity are listed; {@code cumulative} carries the total across quiet ones. {@code steps}
     * are the instants the count changed (to the minute, or to the hour in a daily or very long series), each with
     * the count after it; {@code before} is the count just before the first of them.
     */
    record Growth(
            String statementId,
            String interval,
            Instant from,
            Instant to,
            List<GrowthSeries.Point> points,
            long before,
            List<GrowthSeries.Step> steps) {}

    @GetMapping("/api/statements/{statementId}/growth")
    CompletableFuture<Growth> growth(
            @PathVariable String statementId,
            @RequestParam(defaultValue = "hour") String interval,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String minPosition) {
        GrowthSeries.Interval unit = interval(interval);
        Instant start = from == null ? Instant.EPOCH : instant(from, "from");
        Instant end = to == null ? Instant.parse("9999-12-31T23:59:59Z") : instant(to, "to");
        if (!start.isBefore(end)) {
            throw ProblemException.badRequest("invalid-range", "from must be before to.");
        }
        return consistency.read(minPosition, () -> {
            statements.find(statementId).orElseThrow(() -> ProblemException.notFound("statement"));
            List<GrowthBucket> hourly = growth.hourly(statementId, start, end);
            return new Growth(
                    statementId,
                    unit.name().toLowerCase(Locale.ROOT),
                    from == null ? null : start,
                    to == null ? null : end,
                    GrowthSeries.of(hourly, unit),
                    GrowthSeries.before(hourly),
                    GrowthSeries.steps(hourly, unit, properties.maxSteps()));
        });
    }

    private static GrowthSeries.Interval interval(String value) {
        return switch (value) {
            case "hour" -> GrowthSeries.Interval.HOUR;
            case "day" -> GrowthSeries.Interval.DAY;
            default -> throw ProblemException.badRequest("invalid-interval", "interval must be hour or day.");
        };
    }

    private static Instant instant(String value, String name) {
        return ReadParameters.instant(name, "invalid-" + name, value);
    }
}
