package org.endorsements.transparency;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Lets the witness tests reach the independent verifier, which stays package-private. */
public final class SpecNoteVerifierAccess {

    private SpecNoteVerifierAccess() {}

    public static List<String> verify(String note, List<String> vkeys) throws Exception {
        return SpecNoteVerifier.verify(
                note.getBytes(StandardCharsets.UTF_8),
                vkeys.stream().map(SpecNoteVerifier.Vkey::of).toList());
    }
}
