package org.endorsements.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Repetitions of one measure: min, median and max, as the results table prints them. */
record Stats(double min, double median, double max) {

    static Stats of(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Stats(sorted.get(0), median, sorted.get(n - 1));
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("min", Bench.round(min));
        json.put("median", Bench.round(median));
        json.put("max", Bench.round(max));
        return json;
    }

    /** "median (min–max)" */
    String text(String format) {
        return String.format(format, median) + " (" + String.format(format, min) + "–" + String.format(format, max)
                + ")";
    }
}
