package org.endorsements.command.personaldata.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;
import org.endorsements.command.personaldata.DataKeyStore;
import org.endorsements.events.EndorsementEvent;
import org.endorsements.events.EventMessageFormat;
import org.endorsements.events.PersonalData;

/**
 * The event store's serializer: the JSON one, with the personal fields of organization events ({@link PersonalData})
 * sealed on the way in and opened on the way out. The event records, the aggregates and every handler in this
 * process see plain values; the {@code domain_event_entry} rows hold ciphertext only. A destroyed key opens as null
 * fields.
 */
public final class SealingSerializer implements Serializer {

    private final Serializer json;
    private final DataKeyStore keys;

    public SealingSerializer(Serializer json, DataKeyStore keys) {
        this.json = json;
        this.keys = keys;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object == null || !PersonalData.isSealed(object.getClass())) {
            return json.serialize(object, expectedRepresentation);
        }
        @SuppressWarnings("unchecked")
        Class<? extends EndorsementEvent> type = (Class<? extends EndorsementEvent>) object.getClass();
        SerializedObject<JsonNode> tree = json.serialize(object, JsonNode.class);
        ObjectNode sealed = (ObjectNode) tree.getData().deepCopy();
        PersonalData.seal(type, EventMessageFormat.nameOf(type), sealed, keys::sealingKeyUnlessErased);
        return getConverter()
                .convert(new SimpleSerializedObject<>(sealed, JsonNode.class, tree.getType()), expectedRepresentation);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return json.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        SerializedType serializedType = serializedObject.getType();
        if (SerializedType.emptyType().equals(serializedType)) {
            return json.deserialize(serializedObject);
        }
        Class<?> type = classForType(serializedType);
        if (UnknownSerializedType.class.equals(type) || !PersonalData.isSealed(type)) {
            return json.deserialize(serializedObject);
        }
        @SuppressWarnings("unchecked")
        Class<? extends EndorsementEvent> eventType = (Class<? extends EndorsementEvent>) type;
        SerializedObject<JsonNode> tree = getConverter().convert(serializedObject, JsonNode.class);
        ObjectNode opened = (ObjectNode) tree.getData().deepCopy();
        PersonalData.open(eventType, EventMessageFormat.nameOf(eventType), opened, keys);
        return json.deserialize(new SimpleSerializedObject<>(opened, JsonNode.class, serializedType));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return json.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return json.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return json.getConverter();
    }
}
