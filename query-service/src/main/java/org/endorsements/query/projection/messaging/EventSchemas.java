package org.endorsements.query.projection.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.endorsements.events.EndorsementEvent;
import org.endorsements.events.EventMessageFormat;

/**
 * The JSON Schemas of the events contract ({@code events/src/main/resources/schemas/}), one per CloudEvents type.
 * A record that parses but breaks its schema ({@code {}}, a number where a string belongs, a missing field) would
 * otherwise reach the projector as an event with nulls and fail the whole batch on every retry.
 *
 * <p>Consumer side only: {@code additionalProperties: false} is dropped from each schema, because the contract
 * (events/TOPIC.md) lets the producer add optional fields without a new type name and tells consumers to ignore
 * fields they do not know. The producer is held to the strict schemas by the command service's tests.
 */
final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA_URN = "urn:endorsements:schema:";
    private static final int MAX_REPORTED_ERRORS = 5;

    private final Map<String, JsonSchema> byType;

    EventSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        Map<String, JsonSchema> schemas = new HashMap<>();
        for (Class<?> permitted : EndorsementEvent.class.getPermittedSubclasses()) {
            Class<? extends EndorsementEvent> type = permitted.asSubclass(EndorsementEvent.class);
            schemas.put(EventMessageFormat.typeOf(type), factory.getSchema(tolerant(load(type))));
        }
        this.byType = Map.copyOf(schemas);
    }

    /**
     * Why the value breaks the schema of its type, or empty when it conforms.
     *
     * @throws EventMessageFormat.UnreadableEventException for an unknown type or a value that is not JSON
     */
    Optional<String> violations(String ceType, byte[] value) {
        JsonSchema schema = byType.get(ceType);
        if (schema == null) {
            throw new EventMessageFormat.UnreadableEventException("unknown event type " + ceType);
        }
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (IOException e) {
            throw new EventMessageFormat.UnreadableEventException("value of " + ceType + " is not JSON");
        }
        if (node == null || node.isMissingNode()) {
            throw new EventMessageFormat.UnreadableEventException("empty value for " + ceType);
        }
        Set<ValidationMessage> errors = schema.validate(node);
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("value breaks the schema of " + ceType + ": "
                + errors.stream()
                        .map(ValidationMessage::getMessage)
                        .sorted()
                        .limit(MAX_REPORTED_ERRORS)
                        .collect(Collectors.joining("; ")));
    }

    private static JsonNode load(Class<? extends EndorsementEvent> type) {
        String name = EventMessageFormat.schemaOf(type).substring(SCHEMA_URN.length());
        try (InputStream in = EventMessageFormat.class.getResourceAsStream("/schemas/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("the events contract has no schema " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tolerant(JsonNode schema) {
        ObjectNode copy = schema.deepCopy();
        copy.remove("additionalProperties");
        return copy;
    }
}
