package org.endorsements.events;

import java.util.regex.Pattern;

/**
 * Characters a reader does not see: bidi embeddings, overrides, isolates and marks reorder what is shown, and
 * invisible characters (zero-width, soft hyphen, fillers, tag characters, variation selectors) make two names that
 * look alike differ; both let one organization pass for another in a signatory list. Names, titles and ids refuse
 * them on the command side, and a search for them on the read side is refused as well, since no name can contain
 * them.
 *
 * <p>Refused: every format character (general category {@code Cf}: U+00AD, U+061C, U+200B–U+200F, U+202A–U+202E,
 * U+2060–U+2064, U+2066–U+206F, U+FEFF, the tag characters U+E0001, U+E0020–U+E007F, ...) and every Unicode
 * {@code Default_Ignorable_Code_Point} (DerivedCoreProperties.txt, Unicode 15.1), listed here because
 * {@link java.util.regex.Pattern} knows no such property: U+034F, U+115F–U+1160, U+17B4–U+17B5, U+180B–U+180F,
 * U+3164, U+FE00–U+FE0F, U+FFA0, U+FFF0–U+FFF8, U+1BCA0–U+1BCA3, U+1D173–U+1D17A, U+E0000–U+E0FFF (tags and
 * variation selectors supplement), and the unassigned ones among U+2065, U+206A–U+206F.
 */
public final class SpoofingCharacters {

    private static final Pattern ANY = Pattern.compile("[\\p{Cf}"
            + "\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F\\u200B-\\u200F\\u202A-\\u202E"
            + "\\u2060-\\u206F\\u3164\\uFE00-\\uFE0F\\uFEFF\\uFFA0\\uFFF0-\\uFFF8"
            + "\\x{1BCA0}-\\x{1BCA3}\\x{1D173}-\\x{1D17A}\\x{E0000}-\\x{E0FFF}]");

    private SpoofingCharacters() {}

    public static boolean containsAny(CharSequence text) {
        return ANY.matcher(text).find();
    }
}
