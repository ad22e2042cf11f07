package org.endorsements.command.organization.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.endorsements.command.organization.EraseOrganizationPersonalDataCommand;
import org.endorsements.command.organization.HideOrganizationCommand;
import org.endorsements.command.organization.IssueCredentialCommand;
import org.endorsements.command.organization.RegisterOrganizationCommand;
import org.endorsements.command.organization.RevokeCredentialCommand;
import org.endorsements.command.organization.SuspendOrganizationCommand;
import org.endorsements.command.organization.UpdateOrganizationProfileCommand;
import org.endorsements.command.registry.OrganizationRegistry;
import org.endorsements.command.shared.ApiKeys;
import org.endorsements.command.shared.web.SliceWeb;
import org.endorsements.command.support.ControllerSliceTest;
import org.endorsements.command.support.SliceKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@ControllerSliceTest
class OrganizationControllerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORG_A = SliceKeys.ORG_A.value();

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

    private static String token(String fields) {
        return SliceKeys.position(fields);
    }

    private ResultActions register(String json) throws Exception {
        return http.perform(post("/api/organizations")
                .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    @Test
    void registeringReturnsTheNewKeyOnceAndSendsOnlyItsHash() throws Exception {
        String body = register("{\"organizationId\":\"provea\",\"name\":\"Provea\",\"country\":\"VE\"}")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/organizations/provea"))
                .andExpect(header().string("X-Event-Position", token("Organization|provea|0")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        JsonNode answer = JSON.readTree(body);
        ArgumentCaptor<RegisterOrganizationCommand> sent = ArgumentCaptor.forClass(RegisterOrganizationCommand.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(answer.path("apiKey").asText()).startsWith("ek_");
        assertThat(sent.getValue().keyHash())
                .isEqualTo(ApiKeys.hash(answer.path("apiKey").asText()));
        assertThat(sent.getValue().credentialId())
                .isEqualTo(answer.path("credentialId").asText());
        assertThat(sent.getValue().at()).isEqualTo(SliceWeb.NOW);
        assertThat(body).doesNotContain(sent.getValue().keyHash());
    }

    @Test
    void aNewOrganizationGetsAnOpaqueIdAndItsNameWithoutAccentsAsHandle() throws Exception {
        String body = register("{\"name\":\"Observatorio Venezolano de Prisiones Ñ 7\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.handle").value("observatorio-venezolano-de-prisiones-n-7"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        String id = JSON.readTree(body).path("organizationId").asText();
        assertThat(id).matches("org-[a-z2-7]{16}");
        ArgumentCaptor<RegisterOrganizationCommand> sent = ArgumentCaptor.forClass(RegisterOrganizationCommand.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().organizationId().value()).isEqualTo(id);
        assertThat(sent.getValue().handle()).isEqualTo("observatorio-venezolano-de-prisiones-n-7");
    }

    @Test
    void aGivenHandleIsKeptAndTheIdIsStillOpaque() throws Exception {
        register("{\"name\":\"Provea\",\"handle\":\"provea-ve\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.handle").value("provea-ve"))
                .andExpect(jsonPath("$.organizationId").value(org.hamcrest.Matchers.startsWith("org-")));
    }

    @Test
    void anImportsGivenIdIsKeptAndIsItsHandle() throws Exception {
        register("{\"organizationId\":\"provea\",\"name\":\"Provea\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.organizationId").value("provea"))
                .andExpect(jsonPath("$.handle").value("provea"));
    }

    @Test
    void aGivenIdThatIsTakenIsA409AlreadyExistsAndSendsNoCommand() throws Exception {
        register("{\"organizationId\":\"" + ORG_A + "\",\"name\":\"Again\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:already-exists"));

        verifyNoInteractions(commands);
    }

    @Test
    void aTakenHandleIsA409AndSendsNoCommand() throws Exception {
        when(registry.isHandleTaken("provea")).thenReturn(true);

        register("{\"name\":\"Provea\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:handle-taken"))
                .andExpect(jsonPath("$.handle").value("provea"));

        verifyNoInteractions(commands);
    }

    @Test
    void aHandleThatIsNoSlugIsA400() throws Exception {
        register("{\"name\":\"Provea\",\"handle\":\"Pro Vea\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:invalid-handle"));

        verifyNoInteractions(commands);
    }

    @Test
    void anOrganizationErasesItsPersonalDataAndGetsTheTokenOfTheErasure() throws Exception {
        when(commands.sendAndWait(any())).thenReturn(5L);

        http.perform(delete("/api/organizations/" + ORG_A + "/personal-data")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A)))
                .andExpect(status().isNoContent())
                .andExpect(header().string("X-Event-Position", token("Organization|" + ORG_A + "|5")));

        verify(commands).sendAndWait(new EraseOrganizationPersonalDataCommand(SliceKeys.ORG_A, null, SliceWeb.NOW));
    }

    @Test
    void anAdminErasesAnOrganizationWithAReason() throws Exception {
        when(commands.sendAndWait(any())).thenReturn(5L);

        http.perform(delete("/api/organizations/" + ORG_A + "/personal-data")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"signed request, ticket 52\"}"))
                .andExpect(status().isNoContent());

        verify(commands)
                .sendAndWait(new EraseOrganizationPersonalDataCommand(
                        SliceKeys.ORG_A, "signed request, ticket 52", SliceWeb.NOW));
    }

    @Test
    void anotherOrganizationCannotEraseAnOrganization() throws Exception {
        http.perform(delete("/api/organizations/" + ORG_A + "/personal-data")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_B)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:not-your-organization"));

        verifyNoInteractions(commands);
    }

    @Test
    void erasingWithoutAKeyIsA401() throws Exception {
        http.perform(delete("/api/organizations/" + ORG_A + "/personal-data")).andExpect(status().isUnauthorized());

        verifyNoInteractions(commands);
    }

    @Test
    void erasingAnIdThatIsNoRegisteredOrganizationIsA404AndSendsNoCommand() throws Exception {
        http.perform(delete("/api/organizations/icc-statement/personal-data")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"r\"}"))
                .andExpect(status().isNotFound());

        verifyNoInteractions(commands);
    }

    @Test
    void anErasureReasonThatIsNoTextIsA400() throws Exception {
        http.perform(delete("/api/organizations/" + ORG_A + "/personal-data")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":42}"))
                .andExpect(status().isBadRequest());

        verifyNoInteractions(commands);
    }

    @Test
    void onlyAnAdminRegistersOrganizations() throws Exception {
        http.perform(post("/api/organizations")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Provea\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:admin-only"));

        verifyNoInteractions(commands);
    }

    @Test
    void anOrganizationRotatesItsOwnKey() throws Exception {
        String body = http.perform(post("/api/organizations/" + ORG_A + "/credentials")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A)))
                .andExpect(status().isCreated())
                .andExpect(header().string("X-Event-Position", token("Organization|" + ORG_A + "|0")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        ArgumentCaptor<IssueCredentialCommand> sent = ArgumentCaptor.forClass(IssueCredentialCommand.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().organizationId()).isEqualTo(SliceKeys.ORG_A);
        assertThat(sent.getValue().keyHash())
                .isEqualTo(ApiKeys.hash(JSON.readTree(body).path("apiKey").asText()));
    }

    @Test
    void anotherOrganizationCannotRotateTheKey() throws Exception {
        http.perform(post("/api/organizations/" + ORG_A + "/credentials")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_B)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:not-your-organization"));

        verifyNoInteractions(commands);
    }

    @Test
    void revokingAnswers204WithTheRegistrationsToken() throws Exception {
        http.perform(delete("/api/organizations/" + ORG_A + "/credentials")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY)))
                .andExpect(status().isNoContent())
                .andExpect(header().string("X-Event-Position", token("Organization|" + ORG_A + "|0")));

        verify(commands).sendAndWait(new RevokeCredentialCommand(SliceKeys.ORG_A, SliceWeb.NOW));
    }

    @Test
    void suspendingReturnsTheTokenOfTheSuspension() throws Exception {
        when(commands.sendAndWait(any())).thenReturn(2L);

        http.perform(post("/api/organizations/" + ORG_A + "/suspend")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"impersonation\"}"))
                .andExpect(status().isNoContent())
                .andExpect(header().string("X-Event-Position", token("Organization|" + ORG_A + "|2")));

        verify(commands).sendAndWait(new SuspendOrganizationCommand(SliceKeys.ORG_A, "impersonation", SliceWeb.NOW));
    }

    @Test
    void anOrganizationHidesItselfAndGetsTheTokenOfTheHide() throws Exception {
        when(commands.sendAndWait(any())).thenReturn(3L);

        http.perform(post("/api/organizations/" + ORG_A + "/hide")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A)))
                .andExpect(status().isNoContent())
                .andExpect(header().string("X-Event-Position", token("Organization|" + ORG_A + "|3")));

        verify(commands).sendAndWait(new HideOrganizationCommand(SliceKeys.ORG_A, null, SliceWeb.NOW));
    }

    @Test
    void anAdminHidesAnOrganizationWithAReason() throws Exception {
        when(commands.sendAndWait(any())).thenReturn(3L);

        http.perform(post("/api/organizations/" + ORG_A + "/hide")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"asked by phone\"}"))
                .andExpect(status().isNoContent());

        verify(commands).sendAndWait(new HideOrganizationCommand(SliceKeys.ORG_A, "asked by phone", SliceWeb.NOW));
    }

    @Test
    void anOrganizationUpdatesItsProfileAndGetsTheTokenOfTheUpdate() throws Exception {
        when(commands.sendAndWait(any())).thenReturn(4L);

        http.perform(put("/api/organizations/" + ORG_A + "/profile")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"country\":\"VE\",\"region\":\"Zulia\",\"kind\":\"union\","
                                + "\"website\":\"https://example.org\"}"))
                .andExpect(status().isNoContent())
                .andExpect(header().string("X-Event-Position", token("Organization|" + ORG_A + "|4")));

        verify(commands)
                .sendAndWait(new UpdateOrganizationProfileCommand(
                        SliceKeys.ORG_A, "VE", "Zulia", "union", "https://example.org", SliceWeb.NOW));
    }

    @Test
    void anAdminUpdatesAnOrganizationsProfile() throws Exception {
        when(commands.sendAndWait(any())).thenReturn(4L);

        http.perform(put("/api/organizations/" + ORG_A + "/profile")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"country\":\"VE\"}"))
                .andExpect(status().isNoContent());

        verify(commands)
                .sendAndWait(
                        new UpdateOrganizationProfileCommand(SliceKeys.ORG_A, "VE", null, null, null, SliceWeb.NOW));
    }

    @Test
    void anotherOrganizationCannotUpdateAnOrganizationsProfile() throws Exception {
        http.perform(put("/api/organizations/" + ORG_A + "/profile")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_B))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"country\":\"VE\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:not-your-organization"));

        verifyNoInteractions(commands);
    }

    @Test
    void anotherOrganizationCannotHideAnOrganization() throws Exception {
        http.perform(post("/api/organizations/" + ORG_A + "/hide")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_B)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:not-your-organization"));

        verifyNoInteractions(commands);
    }

    /** Statements share the id space: Axon would load a statement's events into an Organization. */
    @Test
    void suspendingAnIdThatIsNoRegisteredOrganizationIsA404AndSendsNoCommand() throws Exception {
        http.perform(post("/api/organizations/icc-statement/suspend")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:not-found"))
                .andExpect(jsonPath("$.detail").value("There is no such organization or statement."));

        verifyNoInteractions(commands);
    }

    @ParameterizedTest(name = "name: {0}")
    @ValueSource(strings = {"123", "1.5", "true", "false", "[\"a\"]", "{\"a\":1}"})
    void aNonTextWhereTextBelongsIsA400NamingTheField(String value) throws Exception {
        register("{\"name\":" + value + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:invalid-field"))
                .andExpect(jsonPath("$.field").value("name"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("name")));

        verifyNoInteractions(commands);
    }

    @Test
    void anUnknownPropertyIsA400NamingIt() throws Exception {
        register("{\"name\":\"Org\",\"isAdmin\":true}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:unknown-property"))
                .andExpect(jsonPath("$.field").value("isAdmin"));

        verifyNoInteractions(commands);
    }

    @Test
    void aRepeatedPropertyIsRefused() throws Exception {
        register("{\"name\":\"First\",\"name\":\"Second\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:malformed-request"));

        verifyNoInteractions(commands);
    }

    @Test
    void anythingAfterTheJsonValueIsRefused() throws Exception {
        register("{\"name\":\"Org\"} {\"name\":\"Again\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:malformed-request"));

        verifyNoInteractions(commands);
    }

    @Test
    void anIdThatIsNoSlugIsA400() throws Exception {
        register("{\"organizationId\":\"Not A Slug\",\"name\":\"Org\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:invalid-identifier"));

        verifyNoInteractions(commands);
    }
}
