package org.endorsements.cli.letter;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.endorsements.events.Identifiers;

/**
 * What an importer must tell a person about a letter's list before it becomes platform data: exact duplicates
 * (recorded once), near-duplicates (listed for review, never merged), gaps in the numbering, entries without a
 * number. Names are never corrected: the platform records what was signed.
 */
public final class SignatoryAnalysis {

    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Names at least this similar (1 - edit distance / length) are listed as near-duplicates. */
    private static final double SIMILAR = 0.9;

    private static final int MIN_CONTAINED_LENGTH = 5;

    /** An entry that repeats an earlier one after normalization. */
    public record Duplicate(Letter.Entry entry, Letter.Entry original) {}

    public record NearDuplicate(Letter.Entry first, Letter.Entry second, String why) {}

    /** One organization to register and endorse: the first entry that names it. */
    public record Signatory(Letter.Entry entry, String organizationId) {}

    public record Result(
            List<Signatory> signatories,
            List<Duplicate> duplicates,
            List<NearDuplicate> nearDuplicates,
            List<Integer> missingNumbers,
            List<Letter.Entry> unnumbered) {}

    private SignatoryAnalysis() {}

    /** Case, accents, spacing and punctuation do not make two names different. */
    public static String normalize(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
        String plain = DIACRITICS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(plain).replaceAll(" ").strip();
    }

    public static Result analyze(Letter letter) {
        Map<String, Letter.Entry> firstByName = new LinkedHashMap<>();
        List<Duplicate> duplicates = new ArrayList<>();
        List<Letter.Entry> unnumbered = new ArrayList<>();
        for (Letter.Entry entry : letter.entries()) {
            if (entry.number() == null) {
                unnumbered.add(entry);
            }
            Letter.Entry original = firstByName.putIfAbsent(normalize(entry.name()), entry);
            if (original != null) {
                duplicates.add(new Duplicate(entry, original));
            }
        }
        List<Signatory> signatories = new ArrayList<>();
        for (Letter.Entry entry : firstByName.values()) {
            signatories.add(new Signatory(entry, Identifiers.slugOf(entry.name())));
        }
        return new Result(
                signatories,
                duplicates,
                nearDuplicates(new ArrayList<>(firstByName.values())),
                missingNumbers(letter.entries()),
                unnumbered);
    }

    private static List<NearDuplicate> nearDuplicates(List<Letter.Entry> distinct) {
        List<NearDuplicate> near = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i++) {
            for (int j = i + 1; j < distinct.size(); j++) {
                String a = normalize(distinct.get(i).name());
                String b = normalize(distinct.get(j).name());
                String why = null;
                if (containsWords(a, b) || containsWords(b, a)) {
                    why = "one name contains the other";
                } else if (similarity(a, b) >= SIMILAR) {
                    why = "names differ by a few letters";
                }
                if (why != null) {
                    near.add(new NearDuplicate(distinct.get(i), distinct.get(j), why));
                }
            }
        }
        return near;
    }

    private static boolean containsWords(String longer, String shorter) {
        return shorter.length() >= MIN_CONTAINED_LENGTH
                && longer.length() > shorter.length()
                && (" " + longer + " ").contains(" " + shorter + " ");
    }

    static double similarity(String a, String b) {
        int longest = Math.max(a.length(), b.length());
        return longest == 0 ? 1 : 1 - (double) levenshtein(a, b) / longest;
    }

    private static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static List<Integer> missingNumbers(List<Letter.Entry> entries) {
        List<Integer> missing = new ArrayList<>();
        Integer previous = null;
        for (Letter.Entry entry : entries) {
            if (entry.number() == null) {
                continue;
            }
            int from = previous == null ? 1 : previous + 1;
            for (int n = from; n < entry.number(); n++) {
                missing.add(n);
            }
            previous = entry.number();
        }
        return missing;
    }
}
