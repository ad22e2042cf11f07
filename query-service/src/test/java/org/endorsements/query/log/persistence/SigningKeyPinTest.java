package org.endorsements.query.log.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** One signing key per view store, whichever instance starts first; a rotation moves it, nothing else does. */
class SigningKeyPinTest {

    private static final String OLD = "endorsements.local+aaaaaaaa+old";
    private static final String NEW = "endorsements.local+bbbbbbbb+new";
    private static final String STRAY = "endorsements.local+cccccccc+stray";

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = client(server.bind());
    private final SigningKeyPin pin = new SigningKeyPin(new MongoTemplate(client, "signing-key-pin-test"));

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void theFirstInstancePinsItsKeyAndTheNextWithTheSameKeyFindsItThere() {
        assertThat(pin.claim(OLD, List.of())).isEqualTo(SigningKeyPin.Outcome.PINNED);
        assertThat(pin.claim(OLD, List.of())).isEqualTo(SigningKeyPin.Outcome.SAME);
        assertThat(pin.pinned()).contains(OLD);
    }

    @Test
    void anInstanceWithAnotherKeyIsRefusedAndThePinStays() {
        pin.claim(OLD, List.of());
        assertThatThrownBy(() -> pin.claim(STRAY, List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(OLD)
                .hasMessageContaining(STRAY)
                .hasMessageContaining("ENDORSEMENTS_LOG_KEY_FILE");
        assertThat(pin.pinned()).contains(OLD);
    }

    @Test
    void anInstanceRotatingAwayFromThePinnedKeyMovesThePinToItsNewKey() {
        pin.claim(OLD, List.of());
        assertThat(pin.claim(NEW, List.of(OLD))).isEqualTo(SigningKeyPin.Outcome.ROTATED);
        assertThat(pin.claim(NEW, List.of(OLD))).isEqualTo(SigningKeyPin.Outcome.SAME);
        assertThat(pin.pinned()).contains(NEW);
    }

    @Test
    void afterARotationAnInstanceStillSigningWithTheOldKeyIsRefused() {
        pin.claim(OLD, List.of());
        pin.claim(NEW, List.of(OLD));
        assertThatThrownBy(() -> pin.claim(OLD, List.of())).isInstanceOf(IllegalStateException.class);
    }

    private static MongoClient client(InetSocketAddress address) {
        return MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }
}
