package org.endorsements.command.statement.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.endorsements.command.registry.OrganizationRegistry;
import org.endorsements.command.registry.StatementRegistry;
import org.endorsements.command.shared.DomainRuleViolation;
import org.endorsements.command.shared.web.SliceWeb;
import org.endorsements.command.statement.AddStatementTranslationCommand;
import org.endorsements.command.statement.AmendStatementCommand;
import org.endorsements.command.statement.CloseStatementCommand;
import org.endorsements.command.statement.PublishStatementCommand;
import org.endorsements.command.statement.StatementTextOutcome;
import org.endorsements.command.support.ControllerSliceTest;
import org.endorsements.command.support.SliceKeys;
import org.endorsements.events.SignaturePolicy;
import org.endorsements.events.StatementId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSliceTest
class StatementControllerTest {

    private static final String STATEMENT_JSON =
            "{\"statementId\":\"icc-statement\",\"title\":\"T\",\"body\":\"B\",\"language\":\"en\"}";
    private static final String HASH = "a".repeat(64);
    private static final StatementId STATEMENT = StatementId.of("icc-statement");

    @Autowired
    MockMvc http;

    @Autowired
    CommandGateway commands;

    @Autowired
    OrganizationRegistry registry;

    @Autowired
    StatementRegistry statements;

    @BeforeEach
    void keys() {
        SliceKeys.registerKeys(registry);
        when(statements.find(STATEMENT)).thenReturn(Optional.of(new StatementRegistry.Entry(STATEMENT, HASH, false)));
    }

    private static String token(String fields) {
        return SliceKeys.position(fields);
    }

    @Test
    void anAdminPublishesAStatementAndGetsItsHashAndTheTokenOfItsFirstEvent() throws Exception {
        when(commands.sendAndWait(any())).thenReturn(HASH);

        http.perform(post("/api/statements")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(STATEMENT_JSON))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/statements/icc-statement"))
                .andExpect(header().string("X-Event-Position", token("Statement|icc-statement|0")))
                .andExpect(jsonPath("$.statementId").value("icc-statement"))
                .andExpect(jsonPath("$.contentHash").value(HASH));

        ArgumentCaptor<PublishStatementCommand> sent = ArgumentCaptor.forClass(PublishStatementCommand.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue())
                .isEqualTo(new PublishStatementCommand(
                        StatementId.of("icc-statement"), "T", "B", "en", null, null, SliceWeb.NOW));
    }

    @Test
    void aWrongKeyIsUnauthorizedAndSendsNoCommand() throws Exception {
        http.perform(post("/api/statements")
                        .header("Authorization", SliceKeys.bearer("ek_not-a-key"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(STATEMENT_JSON))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:invalid-credentials"));

        verifyNoInteractions(commands);
    }

    @Test
    void anOrganizationCannotPublishAStatement() throws Exception {
        http.perform(post("/api/statements")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(STATEMENT_JSON))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:admin-only"));

        verifyNoInteractions(commands);
    }

    @Test
    void closingReturnsTheTokenOfTheSequenceTheAggregateReports() throws Exception {
        when(commands.sendAndWait(any())).thenReturn(3L);

        http.perform(post("/api/statements/icc-statement/close")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY)))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Event-Position", token("Statement|icc-statement|3")))
                .andExpect(jsonPath("$.statementId").value("icc-statement"));

        verify(commands).sendAndWait(new CloseStatementCommand(StatementId.of("icc-statement"), SliceWeb.NOW));
    }

    @Test
    void anAdminPublishesAStatementThatRequiresSignatures() throws Exception {
        when(commands.sendAndWait(any())).thenReturn(HASH);

        http.perform(post("/api/statements")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"statementId\":\"icc-statement\",\"title\":\"T\",\"body\":\"B\","
                                + "\"language\":\"en\",\"signaturePolicy\":\"required\"}"))
                .andExpect(status().isCreated());

        ArgumentCaptor<PublishStatementCommand> sent = ArgumentCaptor.forClass(PublishStatementCommand.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().signaturePolicy()).isEqualTo(SignaturePolicy.REQUIRED);
    }

    @Test
    void anUnknownSignaturePolicyIsA400() throws Exception {
        http.perform(post("/api/statements")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"T\",\"body\":\"B\",\"language\":\"en\","
                                + "\"signaturePolicy\":\"sometimes\"}"))
                .andExpect(status().isBadRequest());

        verifyNoInteractions(commands);
    }

    /** Organizations share the id space: Axon would load an organization's events into a Statement. */
    @Test
    void closingAnIdThatIsNoStatementIsA404AndSendsNoCommand() throws Exception {
        when(statements.find(StatementId.of("provea"))).thenReturn(Optional.empty());

        http.perform(post("/api/statements/provea/close")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:not-found"))
                .andExpect(jsonPath("$.detail").value("There is no such organization or statement."));

        verifyNoInteractions(commands);
    }

    @Test
    void malformedJsonIsABadRequestWithoutParserDetails() throws Exception {
        String body = http.perform(post("/api/statements")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:malformed-request"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(body).doesNotContain("Jackson", "Exception", "at org.");
        verifyNoInteractions(commands);
    }

    @Test
    void aBodyOver64KibIsRefusedAndNoCommandIsSent() throws Exception {
        String huge = "{\"title\":\"T\",\"body\":\"" + "x".repeat(70_000) + "\",\"language\":\"en\"}";

        http.perform(post("/api/statements")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(huge))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:body-too-large"));

        verifyNoInteractions(commands);
    }

    @Test
    void aRuleTheAggregateEnforcesIsA422NamingIt() throws Exception {
        when(commands.sendAndWait(any()))
                .thenThrow(DomainRuleViolation.invalid("invalid-language", "language must be a BCP 47 tag"));

        http.perform(post("/api/statements")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"T\",\"body\":\"B\",\"language\":\"!!\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:invalid-language"));
    }

    @Test
    void aMalformedPathVariableIsA400AndNoCommandIsSent() throws Exception {
        http.perform(post("/api/statements/NOT_A_SLUG/close")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.startsWith("urn:endorsements:problem:")));

        verifyNoInteractions(commands);
    }

    private static final String TRANSLATION_JSON =
            "{\"language\":\"es\",\"title\":\"T\",\"body\":\"B\",\"translator\":\"Ana Pérez\"}";

    @Test
    void anAdminAddsATranslationAndGetsItsHashAndTheVersionsAndTheTokenOfItsEvent() throws Exception {
        String translation = "c".repeat(64);
        when(commands.sendAndWait(any())).thenReturn(new StatementTextOutcome(translation, 1));

        http.perform(post("/api/statements/icc-statement/translations")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(TRANSLATION_JSON))
                .andExpect(status().isCreated())
                .andExpect(header().string("X-Event-Position", token("Statement|icc-statement|1")))
                .andExpect(jsonPath("$.contentHash").value(translation))
                .andExpect(jsonPath("$.versionContentHash").value(HASH));

        verify(commands)
                .sendAndWait(new AddStatementTranslationCommand(
                        STATEMENT, "es", "T", "B", "Ana Pérez", false, SliceWeb.NOW));
    }

    @Test
    void anOrganizationCannotAddATranslation() throws Exception {
        http.perform(post("/api/statements/icc-statement/translations")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(TRANSLATION_JSON))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:admin-only"));

        verifyNoInteractions(commands);
    }

    @Test
    void aTranslationOfAStatementThatDoesNotExistIsA404AndSendsNoCommand() throws Exception {
        http.perform(post("/api/statements/no-such-statement/translations")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(TRANSLATION_JSON))
                .andExpect(status().isNotFound());

        verifyNoInteractions(commands);
    }

    @Test
    void anAdminAmendsTheTextAndGetsTheNewVersionsHash() throws Exception {
        String v2 = "d".repeat(64);
        when(commands.sendAndWait(any())).thenReturn(new StatementTextOutcome(v2, 2));

        http.perform(post("/api/statements/icc-statement/amendments")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"T\",\"body\":\"B2\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("X-Event-Position", token("Statement|icc-statement|2")))
                .andExpect(jsonPath("$.contentHash").value(v2));

        verify(commands).sendAndWait(new AmendStatementCommand(STATEMENT, "T", "B2", null, SliceWeb.NOW));
    }

    @Test
    void anOrganizationCannotAmendAStatement() throws Exception {
        http.perform(post("/api/statements/icc-statement/amendments")
                        .header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"T\",\"body\":\"B2\"}"))
                .andExpect(status().isForbidden());

        verifyNoInteractions(commands);
    }
}
