package org.ceportal.declarations.internal;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ceportal.platform.api.ProblemException;

/** The JSON columns of a declaration (values, schema snapshot). */
final class JsonText {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private JsonText() {
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("values", "填写的内容无法保存，请检查后重试");
        }
    }

    static Map<String, Object> read(String text) {
        try {
            return text == null ? Map.of() : JSON.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON unreadable", e);
        }
    }
}
