package org.endorsements.command.shared;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How signed requests are checked. {@code clockWindow}: how far a signature's signing time may be from the
 * service's clock, either way; it bounds how long a captured signed request could be replayed elsewhere and how
 * many nonces an endorsement must remember.
 */
@ConfigurationProperties("endorsements.signatures")
public record SignatureProperties(Duration clockWindow) {

    public SignatureProperties {
        if (clockWindow == null || clockWindow.isNegative() || clockWindow.isZero()) {
            throw new IllegalArgumentException("endorsements.signatures.clock-window must be positive");
        }
    }

    /** @throws DomainRuleViolation (400) when the signing time is outside the window around {@code now} */
    public void requireWithinWindow(Instant signedAt, Instant now) {
        if (Duration.between(signedAt, now).abs().compareTo(clockWindow) > 0) {
            throw DomainRuleViolation.rejected(
                            "signing-time-outside-window",
                            "the signing time is more than " + clockWindow.toMinutes()
                                    + " minutes from the service's clock")
                    .with("serverTime", now.toString());
        }
    }
}
