package org.endorsements.command.shared;

import java.time.Instant;
import org.endorsements.events.SignedMessages;

/**
 * The signing-time rule for signed requests: a signature's {@code signedAt} must be within
 * {@link SignedMessages#SIGNING_TIME_WINDOW} of the service's clock, either way. The window is a protocol constant,
 * not a setting: the offline verifiers hold every recorded signature to the same bound, so a platform that accepted
 * a wider one would record signatures no verifier accepts.
 */
public final class SigningTime {

    private SigningTime() {}

    /** @throws DomainRuleViolation (400) when the signing time is outside the window around {@code now} */
    public static void requireWithinWindow(Instant signedAt, Instant now) {
        if (!SignedMessages.withinWindow(signedAt, now)) {
            throw DomainRuleViolation.rejected(
                            "signing-time-outside-window",
                            "the signing time is more than "
                                    + SignedMessages.SIGNING_TIME_WINDOW.toMinutes()
                                    + " minutes from the service's clock")
                    .with("serverTime", now.toString());
        }
    }
}
