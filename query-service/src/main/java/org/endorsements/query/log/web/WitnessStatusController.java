package org.endorsements.query.log.web;

import java.util.List;
import org.endorsements.query.log.checkpoint.CheckpointWitnesses;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which witnesses cosign the checkpoints and whether each is keeping up: public, since auditors decide from it
 * which witnesses to require, and an operator sees at once that one is down.
 */
@RestController
class WitnessStatusController {

    private final CheckpointWitnesses witnesses;

    WitnessStatusController(CheckpointWitnesses witnesses) {
        this.witnesses = witnesses;
    }

    record WitnessesStatus(int configured, int up, List<CheckpointWitnesses.Status> witnesses) {}

    @GetMapping("/api/log/witnesses")
    WitnessesStatus witnesses() {
        List<CheckpointWitnesses.Status> status = witnesses.status();
        return new WitnessesStatus(
                status.size(),
                (int) status.stream().filter(CheckpointWitnesses.Status::up).count(),
                status);
    }
}
