package org.endorsements.command.personaldata.web;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.endorsements.command.personaldata.DataKeyStore;
import org.endorsements.command.registry.OrganizationRegistry;
import org.endorsements.command.support.ControllerSliceTest;
import org.endorsements.command.support.SliceKeys;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.ServiceKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSliceTest
class DataKeyControllerTest {

    private static final OrganizationId ORGANIZATION = OrganizationId.of("ovp");
    private static final SecretKey KEY = new SecretKeySpec(Arrays.copyOf(new byte[] {1, 2, 3}, 32), "AES");
    /** The key the query service derives from the same admin key when none is configured. */
    private static final String SERVICE_KEY =
            "Bearer " + ServiceKey.fromConfiguration(null, SliceKeys.ADMIN_KEY).bearerToken();

    @Autowired
    MockMvc http;

    @Autowired
    DataKeyStore keys;

    @Autowired
    OrganizationRegistry registry;

    @BeforeEach
    void keys() {
        SliceKeys.registerKeys(registry);
    }

    @Test
    void theServiceKeyGetsAnOrganizationsDataKey() throws Exception {
        when(keys.stateOf(ORGANIZATION)).thenReturn(DataKeyStore.State.PRESENT);
        when(keys.find(ORGANIZATION)).thenReturn(Optional.of(KEY));

        http.perform(get("/internal/data-keys/ovp").header("Authorization", SERVICE_KEY))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.organizationId").value("ovp"))
                .andExpect(jsonPath("$.dataKey").value(Base64.getEncoder().encodeToString(KEY.getEncoded())));
    }

    @Test
    void aDestroyedKeyIsGone() throws Exception {
        when(keys.stateOf(ORGANIZATION)).thenReturn(DataKeyStore.State.ERASED);

        http.perform(get("/internal/data-keys/ovp").header("Authorization", SERVICE_KEY))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:personal-data-erased"));
    }

    @Test
    void anOrganizationWithoutAKeyIsNotFound() throws Exception {
        when(keys.stateOf(ORGANIZATION)).thenReturn(DataKeyStore.State.UNKNOWN);

        http.perform(get("/internal/data-keys/ovp").header("Authorization", SERVICE_KEY))
                .andExpect(status().isNotFound());
    }

    @Test
    void theAdminKeyDoesNotReachTheDataKeys() throws Exception {
        when(keys.stateOf(ORGANIZATION)).thenReturn(DataKeyStore.State.PRESENT);
        when(keys.find(ORGANIZATION)).thenReturn(Optional.of(KEY));

        http.perform(get("/internal/data-keys/ovp").header("Authorization", SliceKeys.bearer(SliceKeys.ADMIN_KEY)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:endorsements:problem:service-key-required"))
                .andExpect(jsonPath("$.dataKey").doesNotExist());
    }

    @Test
    void anOrganizationsKeyDoesNotReachTheDataKeys() throws Exception {
        http.perform(get("/internal/data-keys/ovp").header("Authorization", SliceKeys.bearer(SliceKeys.KEY_A)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void noKeyDoesNotReachTheDataKeys() throws Exception {
        http.perform(get("/internal/data-keys/ovp")).andExpect(status().isUnauthorized());
    }
}
