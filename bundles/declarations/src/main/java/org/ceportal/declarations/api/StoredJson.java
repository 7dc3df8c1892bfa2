package org.ceportal.declarations.api;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A JSON object as the declaration keeps it (its values, its form's description): written into an
 * answer as it is stored, without reading it into objects and writing it out again; {@link #asMap()}
 * reads it for Java callers.
 *
 * @param json the object's JSON text, as this bundle wrote it
 */
public record StoredJson(String json) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    public StoredJson {
        json = json == null ? "{}" : json;
    }

    /** The text itself is the JSON value. */
    @Override
    @JsonValue
    @JsonRawValue
    public String json() {
        return json;
    }

    /** The object read: keys to strings, numbers, booleans, lists and maps. */
    public Map<String, Object> asMap() {
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON unreadable", e);
        }
    }
}
