package org.endorsements.command.security.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.endorsements.command.registry.OrganizationRegistry;
import org.endorsements.command.support.ControllerSliceTest;
import org.endorsements.command.support.SliceKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSliceTest
class WhoAmIControllerTest {

    @Autowired
    MockMvc http;

    @Autowired
    OrganizationRegistry registry;

    @BeforeEach
    void keys() {
        SliceKeys.registerKeys(registry);
    }

    @Test
    void anOrganizationsKeyIsAnsweredWithItsOrganization() throws Exception {
        http.perform(get("/api/credentials/me").header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caller").value("organization"))
                .andExpect(jsonPath("$.organizationId").value(SliceKeys.ORG_A.value()));
    }

    @Test
    void theAdminKeyIsAnsweredAsTheAdmin() throws Exception {
        http.perform(get("/api/credentials/me").header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caller").value("admin"))
                .andExpect(jsonPath("$.organizationId").doesNotExist());
    }

    @Test
    void anUnknownKeyIsUnauthorizedWithABearerChallenge() throws Exception {
        http.perform(get("/api/credentials/me").header("Authorization", SliceKeys.bearer("ek_not-a-key")))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:invalid-credentials"));
    }

    @Test
    void noKeyIsUnauthorized() throws Exception {
        http.perform(get("/api/credentials/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:missing-credentials"));
    }
}
