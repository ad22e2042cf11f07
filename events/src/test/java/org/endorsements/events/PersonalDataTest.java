package org.endorsements.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PersonalDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OrganizationId ORGANIZATION = OrganizationId.of("org-a");
    private static final SecretKey KEY = randomKey();

    private static SecretKey randomKey() {
        byte[] bytes = new byte[Sealed.KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return new SecretKeySpec(bytes, "AES");
    }

    private static OrganizationRegistered registered(String name) {
        return new OrganizationRegistered(
                ORGANIZATION, name, "VE", "Zulia", "ngo", "https://example.org", Instant.EPOCH, "admin");
    }

    @Test
    void aSealedOrganizationRegisteredCarriesNoPersonalFieldInPlainText() {
        byte[] value = EventMessageFormat.encodeSealed(registered("Marker Observatory 7f3a"), id -> KEY);

        String text = new String(value, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("Marker Observatory", "Zulia", "ngo", "example.org");
        assertThat(text).contains("\"country\":\"VE\"", "\"organizationId\":\"org-a\"");
    }

    @Test
    void aSealedEventOpensToTheEventItWas() {
        String type = EventMessageFormat.typeOf(OrganizationRegistered.class);
        byte[] value = EventMessageFormat.encodeSealed(registered("Marker Observatory"), id -> KEY);

        EventMessageFormat.Opened opened = EventMessageFormat.open(type, value, id -> Optional.of(KEY));

        assertThat(opened.readable()).isTrue();
        assertThat(EventMessageFormat.decode(type, opened.value())).isEqualTo(registered("Marker Observatory"));
    }

    @Test
    void anEventWhoseKeyWasDestroyedOpensWithItsPersonalFieldsNull() {
        String type = EventMessageFormat.typeOf(OrganizationRegistered.class);
        byte[] value = EventMessageFormat.encodeSealed(registered("Marker Observatory"), id -> KEY);

        EventMessageFormat.Opened opened = EventMessageFormat.open(type, value, id -> Optional.empty());

        OrganizationRegistered event = (OrganizationRegistered) EventMessageFormat.decode(type, opened.value());
        assertThat(opened.readable()).isFalse();
        assertThat(event.name()).isNull();
        assertThat(event.website()).isNull();
        assertThat(event.country()).isEqualTo("VE");
    }

    @Test
    void aSealedValueMovedToAnotherFieldDoesNotOpen() throws Exception {
        byte[] value = EventMessageFormat.encodeSealed(registered("Marker Observatory"), id -> KEY);
        ObjectNode json = (ObjectNode) JSON.readTree(value);
        json.set("region", json.get("name"));

        assertThatThrownBy(() -> EventMessageFormat.open(
                        EventMessageFormat.typeOf(OrganizationRegistered.class),
                        JSON.writeValueAsBytes(json),
                        id -> Optional.of(KEY)))
                .isInstanceOf(EventMessageFormat.UnreadableEventException.class);
    }

    @Test
    void aSealedValueOfAnotherOrganizationDoesNotOpen() {
        Sealed sealed = Sealed.seal(KEY, Sealed.aad(ORGANIZATION, "OrganizationRegistered", "name"), "Marker");

        assertThatThrownBy(() ->
                        sealed.open(KEY, Sealed.aad(OrganizationId.of("org-b"), "OrganizationRegistered", "name")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        byte[] aad = Sealed.aad(ORGANIZATION, "OrganizationRegistered", "name");

        assertThat(Sealed.seal(KEY, aad, "Marker")).isNotEqualTo(Sealed.seal(KEY, aad, "Marker"));
    }

    @Test
    void typesWithPersonalFieldsAreVersionTwoOnTheTopic() {
        assertThat(EventMessageFormat.typeOf(OrganizationRegistered.class))
                .isEqualTo("org.endorsements.OrganizationRegistered.v2");
        assertThat(EventMessageFormat.typeOf(EndorsementWithdrawn.class))
                .isEqualTo("org.endorsements.EndorsementWithdrawn.v2");
        assertThat(EventMessageFormat.typeOf(StatementClosed.class)).isEqualTo("org.endorsements.StatementClosed.v1");
    }

    @Test
    void everySealedTypeHasAVersionTwoSchema() throws Exception {
        for (Class<?> type : EndorsementEvent.class.getPermittedSubclasses()) {
            Class<? extends EndorsementEvent> event = type.asSubclass(EndorsementEvent.class);
            String schema = EventMessageFormat.schemaOf(event).substring("urn:endorsements:schema:".length());
            try (var in = EventMessageFormat.class.getResourceAsStream("/schemas/" + schema + ".json")) {
                assertThat(in).as(schema).isNotNull();
                JsonNode properties = JSON.readTree(in).get("properties");
                for (String field : PersonalData.fieldsOf(event)) {
                    assertThat(properties.get(field).get("contentEncoding").asText())
                            .as(schema + "." + field)
                            .isEqualTo("base64");
                }
            }
        }
    }
}
