package org.ceportal.accounts.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.Test;

public class IdNumbersTest {
    /** Fixed, so that no test depends on the clock. */
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

    // Check characters below were computed with ISO 7064 MOD 11-2 over the 17-digit bodies.
    private static final String MALE_1990 = "410302199003071231";
    private static final String FEMALE_1949_X = "11010519491231002X";
    private static final String ANOTHER_X = "33010619880808104X";
    private static final String LEAP_DAY_2000 = "310115200002290048";
    private static final String FIRST_DAY_1900 = "510107190001010017";
    private static final String BORN_TODAY = "320583202406010021";

    private static Optional<String> problem(String raw) {
        return IdNumbers.problem(raw, TODAY);
    }

    @Test
    public void acceptsValidNumbers() {
        for (String id : new String[] {
                MALE_1990, FEMALE_1949_X, ANOTHER_X, "440304198511153616", LEAP_DAY_2000, FIRST_DAY_1900,
                BORN_TODAY}) {
            assertEquals(id, Optional.empty(), problem(id));
        }
    }

    @Test
    public void checkCharacterFollowsMod11_2() {
        assertEquals('X', IdNumbers.checkChar("11010519491231002"));
        assertEquals('1', IdNumbers.checkChar("41030219900307123"));
        assertEquals('0', IdNumbers.checkChar("31011520000229008"));
    }

    @Test
    public void acceptsLowerCaseXAndSurroundingBlanks() {
        assertEquals(Optional.empty(), problem("11010519491231002x"));
        assertEquals(Optional.empty(), problem("  11010519491231002x\t"));
        assertEquals(Optional.empty(), problem("\u300033010619880808104x\u3000"));
    }

    @Test
    public void normaliseStripsAndUpperCases() {
        assertEquals(FEMALE_1949_X, IdNumbers.normalise(" 11010519491231002x "));
        assertEquals(MALE_1990, IdNumbers.normalise(MALE_1990));
        assertEquals("", IdNumbers.normalise(null));
    }

    @Test
    public void refusesWrongCheckCharacter() {
        assertEquals(Optional.of(IdNumbers.WRONG_CHECK), problem("410302199003071232"));
        assertEquals(Optional.of(IdNumbers.WRONG_CHECK), problem("41030219900307123X"));
        assertEquals(Optional.of(IdNumbers.WRONG_CHECK), problem("110105194912310020"));
        assertEquals("身份证号码校验位不正确，请核对", IdNumbers.WRONG_CHECK);
    }

    @Test
    public void refusesImpossibleBirthDates() {
        // 1990-02-30, with a correct check character so only the date is wrong.
        assertEquals(Optional.of(IdNumbers.INVALID_BIRTH_DATE), problem("110105199002301231"));
        // 1900 was not a leap year (2000 was, see LEAP_DAY_2000).
        assertEquals(Optional.of(IdNumbers.INVALID_BIRTH_DATE), problem("110105190002290025"));
        // Before 1900-01-01.
        assertEquals(Optional.of(IdNumbers.INVALID_BIRTH_DATE), problem("110105189912310023"));
        assertEquals("身份证号码中的出生日期无效", IdNumbers.INVALID_BIRTH_DATE);
    }

    @Test
    public void invalidDateWinsOverWrongCheckCharacter() {
        assertEquals(Optional.of(IdNumbers.INVALID_BIRTH_DATE), problem("110105199013011231"));
    }

    @Test
    public void refusesBirthDateAfterToday() {
        assertEquals(Optional.of(IdNumbers.FUTURE_BIRTH_DATE), problem("320583202406020027"));
        assertEquals(Optional.empty(), problem(BORN_TODAY));
        assertEquals(Optional.empty(), IdNumbers.problem("320583202406020027", TODAY.plusDays(1)));
        assertEquals("身份证号码中的出生日期不能晚于今天", IdNumbers.FUTURE_BIRTH_DATE);
    }

    @Test
    public void refusesWrongLengthAndCharacters() {
        String wrongFormat = "请输入18位身份证号码";
        assertEquals(wrongFormat, IdNumbers.WRONG_FORMAT);
        for (String raw : new String[] {
                null, "", "   ", "41030219900307123", "4103021990030712311", "110105491231002",
                "41030219900307123A", "X10105194912310020", "4103021990030712 1", "41030219900307-231",
                // Full-width digits are not ASCII digits.
                "４１０３０２１９９００３０７１２３１"}) {
            assertEquals(String.valueOf(raw), Optional.of(wrongFormat), problem(raw));
        }
    }

    @Test
    public void extractsGender() {
        assertEquals("M", IdNumbers.gender(MALE_1990));
        assertEquals("F", IdNumbers.gender(FEMALE_1949_X));
        assertEquals("F", IdNumbers.gender("11010519491231002x"));
        assertEquals("M", IdNumbers.gender("440304198511153616"));
        assertEquals("F", IdNumbers.gender(LEAP_DAY_2000));
        assertEquals("M", IdNumbers.gender(FIRST_DAY_1900));
    }

    @Test
    public void extractsBirthDate() {
        assertEquals(LocalDate.of(1990, 3, 7), IdNumbers.birthDate(MALE_1990));
        assertEquals(LocalDate.of(1949, 12, 31), IdNumbers.birthDate(FEMALE_1949_X));
        assertEquals(LocalDate.of(2000, 2, 29), IdNumbers.birthDate(LEAP_DAY_2000));
        assertEquals(LocalDate.of(1900, 1, 1), IdNumbers.birthDate(" " + FIRST_DAY_1900 + " "));
    }

    @Test
    public void extractionRefusesMalformedNumbers() {
        assertThrows(IllegalArgumentException.class, () -> IdNumbers.birthDate("12345"));
        assertThrows(IllegalArgumentException.class, () -> IdNumbers.birthDate("110105199002301231"));
        assertThrows(IllegalArgumentException.class, () -> IdNumbers.gender("abc"));
        assertThrows(IllegalArgumentException.class, () -> IdNumbers.gender(null));
    }
}
