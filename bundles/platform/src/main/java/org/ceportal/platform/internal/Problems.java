package org.ceportal.platform.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.ceportal.platform.api.FieldError;

/** Builds RFC 9457 problem answers. */
final class Problems {
    static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    static Response response(int status, String code, String message, List<FieldError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:ceportal:problem:" + code);
        Response.StatusType st = Response.Status.fromStatusCode(status);
        body.put("title", st != null ? st.getReasonPhrase() : "Error");
        body.put("status", status);
        body.put("code", code);
        body.put("message", message);
        body.put("errors", errors);
        return Response.status(status).type(MEDIA_TYPE + ";charset=UTF-8").entity(body).build();
    }
}
