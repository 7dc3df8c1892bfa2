package org.ceportal.platform.internal;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.ceportal.platform.api.FieldError;
import org.ceportal.platform.api.ProblemException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure of every resource becomes a problem+json answer with a stable
 * {@code code} and a zh-CN {@code message}. Unexpected failures are logged with an
 * incident id that the answer repeats, and say nothing about the inside.
 */
@Component(service = ExceptionMapper.class)
@JakartarsExtension
@JakartarsName("ceportal-problems")
public final class ProblemMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    @Override
    public Response toResponse(Throwable failure) {
        // a ProblemException may arrive wrapped, e.g. thrown by a bounded request stream inside the JSON reader
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ProblemException p) {
                return Problems.response(p.status(), p.code(), p.getMessage(), p.errors());
            }
        }
        if (failure instanceof JsonProcessingException json) {
            return badJson(json);
        }
        if (failure instanceof WebApplicationException web) {
            if (web.getCause() instanceof JsonProcessingException json) {
                return badJson(json);
            }
            return forStatus(web.getResponse().getStatus());
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("Unexpected failure, incident {}", incident, failure);
        return Problems.response(500, "internal_error", "系统繁忙，请稍后重试（事件编号 " + incident + "）", List.of());
    }

    private static Response badJson(JsonProcessingException json) {
        String field = null;
        if (json instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            field = path.toString();
        }
        if (field != null && !field.isEmpty()) {
            String message = "字段 " + field + " 的格式不正确";
            return Problems.response(400, "malformed_request", message, List.of(new FieldError(field, message)));
        }
        return Problems.response(400, "malformed_request", "请求内容不是有效的 JSON", List.of());
    }

    static Response forStatus(int status) {
        return switch (status) {
            case 400 -> Problems.response(400, "bad_request", "请求格式不正确", List.of());
            case 401 -> Problems.response(401, "unauthenticated", "请先登录", List.of());
            case 403 -> Problems.response(403, "forbidden", "您没有执行此操作的权限", List.of());
            case 404 -> Problems.response(404, "not_found", "请求的资源不存在", List.of());
            case 405 -> Problems.response(405, "method_not_allowed", "不支持该请求方法", List.of());
            case 406 -> Problems.response(406, "not_acceptable", "无法提供所请求的内容格式", List.of());
            case 413 -> Problems.response(413, "payload_too_large", "提交的内容过大", List.of());
            case 415 -> Problems.response(415, "unsupported_media_type", "不支持的内容类型，请以 JSON 提交", List.of());
            default -> status >= 500
                    ? Problems.response(status, "unavailable", "服务暂时不可用，请稍后重试", List.of())
                    : Problems.response(status, "request_failed", "请求无法处理", List.of());
        };
    }
}
