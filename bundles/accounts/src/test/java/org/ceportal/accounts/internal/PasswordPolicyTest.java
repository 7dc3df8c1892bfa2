package org.ceportal.accounts.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import org.junit.Test;

public class PasswordPolicyTest {
    private static final String ID = "11010519491231002X";
    private static final String MOBILE = "13800138000";

    private final PasswordPolicy policy = new PasswordPolicy(Set.of("12345678", "Password1", "qwertyuiop"));

    private Optional<String> problem(String password) {
        return policy.problem(password, ID, MOBILE);
    }

    private static String repeat(String s, int times) {
        return s.repeat(times);
    }

    @Test
    public void eightCharactersAreEnoughSevenAreNot() {
        assertEquals(Optional.empty(), problem("tr0ub4dr"));
        assertEquals(Optional.of("密码至少需要8个字符"), problem("tr0ub4d"));
        assertEquals(Optional.of(PasswordPolicy.TOO_SHORT), problem(""));
        assertEquals(Optional.of(PasswordPolicy.TOO_SHORT), problem(null));
    }

    @Test
    public void allowsUpTo128AndRefusesMore() {
        assertEquals(Optional.empty(), problem(repeat("a", 64)));
        assertEquals(Optional.empty(), problem(repeat("a", 128)));
        assertEquals(Optional.of("密码不能超过128个字符"), problem(repeat("a", 129)));
    }

    @Test
    public void countsCodePointsNotUtf16Units() {
        // Each emoji is two UTF-16 units but one character for the user.
        String fourEmoji = "\uD83D\uDE00\uD83D\uDE01\uD83D\uDE02\uD83D\uDE03";
        assertEquals(8, fourEmoji.length());
        assertEquals(Optional.of(PasswordPolicy.TOO_SHORT), problem(fourEmoji));
        assertEquals(Optional.empty(), problem(fourEmoji + fourEmoji));
        assertEquals(Optional.empty(), problem(repeat("\uD83D\uDE00", 128)));
        assertEquals(Optional.of(PasswordPolicy.TOO_LONG), problem(repeat("\uD83D\uDE00", 129)));

        assertEquals(Optional.of(PasswordPolicy.TOO_SHORT), problem("继续教育门户密码"
                .substring(0, 7)));
        assertEquals(Optional.empty(), problem("继续教育门户密码"));
    }

    @Test
    public void hasNoCompositionRules() {
        assertEquals(Optional.empty(), problem("correcthorsebatterystaple"));
        assertEquals(Optional.empty(), problem("horsebat"));
        assertEquals(Optional.empty(), problem("84920573"));
        assertEquals(Optional.empty(), problem("with spaces inside"));
    }

    @Test
    public void refusesCommonPasswordsIgnoringCase() {
        String tooCommon = "该密码过于常见，容易被猜中，请换一个";
        assertEquals(Optional.of(tooCommon), problem("12345678"));
        assertEquals(Optional.of(tooCommon), problem("password1"));
        assertEquals(Optional.of(tooCommon), problem("PASSWORD1"));
        assertEquals(Optional.of(tooCommon), problem("QwertyUIOP"));
        assertEquals(Optional.of(tooCommon), problem(" 12345678 "));
        assertEquals(Optional.empty(), problem("123456789"));
    }

    @Test
    public void refusesTheIdNumberAndTheMobileNumber() {
        String personal = "密码不能与身份证号或手机号相同";
        assertEquals(Optional.of(personal), problem(ID));
        assertEquals(Optional.of(personal), problem("11010519491231002x"));
        assertEquals(Optional.of(personal), problem(" " + ID + " "));
        assertEquals(Optional.of(personal), problem("id" + ID + "!"));
        assertEquals(Optional.of(personal), problem(MOBILE));
        assertEquals(Optional.of(personal), problem(" " + MOBILE + " "));
        // The mobile number is only refused as the whole password.
        assertEquals(Optional.empty(), problem("my" + MOBILE));
        // A part of the ID number is fine.
        assertEquals(Optional.empty(), problem(ID.substring(0, 17)));
    }

    @Test
    public void unknownIdAndMobileAreIgnored() {
        assertEquals(Optional.empty(), policy.problem("horsebat", null, null));
        assertEquals(Optional.empty(), policy.problem("horsebat", "", "  "));
        assertEquals(Optional.of(PasswordPolicy.TOO_COMMON), policy.problem("12345678", null, null));
    }

    @Test
    public void readsListSkippingCommentsAndBlankLines() throws Exception {
        String text = "# comment\n\n  abcdefgh  \r\n#12345678\nABCDEFGH\n";
        Set<String> entries = PasswordPolicy.readList(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Set.of("abcdefgh", "ABCDEFGH"), entries);
        PasswordPolicy fromText = new PasswordPolicy(entries);
        assertEquals(1, fromText.commonCount());
        assertTrue(fromText.isCommon("AbCdEfGh"));
        assertFalse(fromText.isCommon("12345678"));
    }

    @Test
    public void loadsTheShippedList() {
        PasswordPolicy loaded = PasswordPolicy.load();
        assertTrue(loaded.commonCount() >= 300);
        for (String common : new String[] {
                "12345678", "123456789", "1234567890", "88888888", "11111111", "123123123", "5201314520",
                "woaini1314", "qq123456", "a123456789", "iloveyou", "password", "password1", "qwertyui",
                "1q2w3e4r", "zxcvbnm123", "abc12345", "aa123456", "00000000", "147258369", "987654321",
                "66666666"}) {
            assertTrue(common, loaded.isCommon(common));
        }
        assertEquals(Optional.of(PasswordPolicy.TOO_COMMON), loaded.problem("Password1", null, null));
        assertFalse(loaded.isCommon("# common passwords"));
        assertEquals(Optional.empty(), loaded.problem("继续教育门户密码", ID, MOBILE));
    }
}
