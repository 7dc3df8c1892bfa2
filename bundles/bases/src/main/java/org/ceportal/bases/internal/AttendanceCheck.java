package org.ceportal.bases.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ceportal.accounts.api.People;
import org.ceportal.accounts.api.Person;
import org.ceportal.declarations.api.BaseDeclarations;
import org.ceportal.platform.api.Texts;

/**
 * Decides what each line of an attendance list is: a person to declare, an ID number to keep until
 * its person registers, or a refusal (malformed, a repeat, a name that does not match the account).
 * What the form's rule and caps say is the declarations' part, asked afterwards.
 */
final class AttendanceCheck {
    static final int BATCH = 1000;
    static final int MAX_NAME = 50;

    /** The results a line can have, with the words the pages show. */
    enum Result {
        OK("可以导入"),
        DECLARED("已申报"),
        WAITING("待注册后计入"),
        MALFORMED("格式有误"),
        DUPLICATE("重复"),
        NAME_MISMATCH("姓名不符"),
        OVER_CAP("超过上限");

        final String label;

        Result(String label) {
            this.label = label;
        }

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        boolean refused() {
            return this != OK && this != DECLARED && this != WAITING;
        }
    }

    /** A line and what it came to; {@code attendee} is set while it is still to be declared. */
    static final class Checked {
        final AttendanceFile.Line line;
        String idNumber;
        BigDecimal hours;
        Result result;
        String message;
        Person person;
        BaseDeclarations.Attendee attendee;
        Long declarationId;

        Checked(AttendanceFile.Line line) {
            this.line = line;
        }

        void refuse(Result r, String why) {
            result = r;
            message = why;
            attendee = null;
        }
    }

    /** Reads the course's existing lines among some ID numbers (at most {@link #BATCH}). */
    interface Existing {
        List<AttendeeRow> of(List<String> idNumbers);
    }

    private final People people;

    AttendanceCheck(People people) {
        this.people = people;
    }

    List<Checked> check(List<AttendanceFile.Line> lines, BigDecimal courseHours, Existing existing) {
        List<Checked> out = new ArrayList<>(lines.size());
        Map<String, Integer> firstRow = new HashMap<>();
        List<Checked> valid = new ArrayList<>();
        for (AttendanceFile.Line line : lines) {
            Checked c = new Checked(line);
            out.add(c);
            if (!wellFormed(c, courseHours)) {
                continue;
            }
            Integer first = firstRow.putIfAbsent(c.idNumber, line.row());
            if (first != null) {
                c.refuse(Result.DUPLICATE, "与第 " + first + " 行的身份证号重复");
                continue;
            }
            valid.add(c);
        }
        for (int from = 0; from < valid.size(); from += BATCH) {
            List<Checked> batch = valid.subList(from, Math.min(valid.size(), from + BATCH));
            List<String> ids = batch.stream().map(c -> c.idNumber).toList();
            Map<String, AttendeeRow> known = new HashMap<>();
            for (AttendeeRow a : existing.of(ids)) {
                known.put(a.idNumber, a);
            }
            Map<String, Person> registered = people.approvedByIdNumber(ids);
            for (Checked c : batch) {
                AttendeeRow before = known.get(c.idNumber);
                if (before != null) {
                    c.refuse(Result.DUPLICATE, "waiting".equals(before.state)
                            ? "该身份证号已在本班次名单中，待其注册后计入"
                            : "该学员已为本班次申报过（第 " + before.rowNo + " 行，导入编号 " + before.importId + "）");
                    continue;
                }
                Person p = registered.get(c.idNumber);
                if (p == null) {
                    c.result = Result.WAITING;
                    c.message = "该身份证号尚未注册（或注册尚未审核通过），其注册审核通过后自动计入";
                } else if (!sameName(p.name(), c.line.name())) {
                    c.refuse(Result.NAME_MISMATCH, "姓名与该身份证号注册的姓名不符");
                } else {
                    c.person = p;
                    c.result = Result.OK;
                    c.attendee = new BaseDeclarations.Attendee(p.accountId(), p.unitId(), c.hours);
                }
            }
        }
        return out;
    }

    /** ID number, name and hours as a line must have them; else the line is refused as malformed. */
    private boolean wellFormed(Checked c, BigDecimal courseHours) {
        AttendanceFile.Line line = c.line;
        String raw = line.idNumber();
        if (raw.isEmpty()) {
            c.refuse(Result.MALFORMED, "请填写身份证号");
            return false;
        }
        People.IdNumberCheck id = people.checkIdNumber(raw);
        if (id.problem() != null) {
            c.refuse(Result.MALFORMED, raw.matches("[0-9.]+[Ee][+]?[0-9]+") || raw.matches("[0-9]{15,17}\\.[0-9]*")
                    ? "身份证号被 Excel 存成了数字，末尾几位已丢失；请把该列设为「文本」后重新填写"
                    : "身份证号：" + id.problem());
            return false;
        }
        c.idNumber = id.idNumber();
        String name = line.name();
        if (name.isEmpty()) {
            c.refuse(Result.MALFORMED, "请填写姓名");
            return false;
        }
        var nameProblem = Texts.problem("name", "姓名", name, MAX_NAME, false);
        if (nameProblem.isPresent()) {
            c.refuse(Result.MALFORMED, nameProblem.get().message());
            return false;
        }
        String h = line.hours();
        if (h.isEmpty()) {
            c.hours = courseHours;
            return true;
        }
        try {
            BigDecimal hours = new BigDecimal(h);
            if (hours.signum() <= 0 || hours.stripTrailingZeros().scale() > 2) {
                c.refuse(Result.MALFORMED, "学时应大于 0，最多两位小数");
                return false;
            }
            if (hours.compareTo(courseHours) > 0) {
                c.refuse(Result.MALFORMED, "学时不能超过本班次的 " + courseHours.stripTrailingZeros().toPlainString() + " 学时");
                return false;
            }
            c.hours = hours;
            return true;
        } catch (NumberFormatException e) {
            c.refuse(Result.MALFORMED, "学时应是数字，例如 24 或 1.5");
            return false;
        }
    }

    /** Names compare without blanks, with the middle dots of minority names taken as one. */
    static boolean sameName(String registered, String listed) {
        return normal(registered).equals(normal(listed));
    }

    private static String normal(String name) {
        return name == null ? "" : name.replaceAll("[\\s\\u3000]", "").replaceAll("[•・．.\\u00b7\\u2027]", "·");
    }
}
