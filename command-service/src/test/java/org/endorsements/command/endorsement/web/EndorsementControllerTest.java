package org.endorsements.command.endorsement.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.endorsements.command.endorsement.ChangeEndorsementVisibilityCommand;
import org.endorsements.command.endorsement.EndorseStatementCommand;
import org.endorsements.command.endorsement.EndorsementOutcome;
import org.endorsements.command.endorsement.WithdrawEndorsementCommand;
import org.endorsements.command.registry.OrganizationRegistry;
import org.endorsements.command.shared.DomainRuleViolation;
import org.endorsements.command.shared.web.SliceWeb;
import org.endorsements.command.support.ControllerSliceTest;
import org.endorsements.command.support.SliceKeys;
import org.endorsements.events.ActionSignature;
import org.endorsements.events.EndorsementId;
import org.endorsements.events.EndorsementSource;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.SigningKeyId;
import org.endorsements.events.StatementId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSliceTest
class EndorsementControllerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StatementId STATEMENT = StatementId.of("icc-statement");
    private static final EndorsementId ID = new EndorsementId(STATEMENT, SliceKeys.ORG_A);
    private static final String PATH = "/api/statements/icc-statement/endorsements/" + SliceKeys.ORG_A.value();

    @Autowired
    MockMvc http;

    @Autowired
    CommandGateway commands;

    @Autowired
    OrganizationRegistry registry;

    @BeforeEach
    void keys() {
        SliceKeys.registerKeys(registry);
    }

    private static String token(String fields) {
        return SliceKeys.position(fields);
    }

    @Test
    void anOrganizationEndorsesForItselfThroughTheApiAndGetsTheTokenOfItsEvent() throws Exception {
        when(commands.sendAndWait(any())).thenReturn(new EndorsementOutcome(true, 2));

        http.perform(put(PATH)
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A))
                        .header("X-Request-Id", "req-1"))
                .andExpect(status().isCreated())
                .andExpect(
                        header().string("X-Event-Position", token("Endorsement|icc-statement:acceso-a-la-justicia|2")))
                .andExpect(jsonPath("$.endorsed").value(true));

        verify(commands)
                .sendAndWait(new EndorseStatementCommand(ID, EndorsementSource.API, null, "req-1", SliceWeb.NOW));
    }

    @Test
    void endorsingAgainIsA200() throws Exception {
        when(commands.sendAndWait(any())).thenReturn(new EndorsementOutcome(false, 0));

        http.perform(put(PATH).header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A)))
                .andExpect(status().isOk())
                .andExpect(
                        header().string("X-Event-Position", token("Endorsement|icc-statement:acceso-a-la-justicia|0")));
    }

    @Test
    void anAdminRecordsAnImportWithItsLetterEntryNumber() throws Exception {
        when(commands.sendAndWait(any())).thenReturn(new EndorsementOutcome(true, 0));

        http.perform(put(PATH)
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"entryNumber\":9}"))
                .andExpect(status().isCreated());

        ArgumentCaptor<EndorseStatementCommand> sent = ArgumentCaptor.forClass(EndorseStatementCommand.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().source()).isEqualTo(EndorsementSource.IMPORTED);
        assertThat(sent.getValue().entryNumber()).isEqualTo(9);
    }

    @Test
    void anOrganizationEndorsesAsCountedWhenItAsksTo() throws Exception {
        when(commands.sendAndWait(any())).thenReturn(new EndorsementOutcome(true, 0));

        http.perform(put(PATH)
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A))
                        .header("X-Request-Id", "req-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"visibility\":\"counted\"}"))
                .andExpect(status().isCreated());

        verify(commands)
                .sendAndWait(new EndorseStatementCommand(
                        ID, EndorsementSource.API, null, "req-1", SliceWeb.NOW, EndorsementVisibility.COUNTED));
    }

    @Test
    void anOrganizationNamesTheTextItsSignerRead() throws Exception {
        when(commands.sendAndWait(any())).thenReturn(new EndorsementOutcome(true, 0));
        String translation = "c".repeat(64);

        http.perform(put(PATH)
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A))
                        .header("X-Request-Id", "req-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"contentHash\":\"" + translation + "\"}"))
                .andExpect(status().isCreated());

        verify(commands)
                .sendAndWait(new EndorseStatementCommand(
                        ID, EndorsementSource.API, null, "req-1", SliceWeb.NOW, null, null, translation));
    }

    @Test
    void aContentHashThatIsNoHashIsA400AndSendsNoCommand() throws Exception {
        http.perform(put(PATH)
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"contentHash\":\"ABC\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:invalid-content-hash"));

        verifyNoInteractions(commands);
    }

    @Test
    void anUnknownVisibilityIsA400AndSendsNoCommand() throws Exception {
        http.perform(put(PATH)
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"visibility\":\"secret\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:invalid-visibility"));

        verifyNoInteractions(commands);
    }

    @Test
    void anOrganizationChangesItsEndorsementsVisibilityAndGetsTheTokenOfTheChange() throws Exception {
        when(commands.sendAndWait(any())).thenReturn(new EndorsementOutcome(true, 1));

        http.perform(put(PATH + "/visibility")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A))
                        .header("X-Request-Id", "req-3")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"visibility\":\"counted\"}"))
                .andExpect(status().isOk())
                .andExpect(
                        header().string("X-Event-Position", token("Endorsement|icc-statement:acceso-a-la-justicia|1")))
                .andExpect(jsonPath("$.visibility").value("counted"));

        verify(commands)
                .sendAndWait(new ChangeEndorsementVisibilityCommand(
                        ID, EndorsementVisibility.COUNTED, "req-3", SliceWeb.NOW));
    }

    @Test
    void changingVisibilityWithoutSayingWhichIsA400() throws Exception {
        http.perform(put(PATH + "/visibility")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:invalid-visibility"));

        verifyNoInteractions(commands);
    }

    @Test
    void changingTheVisibilityOfAnEndorsementThatNeverExistedIsAConflict() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new AggregateNotFoundException(ID.value(), "no events"));

        http.perform(put(PATH + "/visibility")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"visibility\":\"counted\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:not-endorsed"));
    }

    @Test
    void theAdminCannotChangeAnOrganizationsVisibility() throws Exception {
        http.perform(put(PATH + "/visibility")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"visibility\":\"public\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:not-your-organization"));

        verifyNoInteractions(commands);
    }

    @Test
    void anOrganizationCannotGiveAnEntryNumber() throws Exception {
        http.perform(put(PATH)
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"entryNumber\":9}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:entry-number-for-imports-only"));

        verifyNoInteractions(commands);
    }

    @Test
    void anOrganizationCannotEndorseForAnotherOrganization() throws Exception {
        http.perform(put(PATH).header("Authorization", SliceKeys.bearer(SliceKeys.KEY_B)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:not-your-organization"));

        verifyNoInteractions(commands);
    }

    @Test
    void anotherOrganizationCannotWithdrawAnEndorsement() throws Exception {
        http.perform(delete(PATH).header("Authorization", SliceKeys.bearer(SliceKeys.KEY_B)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:not-your-organization"));

        verifyNoInteractions(commands);
    }

    /** Refused before any command: whether A ever signed, or exists at all, cannot be told from the answer. */
    @Test
    void anotherOrganizationLearnsNothingFromWithdrawingForSomeoneElse() throws Exception {
        String aboutSigned = http.perform(delete(PATH).header("Authorization", SliceKeys.bearer(SliceKeys.KEY_B)))
                .andExpect(status().isForbidden())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String aboutNever = http.perform(delete("/api/statements/icc-statement/endorsements/never-signed")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_B)))
                .andExpect(status().isForbidden())
                .andReturn()
                .getResponse()
                .getContentAsString();

        JsonNode signed = JSON.readTree(aboutSigned);
        JsonNode never = JSON.readTree(aboutNever);
        assertThat(signed.path("type").asText())
                .isEqualTo(never.path("type").asText())
                .isEqualTo("urn:endorsements:problem:not-your-organization");
        assertThat(signed.path("detail")).isEqualTo(never.path("detail"));
        verifyNoInteractions(commands);
    }

    @Test
    void withdrawingReturnsTheTokenOfTheWithdrawal() throws Exception {
        when(commands.sendAndWait(any())).thenReturn(new EndorsementOutcome(true, 1));

        http.perform(delete(PATH)
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A))
                        .header("X-Request-Id", "req-2")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"changed our mind\"}"))
                .andExpect(status().isOk())
                .andExpect(
                        header().string("X-Event-Position", token("Endorsement|icc-statement:acceso-a-la-justicia|1")))
                .andExpect(jsonPath("$.endorsed").value(false));

        verify(commands).sendAndWait(new WithdrawEndorsementCommand(ID, "changed our mind", "req-2", SliceWeb.NOW));
    }

    @Test
    void withdrawingAnEndorsementThatNeverExistedIsAConflict() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new AggregateNotFoundException(ID.value(), "no events"));

        http.perform(delete(PATH).header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:not-endorsed"));
    }

    @ParameterizedTest(name = "entryNumber: {0}")
    @ValueSource(strings = {"\"5\"", "5.5", "true", "\"\""})
    void aNonIntegerWhereAnIntegerBelongsIsA400NamingTheField(String value) throws Exception {
        http.perform(put(PATH)
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"entryNumber\":" + value + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:invalid-field"))
                .andExpect(jsonPath("$.field").value("entryNumber"));

        verifyNoInteractions(commands);
    }

    private static final String SIGNATURE_JSON = "{\"signature\":{\"keyId\":\"k1\",\"contentHash\":\""
            + "a".repeat(64) + "\",\"signedAt\":\"2026-11-01T09:59:00Z\",\"nonce\":\"0123456789abcdef\","
            + "\"value\":\"" + "A".repeat(86) + "==\"}}";

    /** A version 2 endorsement signature: it names the visibility asked for. */
    private static final String SIGNATURE_V2_JSON =
            SIGNATURE_JSON.replace("==\"}}", "==\",\"visibility\":\"public\"}}");

    @Test
    void aNewVersion1EndorsementSignatureIsA400NamingVersion2BeforeAnyCommand() throws Exception {
        http.perform(put(PATH)
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(SIGNATURE_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:signature-version-retired"))
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.containsString("urn:endorsements:signed-action:v2")));

        verifyNoInteractions(commands);
    }

    @Test
    void aSignedEndorsementCarriesItsSignatureToTheAggregate() throws Exception {
        when(commands.sendAndWait(any())).thenReturn(new EndorsementOutcome(true, 0));

        http.perform(put(PATH)
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A))
                        .header("X-Request-Id", "req-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(SIGNATURE_V2_JSON))
                .andExpect(status().isCreated());

        verify(commands)
                .sendAndWait(new EndorseStatementCommand(
                        ID,
                        EndorsementSource.API,
                        null,
                        "req-1",
                        SliceWeb.NOW,
                        new ActionSignature(
                                SigningKeyId.of("k1"),
                                "a".repeat(64),
                                Instant.parse("2026-11-01T09:59:00Z"),
                                "0123456789abcdef",
                                "A".repeat(86) + "==",
                                EndorsementVisibility.PUBLIC)));
    }

    @Test
    void aSignedEndorsementAskingToBeCountedCarriesBothToTheAggregate() throws Exception {
        when(commands.sendAndWait(any())).thenReturn(new EndorsementOutcome(true, 0));

        http.perform(put(PATH)
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A))
                        .header("X-Request-Id", "req-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"visibility\":\"counted\","
                                + SIGNATURE_V2_JSON.replace("public", "counted").substring(1)))
                .andExpect(status().isCreated());

        ArgumentCaptor<EndorseStatementCommand> sent = ArgumentCaptor.forClass(EndorseStatementCommand.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().visibility()).isEqualTo(EndorsementVisibility.COUNTED);
        assertThat(sent.getValue().signature().keyId()).isEqualTo(SigningKeyId.of("k1"));
    }

    @Test
    void aSignedWithdrawalCarriesItsSignatureToTheAggregate() throws Exception {
        when(commands.sendAndWait(any())).thenReturn(new EndorsementOutcome(true, 1));

        http.perform(delete(PATH)
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(SIGNATURE_JSON))
                .andExpect(status().isOk());

        ArgumentCaptor<WithdrawEndorsementCommand> sent = ArgumentCaptor.forClass(WithdrawEndorsementCommand.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().signature().keyId()).isEqualTo(SigningKeyId.of("k1"));
    }

    @Test
    void aSignatureThatIsNot64BytesIsA400BeforeAnyCommand() throws Exception {
        http.perform(put(PATH)
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(SIGNATURE_JSON.replace("A".repeat(86) + "==", "AAAA")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:invalid-signature"));

        verifyNoInteractions(commands);
    }

    @Test
    void anAdminCannotSendASignature() throws Exception {
        http.perform(put(PATH)
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(SIGNATURE_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:signature-for-organizations-only"));

        verifyNoInteractions(commands);
    }

    @Test
    void aStaleContentHashIsA409ProblemNamingTheCurrentHash() throws Exception {
        when(commands.sendAndWait(any()))
                .thenThrow(DomainRuleViolation.conflict("stale-content-hash", "stale")
                        .with("currentContentHash", "b".repeat(64)));

        http.perform(put(PATH)
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(SIGNATURE_V2_JSON))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:stale-content-hash"))
                .andExpect(jsonPath("$.currentContentHash").value("b".repeat(64)));
    }

    @Test
    void aSignatureThatDoesNotVerifyIsA400Problem() throws Exception {
        when(commands.sendAndWait(any()))
                .thenThrow(DomainRuleViolation.rejected("bad-signature", "the signature does not verify"));

        http.perform(put(PATH)
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(SIGNATURE_V2_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:bad-signature"));
    }

    @Test
    void aRequestIdWithControlCharactersIsRefused() throws Exception {
        http.perform(put(PATH)
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A))
                        .header("X-Request-Id", "a b"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:invalid-request-id"));

        verifyNoInteractions(commands);
    }
}
