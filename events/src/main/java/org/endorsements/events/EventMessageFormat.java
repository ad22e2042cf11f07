package org.endorsements.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.crypto.SecretKey;

/**
 * The Kafka message format of the {@code endorsement-events} topic: the CloudEvents Kafka protocol binding in
 * binary mode. Attributes travel as {@code ce_*} headers, the event record as the JSON value. See
 * {@code events/TOPIC.md} and the JSON Schemas under {@code schemas/} on this module's class path.
 */
public final class EventMessageFormat {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
    public static final String SOURCE = "urn:endorsements:command-service";

    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_SPEC_VERSION = "ce_specversion";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_SUBJECT = "ce_subject";
    public static final String HEADER_TIME = "ce_time";
    public static final String HEADER_DATA_SCHEMA = "ce_dataschema";
    /** Extension attribute: the event's sequence number within its aggregate (0 for the first event). */
    public static final String HEADER_SEQUENCE = "ce_sequence";
    /** Extension attribute: the aggregate type (Organization, Statement, Endorsement). */
    public static final String HEADER_AGGREGATE_TYPE = "ce_aggregatetype";

    public static final String HEADER_CONTENT_TYPE = "content-type";

    private static final String TYPE_PREFIX = "org.endorsements.";
    private static final Map<Class<? extends EndorsementEvent>, String> NAMES = Map.ofEntries(
            Map.entry(SigningKeyRegistered.class, "SigningKeyRegistered"),
            Map.entry(SigningKeyRevoked.class, "SigningKeyRevoked"),
            Map.entry(SigningKeyPinned.class, "SigningKeyPinned"),
            Map.entry(ApiCredentialIssued.class, "ApiCredentialIssued"),
            Map.entry(ApiCredentialRevoked.class, "ApiCredentialRevoked"),
            Map.entry(OrganizationRegistered.class, "OrganizationRegistered"),
            Map.entry(OrganizationSuspended.class, "OrganizationSuspended"),
            Map.entry(StatementPublished.class, "StatementPublished"),
            Map.entry(StatementClosed.class, "StatementClosed"),
            Map.entry(EndorsementAdded.class, "EndorsementAdded"),
            Map.entry(EndorsementWithdrawn.class, "EndorsementWithdrawn"),
            Map.entry(OrganizationHidden.class, "OrganizationHidden"),
            Map.entry(OrganizationPersonalDataErased.class, "OrganizationPersonalDataErased"),
            Map.entry(EndorsementVisibilityChanged.class, "EndorsementVisibilityChanged"),
            Map.entry(StatementTranslationAdded.class, "StatementTranslationAdded"),
            Map.entry(StatementAmended.class, "StatementAmended"),
            Map.entry(EndorsementReconfirmed.class, "EndorsementReconfirmed"),
            Map.entry(OrganizationProfileUpdated.class, "OrganizationProfileUpdated"),
            Map.entry(StatementTargetsSet.class, "StatementTargetsSet"),
            Map.entry(StatementGoalReached.class, "StatementGoalReached"),
            Map.entry(EndorsementInvalidated.class, "EndorsementInvalidated"),
            Map.entry(EndorsementReinstated.class, "EndorsementReinstated"),
            Map.entry(InvalidatedEndorsementWithdrawn.class, "InvalidatedEndorsementWithdrawn"));

    /**
     * Version of each type's payload; a breaking change adds a new type name, never reuses one. Types with sealed
     * personal fields ({@link PersonalData}) are version 2: their version 1 carried those fields in plain text.
     */
    private static String versionOf(Class<? extends EndorsementEvent> eventClass) {
        return PersonalData.isSealed(eventClass) ? ".v2" : ".v1";
    }

    /** {@code ce_type} to class, read for every record consumed. */
    private static final Map<String, Class<? extends EndorsementEvent>> BY_TYPE = NAMES.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(
                    e -> TYPE_PREFIX + e.getValue() + versionOf(e.getKey()), Map.Entry::getKey));

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventMessageFormat() {}

    /** The {@code ce_type} of an event, e.g. {@code org.endorsements.EndorsementAdded.v1}. */
    public static String typeOf(Class<? extends EndorsementEvent> eventClass) {
        String name = NAMES.get(eventClass);
        if (name == null) {
            throw new IllegalArgumentException("not part of the public stream: " + eventClass.getName());
        }
        return TYPE_PREFIX + name + versionOf(eventClass);
    }

    /** The event's name without prefix or version, e.g. {@code EndorsementAdded}: what sealed fields' AAD names. */
    public static String nameOf(Class<? extends EndorsementEvent> eventClass) {
        String name = NAMES.get(eventClass);
        if (name == null) {
            throw new IllegalArgumentException("not part of the public stream: " + eventClass.getName());
        }
        return name;
    }

    /** The {@code ce_dataschema} of an event type: the class path resource of its JSON Schema. */
    public static String schemaOf(Class<? extends EndorsementEvent> eventClass) {
        return "urn:endorsements:schema:" + NAMES.get(eventClass) + versionOf(eventClass);
    }

    public static Optional<Class<? extends EndorsementEvent>> classOf(String ceType) {
        return Optional.ofNullable(ceType).map(BY_TYPE::get);
    }

    public static boolean isPublic(Class<?> payloadType) {
        return NAMES.containsKey(payloadType);
    }

    public static byte[] encode(EndorsementEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event records always serialize", e);
        }
    }

    /** The message value of an event, its personal fields sealed with the organization's data key. */
    public static byte[] encodeSealed(EndorsementEvent event, Function<OrganizationId, SecretKey> sealingKeys) {
        ObjectNode json = MAPPER.valueToTree(event);
        PersonalData.seal(event.getClass(), nameOf(event.getClass()), json, sealingKeys);
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON trees always serialize", e);
        }
    }

    /**
     * A message value with its sealed fields opened (set to null when the organization's data key was destroyed);
     * the value as it came for types without personal fields.
     *
     * @throws UnreadableEventException for an unknown type, a value that does not parse or a field that does not open
     * @throws DataKeys.DataKeysUnavailableException when the data key cannot be obtained now
     */
    public static Opened open(String ceType, byte[] value, DataKeys keys) {
        Class<? extends EndorsementEvent> type =
                classOf(ceType).orElseThrow(() -> new UnreadableEventException("unknown event type " + ceType));
        if (!PersonalData.isSealed(type)) {
            return new Opened(value, true);
        }
        try {
            JsonNode tree = MAPPER.readTree(value);
            if (!(tree instanceof ObjectNode json)) {
                throw new UnreadableEventException("value of " + ceType + " is not a JSON object");
            }
            boolean readable = PersonalData.open(type, nameOf(type), json, keys);
            return new Opened(MAPPER.writeValueAsBytes(json), readable);
        } catch (IOException | IllegalArgumentException e) {
            throw new UnreadableEventException("value of " + ceType + " does not open: " + e.getMessage());
        }
    }

    /**
     * A message value with its personal fields in plain text.
     *
     * @param readable false when the organization's data key was destroyed and its personal fields are null
     */
    public record Opened(byte[] value, boolean readable) {}

    /**
     * Decodes a message value.
     *
     * @throws UnreadableEventException for an unknown type or a value that does not parse
     */
    public static EndorsementEvent decode(String ceType, byte[] value) {
        Class<? extends EndorsementEvent> type =
                classOf(ceType).orElseThrow(() -> new UnreadableEventException("unknown event type " + ceType));
        try {
            EndorsementEvent event = MAPPER.readValue(value, type);
            if (event == null) {
                throw new UnreadableEventException("empty value for " + ceType);
            }
            return event;
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new UnreadableEventException("value of " + ceType + " does not parse: " + e.getMessage());
        }
    }

    public static final class UnreadableEventException extends RuntimeException {
        public UnreadableEventException(String message) {
            super(message);
        }
    }
}
