package org.ceportal.learningform.api;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;

/** A configuration annotation over a map, as Declarative Services makes one. */
public class FigureConfigsTest {

    @interface Config {
        int hoursPerDay() default 8;

        double creditsPerHour() default 0.1;

        String ranks() default "64,56,48";

        String[] levels() default {"national", "provincial"};

        boolean counted() default true;
    }

    @Test
    public void elementsReadThePropertiesOrTheirDefaults() {
        Config none = FigureConfigs.of(Config.class, Map.of());
        assertEquals(8, none.hoursPerDay());
        assertEquals("64,56,48", none.ranks());
        assertArrayEquals(new String[] {"national", "provincial"}, none.levels());

        Config some = FigureConfigs.of(Config.class, Map.of("hoursPerDay", " 6 ", "creditsPerHour", 0.5, "levels", "a, b,c",
                "counted", "false", "service.pid", "ignored"));
        assertEquals(6, some.hoursPerDay());
        assertEquals(0.5, some.creditsPerHour(), 0);
        assertArrayEquals(new String[] {"a", "b", "c"}, some.levels());
        assertEquals(false, some.counted());
        assertArrayEquals(new String[] {"x", "y"}, FigureConfigs.of(Config.class, Map.of("levels", List.of("x", "y"))).levels());
        assertEquals(Config.class, some.annotationType());
        assertTrue(some.toString().contains("hoursPerDay"));
    }

    @Test
    public void aValueOfTheWrongTypeNamesItsProperty() {
        Config bad = FigureConfigs.of(Config.class, Map.of("hoursPerDay", "八"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad::hoursPerDay);
        assertTrue(e.getMessage(), e.getMessage().contains("hoursPerDay"));
        assertThrows(IllegalArgumentException.class, () -> FigureConfigs.of(Config.class, Map.of("counted", "yes")).counted());
        assertThrows(IllegalArgumentException.class, () -> FigureConfigs.of(String.class, Map.of()));
    }
}
