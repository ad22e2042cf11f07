package org.endorsements.command.organization.web;

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

import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.endorsements.command.organization.RegisterSigningKeyCommand;
import org.endorsements.command.organization.RevokeSigningKeyCommand;
import org.endorsements.command.organization.SigningKeyOutcome;
import org.endorsements.command.registry.OrganizationRegistry;
import org.endorsements.command.shared.DomainRuleViolation;
import org.endorsements.command.shared.web.SliceWeb;
import org.endorsements.command.support.ControllerSliceTest;
import org.endorsements.command.support.SliceKeys;
import org.endorsements.events.KeyCertification;
import org.endorsements.events.SigningKeyId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSliceTest
class SigningKeyControllerTest {

    private static final String PATH = "/api/organizations/" + SliceKeys.ORG_A.value() + "/signing-keys/k1";
    private static final String PUBLIC_KEY = "entna3MnNArbYwywZx5S34NyBdBFhoe3UxlsfgtWf1k=";
    private static final String SIGNATURE = "A".repeat(86) + "==";

    @Autowired
    MockMvc http;

    @Autowired
    CommandGateway commands;

    @Autowired
    OrganizationRegistry registry;

    @BeforeEach
    void keys() {
        SliceKeys.registerKeys(registry);
        when(registry.isRegistered(SliceKeys.ORG_A)).thenReturn(true);
    }

    private static String certified(String signedAt) {
        return "{\"publicKey\":\"" + PUBLIC_KEY + "\",\"certification\":{\"signerKeyId\":\"k1\",\"signedAt\":\""
                + signedAt + "\",\"nonce\":\"0123456789abcdef\",\"value\":\"" + SIGNATURE + "\"}}";
    }

    @Test
    void anOrganizationRegistersACertifiedKeyAndGetsTheTokenOfItsEvent() throws Exception {
        when(commands.sendAndWait(any())).thenReturn(new SigningKeyOutcome(true, 3));

        http.perform(put(PATH)
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(certified("2026-11-01T09:59:00Z")))
                .andExpect(status().isCreated())
                .andExpect(header().exists("X-Event-Position"))
                .andExpect(jsonPath("$.keyId").value("k1"));

        verify(commands)
                .sendAndWait(new RegisterSigningKeyCommand(
                        SliceKeys.ORG_A,
                        SigningKeyId.of("k1"),
                        PUBLIC_KEY,
                        new KeyCertification(
                                SigningKeyId.of("k1"),
                                Instant.parse("2026-11-01T09:59:00Z"),
                                "0123456789abcdef",
                                SIGNATURE),
                        null,
                        SliceWeb.NOW));
    }

    @Test
    void registeringTheSameKeyAgainIsA200() throws Exception {
        when(commands.sendAndWait(any())).thenReturn(new SigningKeyOutcome(false, 3));

        http.perform(put(PATH)
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(certified("2026-11-01T09:59:00Z")))
                .andExpect(status().isOk());
    }

    @Test
    void anAdminRegistersARecoveryKeyWithItsReason() throws Exception {
        when(commands.sendAndWait(any())).thenReturn(new SigningKeyOutcome(true, 3));

        http.perform(put(PATH)
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"publicKey\":\"" + PUBLIC_KEY + "\",\"recoveryReason\":\"lost in a raid\"}"))
                .andExpect(status().isCreated());

        ArgumentCaptor<RegisterSigningKeyCommand> sent = ArgumentCaptor.forClass(RegisterSigningKeyCommand.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().recoveryReason()).isEqualTo("lost in a raid");
        assertThat(sent.getValue().certification()).isNull();
    }

    @Test
    void aSigningTimeNotInTheDocumentedFormIsA400BeforeAnyCommand() throws Exception {
        http.perform(put(PATH)
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(certified("2026-11-01T09:59:00.000Z")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:invalid-certification"));

        verifyNoInteractions(commands);
    }

    @Test
    void aKeyIdThatIsNoSlugIsA400() throws Exception {
        http.perform(put("/api/organizations/" + SliceKeys.ORG_A.value() + "/signing-keys/Not_A_Slug")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(certified("2026-11-01T09:59:00Z")))
                .andExpect(status().isBadRequest());

        verifyNoInteractions(commands);
    }

    @Test
    void anotherOrganizationCannotRegisterAKeyForIt() throws Exception {
        http.perform(put(PATH)
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_B))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(certified("2026-11-01T09:59:00Z")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:not-your-organization"));

        verifyNoInteractions(commands);
    }

    /** The neutral point: the JDK verifies (R = neutral, S = 0) by it on every message. */
    @Test
    void aSmallOrderPublicKeyIsA400ProblemBeforeAnyCommand() throws Exception {
        http.perform(put(PATH)
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"publicKey\":\"AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\","
                                + "\"certification\":{\"signerKeyId\":\"k1\",\"signedAt\":\"2026-11-01T09:59:00Z\","
                                + "\"nonce\":\"0123456789abcdef\",\"value\":\"" + SIGNATURE + "\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:weak-public-key"));

        verifyNoInteractions(commands);
    }

    @Test
    void anAdminRecoveryForAnOrganizationThatNeverHadAKeyIsA409Problem() throws Exception {
        when(commands.sendAndWait(any()))
                .thenThrow(DomainRuleViolation.conflict("no-key-to-recover", "there is no key to recover"));

        http.perform(put(PATH)
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"publicKey\":\"" + PUBLIC_KEY + "\",\"recoveryReason\":\"lost in a raid\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:no-key-to-recover"));
    }

    @Test
    void aCertificationThatDoesNotVerifyIsA400Problem() throws Exception {
        when(commands.sendAndWait(any()))
                .thenThrow(DomainRuleViolation.rejected("bad-signature", "the certification does not verify"));

        http.perform(put(PATH)
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(certified("2026-11-01T09:59:00Z")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:bad-signature"));
    }

    @Test
    void anOrganizationRevokesItsKeyWithAReason() throws Exception {
        when(commands.sendAndWait(any())).thenReturn(new SigningKeyOutcome(true, 4));

        http.perform(delete(PATH)
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"laptop stolen\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.current").value(false));

        verify(commands)
                .sendAndWait(new RevokeSigningKeyCommand(
                        SliceKeys.ORG_A, SigningKeyId.of("k1"), "laptop stolen", SliceWeb.NOW));
    }

    @Test
    void aKeyOfAnOrganizationThatDoesNotExistIsA404() throws Exception {
        http.perform(delete("/api/organizations/no-such-org/signing-keys/k1")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY)))
                .andExpect(status().isNotFound());

        verifyNoInteractions(commands);
    }
}
