package org.endorsements.events;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Rules shared by every identifier: lower-case slugs that are safe in URLs, Kafka keys and MongoDB ids. */
public final class Identifiers {

    public static final int MAX_LENGTH = 100;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?");
    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_SLUG = Pattern.compile("[^a-z0-9]+");

    /** What {@link #opaqueOrganizationId()} gives: {@code org-} and 16 characters of RFC 4648 base32, lower case. */
    public static final Pattern OPAQUE_ORGANIZATION_ID = Pattern.compile("org-[a-z2-7]{16}");

    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Identifiers() {}

    /**
     * A new organization's id: 80 random bits, so that an id says nothing about whom it names (issue 20) and cannot
     * be guessed from a name, as slugs of names could. It is still a slug, so URLs, Kafka keys and stored ids that
     * take slugs take it unchanged.
     */
    public static String opaqueOrganizationId() {
        StringBuilder id = new StringBuilder("org-");
        for (int i = 0; i < 16; i++) {
            id.append(BASE32.charAt(RANDOM.nextInt(BASE32.length())));
        }
        return id.toString();
    }

    public static boolean isOpaqueOrganizationId(String value) {
        return value != null && OPAQUE_ORGANIZATION_ID.matcher(value).matches();
    }

    public static boolean isSlug(String value) {
        return value != null && SLUG.matcher(value).matches();
    }

    static void requireSlug(String value, String what) {
        if (!isSlug(value)) {
            throw new IllegalArgumentException(
                    what + " must be 1-" + MAX_LENGTH + " characters of a-z, 0-9 and inner dashes");
        }
    }

    /**
     * Derives a slug from a human name: accents are dropped (so "Médicos" and "Medicos" give the same id), every
     * other run of non-alphanumerics becomes one dash. Returns an empty string when nothing usable remains.
     */
    public static String slugOf(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
        String ascii = DIACRITICS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        String slug = NON_SLUG.matcher(ascii).replaceAll("-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug;
    }
}
