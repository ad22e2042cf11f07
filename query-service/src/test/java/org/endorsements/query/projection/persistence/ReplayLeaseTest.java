package org.endorsements.query.projection.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** One replay at a time across instances, and a dead holder's lease taken over once it expired. */
class ReplayLeaseTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client =
            MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    private final MongoTemplate mongo = new MongoTemplate(client, "replay-lease-test");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final ReplayLease lease = new ReplayLease(mongo, clock, LEASE);

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void whileOneInstanceHoldsTheLeaseAnotherCannotTakeIt() {
        assertThat(lease.take("query-1", 2)).contains(new ReplayLease.Taken(2, Optional.empty()));
        assertThat(lease.take("query-2", 2)).isEmpty();
        assertThat(lease.holder()).contains("query-1");
    }

    @Test
    void aRenewedLeaseOutlivesItsFirstTermAndIsStillRefusedToOthers() {
        lease.take("query-1", 2);
        clock.advance(LEASE.minusSeconds(1));
        assertThat(lease.renew("query-1")).isTrue();
        clock.advance(Duration.ofSeconds(2));
        assertThat(lease.take("query-2", 2)).isEmpty();
    }

    @Test
    void aReleasedLeaseIsFreeForTheNextReplayAtOnce() {
        lease.take("query-1", 2);
        lease.release("query-1");
        assertThat(lease.holder()).isEmpty();
        assertThat(lease.take("query-2", 3)).contains(new ReplayLease.Taken(3, Optional.empty()));
    }

    @Test
    void aLeaseItsHolderStoppedRenewingIsTakenOverOnceExpiredForTheNextGenerationAndTheOldHolderLosesIt() {
        lease.take("query-1", 2);
        clock.advance(LEASE.plusSeconds(1));

        // The dead holder was building generation 2: the one taking over builds 3 and is told to drop 2.
        assertThat(lease.take("query-2", 2)).contains(new ReplayLease.Taken(3, Optional.of(2)));
        assertThat(lease.renew("query-1")).isFalse();
        assertThat(lease.holder()).contains("query-2");
    }

    @Test
    void anotherInstancesReleaseLeavesTheHoldersLeaseInPlace() {
        lease.take("query-1", 2);
        lease.release("query-2");
        assertThat(lease.holder()).contains("query-1");
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
