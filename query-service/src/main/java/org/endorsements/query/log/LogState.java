package org.endorsements.query.log;

import java.util.List;
import org.springframework.data.annotation.Id;

/** A statement's log: its size, the right edge of its tree (hex, largest subtree first) and its content hash. */
public record LogState(@Id String statementId, long size, List<String> edge, String contentHash) {

    public static LogState empty(String statementId) {
        return new LogState(statementId, 0, List.of(), null);
    }
}
