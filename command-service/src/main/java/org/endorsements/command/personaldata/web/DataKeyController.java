package org.endorsements.command.personaldata.web;

import java.util.Base64;
import org.endorsements.command.personaldata.DataKeyStore;
import org.endorsements.command.shared.web.Problems;
import org.endorsements.events.OrganizationId;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/data-keys/{organizationId}}: the organization's data key, for the query service to open the
 * personal fields it projects (it keeps keys in memory only). 200 with the key, 410 once it was destroyed (the
 * organization's personal data is erased), 404 for an organization that has none. Only the service key gets here
 * (SecurityConfiguration); the answer is never cached.
 */
@RestController
class DataKeyController {

    private final DataKeyStore keys;

    DataKeyController(DataKeyStore keys) {
        this.keys = keys;
    }

    /** {@code dataKey}: standard base64 of the 32 raw bytes of the AES-256 key. */
    record DataKey(String organizationId, String dataKey) {}

    @GetMapping("/internal/data-keys/{organizationId}")
    ResponseEntity<?> dataKey(@PathVariable OrganizationId organizationId) {
        return switch (keys.stateOf(organizationId)) {
            case PRESENT ->
                keys.find(organizationId)
                        .<ResponseEntity<?>>map(key -> ResponseEntity.ok()
                                .cacheControl(CacheControl.noStore())
                                .body(new DataKey(
                                        organizationId.value(),
                                        Base64.getEncoder().encodeToString(key.getEncoded()))))
                        .orElseGet(DataKeyController::erased);
            case ERASED -> erased();
            case UNKNOWN -> problem(HttpStatus.NOT_FOUND, "data-key-not-found", "this organization has no data key");
        };
    }

    private static ResponseEntity<?> erased() {
        return problem(
                HttpStatus.GONE,
                "personal-data-erased",
                "the organization's data key was destroyed: its personal data is erased");
    }

    private static ResponseEntity<?> problem(HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, code, detail));
    }
}
