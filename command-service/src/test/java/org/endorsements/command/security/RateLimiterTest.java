package org.endorsements.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.endorsements.command.shared.Actor;
import org.endorsements.events.OrganizationId;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class RateLimiterTest {

    private static final Actor ORG = new Actor.OrganizationCredential(OrganizationId.of("provea"), "cred-1");
    private static final Actor OTHER = new Actor.OrganizationCredential(OrganizationId.of("codhez"), "cred-2");

    private static RateLimiter limiter(long requests, boolean limitAdmin) {
        return new RateLimiter(new SecurityProperties("admin", DataSize.ofKilobytes(64),
                new SecurityProperties.RateLimit(requests, Duration.ofMinutes(1), limitAdmin)));
    }

    @Test
    void aKeyWithinItsBudgetPasses() {
        RateLimiter limiter = limiter(3, false);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire(ORG)).isEmpty();
        }
    }

    @Test
    void aKeyOverItsBudgetIsToldHowLongToWait() {
        RateLimiter limiter = limiter(2, false);
        limiter.tryAcquire(ORG);
        limiter.tryAcquire(ORG);
        assertThat(limiter.tryAcquire(ORG)).hasValueSatisfying(wait ->
                assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
    }

    @Test
    void eachKeyHasItsOwnBudget() {
        RateLimiter limiter = limiter(1, false);
        limiter.tryAcquire(ORG);
        assertThat(limiter.tryAcquire(OTHER)).isEmpty();
    }

    @Test
    void theAdminKeyIsUnlimitedByDefault() {
        RateLimiter limiter = limiter(1, false);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire(Actor.admin())).isEmpty();
        }
    }

    @Test
    void theAdminKeyCanBeLimitedToo() {
        RateLimiter limiter = limiter(1, true);
        limiter.tryAcquire(Actor.admin());
        assertThat(limiter.tryAcquire(Actor.admin())).isPresent();
    }
}
