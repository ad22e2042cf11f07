package org.endorsements.cli.audit;

import java.util.ArrayList;
import java.util.List;
import org.endorsements.transparency.NoteVerifier;
import org.endorsements.transparency.SignedNote;
import picocli.CommandLine.Option;

/**
 * Whom a verifier trusts: the log's key (or keys, across a key rotation) and the witnesses whose cosignatures it
 * requires. A checkpoint is accepted only when one of the log keys signed it and at least {@code --min-witnesses}
 * of the given witnesses cosigned it.
 */
final class Trust {

    @Option(
            names = "--witness",
            paramLabel = "KEY",
            description = "a witness's verifier key (type 0x04, cosignature/v1) whose cosignature counts. Repeatable.")
    List<String> witnesses = new ArrayList<>();

    @Option(
            names = "--min-witnesses",
            paramLabel = "N",
            description = "how many of the --witness keys must have "
                    + "cosigned the checkpoint (default: 1 when any --witness is given, else 0)")
    Integer minWitnesses;

    int required() {
        return minWitnesses != null ? minWitnesses : witnesses.isEmpty() ? 0 : 1;
    }

    /**
     * Verifies a checkpoint note.
     *
     * @throws IllegalArgumentException naming what is missing or wrong
     */
    SignedNote.Verified verify(String note, List<String> logKeys) {
        if (required() > witnesses.size()) {
            throw new IllegalArgumentException(
                    "--min-witnesses " + required() + " but only " + witnesses.size() + " --witness keys given");
        }
        return SignedNote.verify(note, logKeys, witnesses, required());
    }

    String describe(SignedNote.Verified verified) {
        if (witnesses.isEmpty()) {
            return "no witness required";
        }
        return "cosigned by " + verified.witnesses().size() + " of " + witnesses.size() + " trusted witnesses ("
                + String.join(
                        ", ",
                        verified.witnesses().stream().map(NoteVerifier::name).toList()) + "), "
                + required() + " required";
    }
}
