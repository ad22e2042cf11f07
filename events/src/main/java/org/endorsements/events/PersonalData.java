package org.endorsements.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.SecretKey;

/**
 * Which fields of which events identify an organization, and how they are sealed and opened in an event's JSON. The
 * event records themselves hold plain values: sealing happens where an event leaves the process (the event store's
 * serializer, the relay's record), opening where it enters (the event store's deserializer, the query side's
 * consumer). Each field is sealed with the data key of the event's {@code organizationId}, its AAD naming the
 * organization, the event name and the field ({@link Sealed#aad}). A null field stays null.
 *
 * <p>{@code country} is not sealed: it is one of some 250 codes, shared by many organizations, and the public
 * breakdowns count by it; an erased organization keeps being counted in its country.
 */
public final class PersonalData {

    private static final Map<Class<? extends EndorsementEvent>, List<String>> FIELDS = Map.of(
            OrganizationRegistered.class, List.of("name", "handle", "region", "kind", "website"),
            OrganizationProfileUpdated.class, List.of("region", "kind", "website"),
            OrganizationHidden.class, List.of("reason"),
            EndorsementAdded.class, List.of("organizationName"),
            EndorsementWithdrawn.class, List.of("reason"),
            InvalidatedEndorsementWithdrawn.class, List.of("reason"));

    private PersonalData() {}

    /** Whether events of this type carry sealed fields (their type names are version 2 on the topic). */
    public static boolean isSealed(Class<?> type) {
        return FIELDS.containsKey(type);
    }

    /** The sealed fields of an event type, empty for one that has none. */
    public static List<String> fieldsOf(Class<?> type) {
        return FIELDS.getOrDefault(type, List.of());
    }

    /** Replaces each plain personal field of the event's JSON by its sealed value, in place. */
    public static void seal(
            Class<?> type, String eventName, ObjectNode json, Function<OrganizationId, SecretKey> sealingKeys) {
        List<String> fields = fieldsOf(type);
        if (fields.isEmpty()) {
            return;
        }
        OrganizationId organizationId = organizationOf(json);
        SecretKey key = null;
        for (String field : fields) {
            JsonNode value = json.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (key == null) {
                key = sealingKeys.apply(organizationId);
            }
            if (key == null) {
                // An erased organization has no key left: a field it still gets (an admin's withdrawal reason, say)
                // is recorded as absent, since there is nothing to seal it with and it must never be stored plain.
                json.putNull(field);
                continue;
            }
            json.put(
                    field,
                    Sealed.seal(key, Sealed.aad(organizationId, eventName, field), value.asText())
                            .value());
        }
    }

    /**
     * Replaces each sealed field by its plain value, in place. When the organization's key was destroyed every
     * personal field becomes null and the answer is false ("erased"); otherwise true.
     *
     * @throws IllegalArgumentException when a field is not a sealed value of this organization, event and field
     * @throws DataKeys.DataKeysUnavailableException when the key cannot be obtained now
     */
    public static boolean open(Class<?> type, String eventName, ObjectNode json, DataKeys keys) {
        List<String> fields = fieldsOf(type);
        if (fields.isEmpty()) {
            return true;
        }
        OrganizationId organizationId = organizationOf(json);
        Optional<SecretKey> key = null;
        for (String field : fields) {
            JsonNode value = json.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (key == null) {
                key = keys.find(organizationId);
            }
            if (key.isEmpty()) {
                json.putNull(field);
                continue;
            }
            if (!value.isTextual()) {
                throw new IllegalArgumentException(eventName + "." + field + " is not a sealed value");
            }
            json.put(field, Sealed.of(value.asText()).open(key.get(), Sealed.aad(organizationId, eventName, field)));
        }
        return key == null || key.isPresent();
    }

    private static OrganizationId organizationOf(ObjectNode json) {
        JsonNode id = json.get("organizationId");
        if (id == null || !id.isTextual()) {
            throw new IllegalArgumentException("an event with personal fields names its organization");
        }
        return OrganizationId.of(id.asText());
    }
}
