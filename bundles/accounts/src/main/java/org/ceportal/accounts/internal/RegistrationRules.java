package org.ceportal.accounts.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.ceportal.directory.api.Department;
import org.ceportal.directory.api.DirectoryService;
import org.ceportal.directory.api.Unit;
import org.ceportal.platform.api.FieldError;
import org.ceportal.platform.api.Texts;

/** Field-by-field checks of a registration, with zh-CN messages for the page. */
final class RegistrationRules {
    static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+\\-]{1,64}@[A-Za-z0-9\\-]{1,63}(\\.[A-Za-z0-9\\-]{1,63})*\\.[A-Za-z]{2,24}");
    static final Pattern NAME = Pattern.compile("[\\p{IsHan}·A-Za-z ]{2,30}");
    private static final Pattern NAME_CHARACTERS = Pattern.compile("[\\p{IsHan}·A-Za-z ]+");

    private final DirectoryService directory;
    private final PasswordPolicy passwords;

    RegistrationRules(DirectoryService directory, PasswordPolicy passwords) {
        this.directory = directory;
        this.passwords = passwords;
    }

    List<FieldError> check(RegistrationRequest r, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        String id = r.idNumber == null ? "" : IdNumbers.normalise(r.idNumber);
        Optional<String> idProblem = IdNumbers.problem(id, today);
        idProblem.ifPresent(m -> errors.add(new FieldError("idNumber", m)));

        String mobile = strip(r.mobile);
        if (r.password == null || r.password.isEmpty()) {
            errors.add(new FieldError("password", "请设置密码"));
        } else {
            passwords.problem(r.password, id, mobile).ifPresent(m -> errors.add(new FieldError("password", m)));
            if (r.passwordConfirmation != null && !r.passwordConfirmation.equals(r.password)) {
                errors.add(new FieldError("passwordConfirmation", "两次输入的密码不一致"));
            }
        }

        String regionCode = strip(r.regionCode);
        if (directory.region(regionCode).isEmpty()) {
            errors.add(new FieldError("regionCode", "请选择用人单位所属区域"));
        }
        Optional<Unit> unit = r.unitId == null ? Optional.empty() : directory.unit(r.unitId);
        if (unit.isEmpty()) {
            errors.add(new FieldError("unitId", "请选择所在单位"));
        } else if (!unit.get().regionCode.equals(regionCode)) {
            errors.add(new FieldError("unitId", "所选单位不属于所选区域"));
        }
        String name = strip(r.name);
        int length = name.codePointCount(0, name.length());
        if (name.isEmpty()) {
            errors.add(new FieldError("name", "请输入真实姓名"));
        } else if (!NAME_CHARACTERS.matcher(name).matches()) {
            errors.add(new FieldError("name", "姓名只能包含汉字、英文字母、间隔号「·」和空格，请删除其他字符（如表情、数字、符号）"));
        } else if (length < 2 || length > 30 || !NAME.matcher(name).matches()) {
            errors.add(new FieldError("name", "姓名应为 2 到 30 个字，现在是 " + length + " 个字"));
        } else {
            Texts.problem("name", "姓名", strip(r.name), 50, false).ifPresent(errors::add);
        }
        String gender = strip(r.gender);
        if (!gender.equals("M") && !gender.equals("F")) {
            errors.add(new FieldError("gender", "请选择性别"));
        } else if (idProblem.isEmpty() && !gender.equals(IdNumbers.gender(id))) {
            errors.add(new FieldError("gender", "性别与身份证号码不符"));
        }
        LocalDate birth = null;
        try {
            birth = LocalDate.parse(strip(r.birthDate));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("birthDate", "请选择出生日期"));
        }
        if (birth != null && idProblem.isEmpty() && !birth.equals(IdNumbers.birthDate(id))) {
            errors.add(new FieldError("birthDate", "出生日期与身份证号码不符"));
        }
        editable(r.mobile, r.email, unit.map(u -> u.id).orElse(null), r.departmentId, r.ethnicGroup, r.nativePlace,
                r.school, r.majorCode, errors);
        if (!strip(r.titleCode).isEmpty() && directory.title(strip(r.titleCode)).isEmpty()) {
            errors.add(new FieldError("titleCode", "请从列表中选择专业技术职务"));
        }
        return errors;
    }

    /**
     * The fields a person may still change after registration (用户资料管理), checked
     * the same way as at registration.
     */
    void editable(String mobile, String email, Long unitId, Long departmentId, String ethnicGroup, String nativePlace,
            String school, String majorCode, List<FieldError> errors) {
        if (!MOBILE.matcher(strip(mobile)).matches()) {
            errors.add(new FieldError("mobile", "请输入11位手机号码"));
        }
        String e = strip(email);
        // the length first: the pattern then runs on at most 100 characters
        if (e.length() > 100 || !EMAIL.matcher(e).matches()) {
            errors.add(new FieldError("email", "请输入有效的电子邮箱"));
        }
        if (departmentId != null) {
            Optional<Department> d = directory.department(departmentId);
            if (d.isEmpty() || unitId == null || d.get().unitId != unitId) {
                errors.add(new FieldError("departmentId", "所选部门不属于所选单位"));
            }
        }
        if (directory.ethnicGroup(strip(ethnicGroup)).isEmpty()) {
            errors.add(new FieldError("ethnicGroup", "请选择民族"));
        }
        Texts.problem("nativePlace", "籍贯", strip(nativePlace), 50, false).ifPresent(errors::add);
        Texts.problem("school", "毕业院校", strip(school), 100, false).ifPresent(errors::add);
        if (!strip(majorCode).isEmpty() && directory.major(strip(majorCode)).filter(m -> m.leaf).isEmpty()) {
            errors.add(new FieldError("majorCode", "请从列表中选择所学专业"));
        }
    }

    static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
