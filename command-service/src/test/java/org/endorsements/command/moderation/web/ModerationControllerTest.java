package org.endorsements.command.moderation.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.endorsements.command.endorsement.EndorsementOutcome;
import org.endorsements.command.endorsement.InvalidateEndorsementCommand;
import org.endorsements.command.registry.OrganizationRegistry;
import org.endorsements.command.registry.StatementRegistry;
import org.endorsements.command.shared.DomainRuleViolation;
import org.endorsements.command.shared.web.SliceWeb;
import org.endorsements.command.support.ControllerSliceTest;
import org.endorsements.command.support.SliceKeys;
import org.endorsements.events.EndorsementId;
import org.endorsements.events.InvalidationCategory;
import org.endorsements.events.StatementId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSliceTest
class ModerationControllerTest {

    private static final StatementId STATEMENT = StatementId.of("icc-statement");
    private static final String BASE = "/api/statements/icc-statement";
    private static final String ONE = BASE + "/endorsements/" + SliceKeys.ORG_A.value();

    @Autowired
    MockMvc http;

    @Autowired
    CommandGateway commands;

    @Autowired
    OrganizationRegistry organizations;

    @Autowired
    StatementRegistry statements;

    @BeforeEach
    void keys() {
        SliceKeys.registerKeys(organizations);
        when(statements.find(STATEMENT))
                .thenReturn(Optional.of(new StatementRegistry.Entry(STATEMENT, "a".repeat(64), false)));
    }

    @Test
    void anAdminInvalidatesAnEndorsementWithCategoryAndReason() throws Exception {
        when(commands.sendAndWait(any())).thenReturn(new EndorsementOutcome(true, 3));

        http.perform(post(ONE + "/invalidation")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"category\":\"forged\",\"reason\":\"the organization never signed\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("invalidated"));

        verify(commands)
                .sendAndWait(org.mockito.ArgumentMatchers.<InvalidateEndorsementCommand>argThat(
                        c -> c.endorsementId().equals(new EndorsementId(STATEMENT, SliceKeys.ORG_A))
                                && c.category() == InvalidationCategory.FORGED
                                && c.reason().equals("the organization never signed")
                                && c.at().equals(SliceWeb.NOW)));
    }

    @Test
    void theOrganizationItselfCannotInvalidateItsEndorsement() throws Exception {
        http.perform(post(ONE + "/invalidation")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"category\":\"organization-request\",\"reason\":\"ours\"}"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(commands);
    }

    @Test
    void anUnknownCategoryIsAProblemAndSendsNothing() throws Exception {
        http.perform(post(ONE + "/invalidation")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"category\":\"spam\",\"reason\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:invalid-category"));
        verifyNoInteractions(commands);
    }

    @Test
    void signingAnInvalidatedEndorsementAgainIsAConflictNamingIt() throws Exception {
        when(commands.sendAndWait(any()))
                .thenThrow(DomainRuleViolation.conflict("endorsement-invalidated", "an admin invalidated it"));

        http.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(ONE)
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:endorsement-invalidated"));
    }

    @Test
    void thePreviewSaysWhatTheListWouldChangeAndSendsNothing() throws Exception {
        when(statements.countedEndorsements(STATEMENT)).thenReturn(10L);
        when(statements.endorsementStates(eq(STATEMENT), anyCollection()))
                .thenReturn(Map.of(
                        SliceKeys.ORG_A, StatementRegistry.EndorsementState.ENDORSED,
                        SliceKeys.ORG_B, StatementRegistry.EndorsementState.INVALIDATED));

        http.perform(post(BASE + "/invalidations/preview")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organizationIds\":[\"acceso-a-la-justicia\",\"provea\",\"nobody\"],"
                                + "\"category\":\"duplicate\",\"reason\":\"counted twice\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.countedBefore").value(10))
                .andExpect(jsonPath("$.countedAfter").value(9))
                .andExpect(jsonPath("$.steps[0].outcome").value("invalidate"))
                .andExpect(jsonPath("$.steps[1].outcome").value("already-invalidated"))
                .andExpect(jsonPath("$.steps[2].outcome").value("not-endorsed"));
        verifyNoInteractions(commands);
    }

    @Test
    void aBulkListWithAnInvalidIdIsAProblem() throws Exception {
        http.perform(post(BASE + "/invalidations/preview")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organizationIds\":[\"Not An Id\"],\"category\":\"forged\",\"reason\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:invalid-organization-ids"));
    }

    @Test
    void aBulkInvalidationWithoutReasonIsAProblem() throws Exception {
        http.perform(post(BASE + "/invalidation-jobs")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organizationIds\":[\"provea\"],\"category\":\"forged\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:invalid-reason"));
        verifyNoInteractions(commands);
    }

    @Test
    void anUnknownJobIsNotFound() throws Exception {
        http.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                BASE + "/invalidation-jobs/no-such-job")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:job-not-found"));
    }

    @Test
    void anOrganizationCannotSeeTheOrganizationsOfABulkPreview() throws Exception {
        http.perform(post(BASE + "/invalidations/preview")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organizationIds\":[\"provea\"],\"category\":\"forged\",\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(commands);
    }
}
