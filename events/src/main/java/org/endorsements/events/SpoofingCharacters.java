package org.endorsements.events;

import java.util.regex.Pattern;

/**
 * Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder what a reader sees, and
 * zero-width characters (U+200B–U+200D, U+2060, U+FEFF) make two names that look alike differ: both let one
 * organization pass for another in a signatory list. Names, titles and ids refuse them on the command side, and a
 * search for them on the read side is refused as well, since no name can contain them.
 */
public final class SpoofingCharacters {

    private static final Pattern ANY = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069\\u200B-\\u200D\\u2060\\uFEFF]");

    private SpoofingCharacters() {
    }

    public static boolean containsAny(CharSequence text) {
        return ANY.matcher(text).find();
    }
}
