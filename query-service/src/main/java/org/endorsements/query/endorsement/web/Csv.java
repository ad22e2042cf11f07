package org.endorsements.query.endorsement.web;

/** RFC 4180 fields, defused against spreadsheet formula injection. */
final class Csv {

    private Csv() {}

    static String field(String value) {
        if (value == null) {
            return "";
        }
        String safe = value;
        // A cell starting with = + - @ (or a tab/CR) is run as a formula by spreadsheet programs.
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
