package org.endorsements.command.support;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.lenient;

import java.util.Optional;
import org.endorsements.command.registry.OrganizationRegistry;
import org.endorsements.command.shared.ApiKeys;
import org.endorsements.events.AggregateType;
import org.endorsements.events.ConsistencyTokenKey;
import org.endorsements.events.OrganizationId;

/** The keys of a controller slice: the admin's, and one active key of each of two organizations. */
public final class SliceKeys {

    public static final String ADMIN_KEY = "slice-admin-key-0123456789abcdef";
    public static final OrganizationId ORG_A = OrganizationId.of("acceso-a-la-justicia");
    public static final OrganizationId ORG_B = OrganizationId.of("provea");
    public static final String KEY_A = "ek_organization-a-key";
    public static final String KEY_B = "ek_organization-b-key";
    public static final String CREDENTIAL_A = "cred-a";
    public static final String CREDENTIAL_B = "cred-b";

    private SliceKeys() {}

    /** Makes the mocked registry know both organizations' keys; any other key is unknown (401). */
    public static void registerKeys(OrganizationRegistry registry) {
        lenient().when(registry.activeCredential(anyString())).thenReturn(Optional.empty());
        lenient()
                .when(registry.activeCredential(ApiKeys.hash(KEY_A)))
                .thenReturn(Optional.of(new OrganizationRegistry.Credential(ORG_A, CREDENTIAL_A, ApiKeys.hash(KEY_A))));
        lenient()
                .when(registry.activeCredential(ApiKeys.hash(KEY_B)))
                .thenReturn(Optional.of(new OrganizationRegistry.Credential(ORG_B, CREDENTIAL_B, ApiKeys.hash(KEY_B))));
    }

    /**
     * The {@code X-Event-Position} a slice answers with for {@code <aggregate type>|<aggregate id>|<sequence>}:
     * signed with the key derived from the slice's admin key, as the query service would check it.
     */
    public static String position(String fields) {
        String[] parts = fields.split("\\|", -1);
        return ConsistencyTokenKey.fromConfiguration(null, ADMIN_KEY)
                .sign(AggregateType.fromWireName(parts[0]).orElseThrow(), parts[1], Long.parseLong(parts[2]))
                .encode();
    }

    public static String bearer(String key) {
        return "Bearer " + key;
    }
}
