package org.endorsements.command.endorsement;

/** Source of the random 32-byte openings that hide a signer in the public verifiable log. */
public interface SignerOpenings {

    /** A fresh opening, lower-case hex. */
    String next();
}
