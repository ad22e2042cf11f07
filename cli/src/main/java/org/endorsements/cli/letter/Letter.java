package org.endorsements.cli.letter;

import java.util.List;

/**
 * A sign-on letter as circulated: the statement's text, an optional line that opens the signatory list, the
 * numbered entries as written, and an optional closing credit line.
 *
 * @param body         the text before the signatory list, paragraphs separated by blank lines
 * @param listIntro    the line introducing the list (e.g. "Signed:"), or null when the list follows the text
 * @param entries      the signatories in the letter's order, names exactly as written
 * @param closingNote  a credit line after the list (e.g. "Translated by …"), or null
 */
public record Letter(String body, String listIntro, List<Entry> entries, String closingNote) {

    /** One entry of the list. {@code number} is null when the letter gave none; {@code line} is 1-based. */
    public record Entry(Integer number, String name, int line) {}
}
