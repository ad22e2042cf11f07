package org.endorsements.query.log.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import org.endorsements.query.log.checkpoint.CheckpointWitnesses;
import org.endorsements.query.support.QueryWebSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest(controllers = WitnessStatusController.class)
@QueryWebSlice
class WitnessStatusControllerSliceTest {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    CheckpointWitnesses witnesses;

    @Test
    void anyoneSeesHowManyWitnessesAreConfiguredAndUpWithEachOnesState() {
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        when(witnesses.status())
                .thenReturn(List.of(
                        new CheckpointWitnesses.Status(
                                "w1", "https://w1.example", "w1+ab+KEY", true, 0, at, null, null),
                        new CheckpointWitnesses.Status(
                                "w2", "https://w2.example", "w2+cd+KEY", false, 3, null, at, "connection refused")));

        assertThat(mvc.get().uri("/api/log/witnesses")).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"configured": 2, "up": 1,
                 "witnesses": [{"name": "w1", "url": "https://w1.example", "verifierKey": "w1+ab+KEY", "up": true,
                                "pendingCheckpoints": 0, "lastCosignedAt": "2026-03-01T10:00:00Z"},
                               {"name": "w2", "up": false, "pendingCheckpoints": 3,
                                "lastFailureAt": "2026-03-01T10:00:00Z", "lastFailure": "connection refused"}]}""");
    }

    @Test
    void withoutWitnessesNoneIsUp() {
        when(witnesses.status()).thenReturn(List.of());

        assertThat(mvc.get().uri("/api/log/witnesses")).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"configured": 0, "up": 0, "witnesses": []}""");
    }
}
