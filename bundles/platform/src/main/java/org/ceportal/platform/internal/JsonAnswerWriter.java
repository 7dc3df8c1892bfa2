package org.ceportal.platform.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;

import org.ceportal.platform.answers.JsonAnswers;
import org.osgi.service.component.annotations.Component;

/** {@link JsonAnswers} with the JSON configuration of {@link JsonProvider} ({@link Json#mapper}). */
@Component(service = JsonAnswers.class)
public final class JsonAnswerWriter implements JsonAnswers {
    private final ObjectWriter writer = Json.mapper().writer();

    @Override
    public byte[] write(Object answer) {
        try {
            return writer.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An answer could not be written as JSON: " + answer.getClass().getName(), e);
        }
    }
}
