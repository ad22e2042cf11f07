package org.endorsements.command.shared;

import java.text.Normalizer;
import java.util.regex.Pattern;
import org.endorsements.events.SpoofingCharacters;

/** Normalization every human-entered text goes through before it becomes part of an event. */
public final class TextRules {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
    private static final Pattern CONTROL_EXCEPT_LINE_BREAKS = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");

    private TextRules() {}

    /** Trimmed, NFC-normalized single-line text within the length limits, or a rule violation. */
    public static String singleLine(String value, String field, int maxLength, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw DomainRuleViolation.invalid("invalid-" + field, field + " is required");
            }
            return null;
        }
        requireWellFormed(value, field);
        String normalized = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        if (CONTROL.matcher(normalized).find()) {
            throw DomainRuleViolation.invalid("invalid-" + field, field + " contains control characters");
        }
        if (SpoofingCharacters.containsAny(normalized)) {
            throw DomainRuleViolation.invalid(
                    "invalid-" + field, field + " contains invisible or bidirectional formatting characters");
        }
        if (normalized.codePointCount(0, normalized.length()) > maxLength) {
            throw DomainRuleViolation.invalid("invalid-" + field, field + " is longer than " + maxLength);
        }
        return normalized;
    }

    /** NFC-normalized multi-line text (line breaks and tabs allowed). */
    public static String multiLine(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw DomainRuleViolation.invalid("invalid-" + field, field + " is required");
        }
        requireWellFormed(value, field);
        String normalized = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        if (CONTROL_EXCEPT_LINE_BREAKS.matcher(normalized).find()) {
            throw DomainRuleViolation.invalid("invalid-" + field, field + " contains control characters");
        }
        if (normalized.codePointCount(0, normalized.length()) > maxLength) {
            throw DomainRuleViolation.invalid("invalid-" + field, field + " is longer than " + maxLength);
        }
        return normalized;
    }

    /**
     * A lone UTF-16 surrogate is no character: encoded as UTF-8 it becomes '?', so the text served would hash
     * differently from the contentHash computed over it.
     */
    private static void requireWellFormed(String value, String field) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw DomainRuleViolation.invalid("invalid-" + field, field + " contains a lone UTF-16 surrogate");
            }
        }
    }
}
