package org.ceportal.declarations.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
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

    /** What a submission needs of a stored form description: its kind and its yearly cap (null when none). */
    record Figures(String kind, BigDecimal maxPerYear) {
    }

    /**
     * The top-level {@code kind} and {@code maxPerYear} of a stored form description, read as a stream
     * that stops once both are found (they come before the fields in {@link Schemas#full}), so the
     * fields and their options are not read into objects.
     */
    static Figures figures(String schemaJson) {
        String kind = null;
        BigDecimal max = null;
        boolean maxSeen = false;
        try (JsonParser p = JSON.getFactory().createParser(schemaJson == null ? "{}" : schemaJson)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("stored schema is not an object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME && (kind == null || !maxSeen)) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("kind".equals(name) && value == JsonToken.VALUE_STRING) {
                    kind = p.getText();
                } else if ("maxPerYear".equals(name)) {
                    maxSeen = true;
                    max = value == JsonToken.VALUE_NULL ? null : new BigDecimal(p.getText());
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("stored JSON unreadable", e);
        }
        return new Figures(kind, max);
    }
}
