package org.ceportal.declarations.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.math.BigDecimal;

import org.ceportal.declarations.api.StoredJson;
import org.junit.Test;

/** The stored JSON of a declaration as a submission and an answer read it. */
public class JsonTextTest {

    @Test
    public void figuresAreReadFromTheTopLevelWhereverTheyStand() {
        JsonText.Figures first = JsonText.figures(
                "{\"id\":\"training\",\"kind\":\"HOURS\",\"maxPerYear\":60,\"fields\":[{\"key\":\"kind\",\"maxPerYear\":1}]}");
        assertEquals("HOURS", first.kind());
        assertEquals(new BigDecimal("60"), first.maxPerYear());
        // after the fields, and a field's own keys of the same names do not count
        JsonText.Figures last = JsonText.figures(
                "{\"fields\":[{\"kind\":\"X\",\"maxPerYear\":1}],\"options\":{\"kind\":\"Y\"},\"maxPerYear\":12.5,\"kind\":\"CREDITS\"}");
        assertEquals("CREDITS", last.kind());
        assertEquals(new BigDecimal("12.5"), last.maxPerYear());
    }

    @Test
    public void aFormWithoutYearlyCapHasNone() {
        assertNull(JsonText.figures("{\"kind\":\"HOURS\",\"maxPerYear\":null,\"fields\":[]}").maxPerYear());
        assertNull(JsonText.figures("{\"kind\":\"HOURS\",\"fields\":[]}").maxPerYear());
    }

    @Test
    public void theStoredTextIsTheAnswersValue() throws Exception {
        String text = "{\"period\":{\"from\":\"2026-03-01\",\"to\":\"2026-03-03\"},\"title\":\"《教育心理学》\"}";
        String written = new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(java.util.Map.of("values", new StoredJson(text)));
        assertEquals("{\"values\":" + text + "}", written);
        assertEquals("《教育心理学》", new StoredJson(text).asMap().get("title"));
    }
}
