package org.endorsements.cli.audit;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the verifiers read the organizations' own publications of their first keys from ({@link Anchors}), and
 * whether an {@code organization-key} claim without one fails. Without any of these options an unanchored claim is
 * shown as such and does not fail: the verifier says what it did not prove rather than refusing every receipt of a
 * platform whose organizations have not been anchored yet.
 */
final class AnchorOptions {

    @Option(
            names = "--anchors",
            paramLabel = "FILE",
            description = "organizations' published first-key fingerprints, one line each: "
                    + "<organizationId> <fingerprint> [source]; # starts a comment")
    Path anchorsFile;

    @Option(
            names = "--fetch-anchors",
            description = "fetch each pin's source URL (http or https, 5 s timeout, redirects only within its host)"
                    + " and accept its fingerprint as an anchor only if the document contains it; this trusts the URL"
                    + " the admin pinned, so only --anchors FILE stands against the operator")
    boolean fetchAnchors;

    @Option(names = "--require-anchors", description = "fail (exit 1) when an organization-key claim has no anchor")
    boolean requireAnchors;

    /** @throws IllegalArgumentException when the anchors file is malformed */
    AnchorCheck check() throws IOException {
        return new AnchorCheck(
                anchorsFile == null ? Anchors.none() : Anchors.read(anchorsFile), fetchAnchors, requireAnchors);
    }
}
