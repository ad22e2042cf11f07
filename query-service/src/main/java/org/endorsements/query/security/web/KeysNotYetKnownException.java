package org.endorsements.query.security.web;

import org.springframework.security.core.AuthenticationException;

/**
 * An unknown key before the credential topic has been read to its end once: it may be a valid key not read yet,
 * so the answer is "retry soon" (503), not "invalid" (401), which a client could take for a revocation.
 */
class KeysNotYetKnownException extends AuthenticationException {

    KeysNotYetKnownException() {
        super("organization keys not loaded yet");
    }
}
