package org.ceportal.platform.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class TextsTest {
    /** 𠀀, the first character of CJK Extension B: one character, two UTF-16 units. */
    private static final String EXT_B = new String(Character.toChars(0x20000));

    @Test
    public void lengthCountsWhatTheDatabaseStores() {
        assertTrue(Texts.fits("王".repeat(50), 50));
        assertFalse("30 Extension B characters take 60 units of a VARCHAR(50)", Texts.fits(EXT_B.repeat(30), 50));
        assertTrue(Texts.fits(EXT_B.repeat(25), 50));
        assertEquals("name", Texts.problem("name", "姓名", EXT_B.repeat(30), 50, false).orElseThrow().field());
        assertTrue(Texts.problem("name", "姓名", null, 50, false).isEmpty());
    }

    @Test
    public void controlAndBidiCharactersAreRefused() {
        assertFalse(Texts.clean("张\u202E三", false));
        assertFalse(Texts.clean("张\u2066三", false));
        assertFalse(Texts.clean("张\u0000三", false));
        assertFalse(Texts.clean("张\u0085三", false));
        assertFalse(Texts.clean("张\uFEFF三", false));
        assertFalse("an unpaired surrogate", Texts.clean("张\uD800三", false));
        assertFalse(Texts.clean("张\uDC00", false));
        assertFalse(Texts.clean("a\nb", false));
        assertTrue(Texts.clean("第一行\n第二行\t完", true));
        assertTrue(Texts.clean("欧阳·娜娜 " + EXT_B + " Ana-Maria O'Neil", false));
        assertTrue(Texts.problem("school", "毕业院校", "北京\u202E大学", 100, false).orElseThrow().message().contains("控制字符"));
    }

    @Test
    public void aPersonsSentenceLosesItsFinalStopBeforeOursFollows() {
        assertEquals("材料不全", Texts.withoutFinalStop("材料不全。"));
        assertEquals("材料不全", Texts.withoutFinalStop(" 材料不全。。 "));
        assertEquals("第一点。第二点", Texts.withoutFinalStop("第一点。第二点！"));
        assertEquals("Missing page 2", Texts.withoutFinalStop("Missing page 2."));
        assertEquals("未说明", Texts.withoutFinalStop("未说明"));
        assertEquals(null, Texts.withoutFinalStop(null));
    }

    @Test
    public void likePatternsEscapeTheWildcards() {
        assertEquals("%50\\%\\_a\\\\b%", Texts.containsPattern("50%_a\\b"));
    }
}
