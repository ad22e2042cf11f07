package org.endorsements.query.projection.web;

import org.endorsements.query.projection.messaging.Replay;
import org.endorsements.query.shared.web.ProblemException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin (the security configuration's rule): rebuild every view from the topic (see {@link Replay}) and follow its progress. */
@RestController
class ReplayController {

    private final Replay replay;

    ReplayController(Replay replay) {
        this.replay = replay;
    }

    @PostMapping("/api/admin/replay")
    ResponseEntity<Replay.Progress> start() {
        boolean started;
        try {
            started = replay.start();
        } catch (DataAccessException unreachable) {
            // The lease lives in the view store: without it no replay may start, here or elsewhere.
            throw new ProblemException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "view-store-unavailable",
                    "The view store cannot be reached to take the replay lease; retry shortly.",
                    5L);
        }
        if (!started) {
            // The lease holder's name is an operator's instance name, not data: it tells where to follow the replay.
            String where = replay.runningOn().map(name -> " (on " + name + ")").orElse("");
            throw new ProblemException(
                    HttpStatus.CONFLICT, "replay-running", "A replay is already running" + where + ".");
        }
        return ResponseEntity.accepted().body(replay.progress());
    }

    @GetMapping("/api/admin/replay")
    Replay.Progress progress() {
        return replay.progress();
    }
}
