package org.ceportal.platform.api;

import java.util.List;
import java.util.Objects;

/**
 * A failure the client caused or must be told about. The platform turns it into an
 * RFC 9457 {@code application/problem+json} answer with the given status, a stable
 * machine-readable {@code code} and a zh-CN {@code message} for people.
 */
public class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final List<FieldError> errors;

    public ProblemException(int status, String code, String message, List<FieldError> errors) {
        super(Objects.requireNonNull(message, "message"));
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public ProblemException(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** 400 with field-level errors. */
    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(400, "validation_failed", "提交的信息有误，请按提示修改", errors);
    }

    /** 400 with one field error; the message is used for the problem and the field. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "validation_failed", message, List.of(new FieldError(field, message)));
    }

    public static ProblemException notFound(String code, String message) {
        return new ProblemException(404, code, message);
    }

    public static ProblemException conflict(String code, String message) {
        return new ProblemException(409, code, message);
    }

    public static ProblemException unauthorized() {
        return new ProblemException(401, "unauthenticated", "请先登录");
    }

    public static ProblemException forbidden() {
        return new ProblemException(403, "forbidden", "您没有执行此操作的权限");
    }

    /** The message with each field error that says more on a line of its own: what a console command prints. */
    public String describe() {
        StringBuilder out = new StringBuilder(getMessage());
        for (FieldError f : errors()) {
            if (!f.message().equals(getMessage())) {
                out.append(System.lineSeparator()).append("  ").append(f.field()).append(": ").append(f.message());
            }
        }
        return out.toString();
    }
}
