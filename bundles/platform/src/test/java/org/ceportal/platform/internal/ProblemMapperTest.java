package org.ceportal.platform.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.ceportal.platform.api.FieldError;
import org.ceportal.platform.api.ProblemException;
import org.junit.Test;

public class ProblemMapperTest {
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public record Person(String name, int age) {
    }

    public record Roster(List<Person> people) {
    }

    private final ProblemMapper mapper = new ProblemMapper();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Response r) {
        assertTrue("entity is a map: " + r.getEntity(), r.getEntity() instanceof Map);
        return (Map<String, Object>) r.getEntity();
    }

    @SuppressWarnings("unchecked")
    private static List<FieldError> errors(Response r) {
        return (List<FieldError>) body(r).get("errors");
    }

    private static String message(Response r) {
        return (String) body(r).get("message");
    }

    private static void assertChinese(String text) {
        assertNotNull(text);
        assertTrue("not zh-CN: " + text, HAN.matcher(text).find());
    }

    /** Status, media type and the problem fields every answer carries. */
    private static void assertProblem(Response r, int status, String code) {
        assertEquals(status, r.getStatus());
        MediaType type = r.getMediaType();
        assertNotNull("no Content-Type", type);
        assertEquals("application", type.getType());
        assertEquals("problem+json", type.getSubtype());
        assertEquals("UTF-8", type.getParameters().get(MediaType.CHARSET_PARAMETER));
        String header = r.getHeaderString(HttpHeaders.CONTENT_TYPE);
        assertNotNull(header);
        assertTrue(header, header.startsWith("application/problem+json"));

        Map<String, Object> body = body(r);
        assertEquals("urn:ceportal:problem:" + code, body.get("type"));
        assertEquals(status, body.get("status"));
        assertEquals(code, body.get("code"));
        assertChinese((String) body.get("message"));
        assertNotNull("errors is always present", body.get("errors"));
    }

    @Test
    public void problemExceptionKeepsItsStatusCodeMessageAndErrors() {
        List<FieldError> fieldErrors = List.of(new FieldError("name", "请填写单位名称"),
                new FieldError("regionCode", "请选择所在地区"));
        Response r = mapper.toResponse(new ProblemException(422, "unit_invalid", "单位信息不完整", fieldErrors));

        assertProblem(r, 422, "unit_invalid");
        assertEquals("单位信息不完整", message(r));
        assertEquals(fieldErrors, errors(r));
    }

    @Test
    public void problemExceptionFactoriesMapToTheirStatuses() {
        assertProblem(mapper.toResponse(ProblemException.unauthorized()), 401, "unauthenticated");
        assertProblem(mapper.toResponse(ProblemException.forbidden()), 403, "forbidden");
        Response notFound = mapper.toResponse(ProblemException.notFound("unit_not_found", "单位不存在"));
        assertProblem(notFound, 404, "unit_not_found");
        assertEquals("Not Found", body(notFound).get("title"));
        assertProblem(mapper.toResponse(ProblemException.conflict("unit_exists", "单位已存在")), 409, "unit_exists");
        Response invalid = mapper.toResponse(ProblemException.invalid("name", "请填写姓名"));
        assertProblem(invalid, 400, "validation_failed");
        assertEquals(List.of(new FieldError("name", "请填写姓名")), errors(invalid));
    }

    @Test
    public void unknownPathIsNotFound() {
        Response r = mapper.toResponse(new NotFoundException("HTTP 404 Not Found"));
        assertProblem(r, 404, "not_found");
        assertFalse(message(r).contains("HTTP 404"));
        assertEquals(List.of(), errors(r));
    }

    @Test
    public void wrongMethodIsMethodNotAllowed() {
        Response r = mapper.toResponse(new NotAllowedException("GET", new String[] {"POST"}));
        assertProblem(r, 405, "method_not_allowed");
    }

    @Test
    public void otherHttpStatusesKeepTheirStatus() {
        assertProblem(mapper.toResponse(new WebApplicationException(415)), 415, "unsupported_media_type");
        assertProblem(mapper.toResponse(new WebApplicationException(503)), 503, "unavailable");
        assertProblem(mapper.toResponse(new WebApplicationException(418)), 418, "request_failed");
    }

    @Test
    public void brokenJsonIsMalformedRequest() {
        JsonParseException parse = null;
        try {
            new ObjectMapper().readTree("{name: 1}");
            fail("parsed");
        } catch (JsonParseException e) {
            parse = e;
        } catch (JsonProcessingException e) {
            fail("expected a JsonParseException, got " + e);
        }
        Response r = mapper.toResponse(parse);
        assertProblem(r, 400, "malformed_request");
        assertEquals(List.of(), errors(r));

        // the same when the JSON provider wraps it
        assertProblem(mapper.toResponse(new BadRequestException(parse)), 400, "malformed_request");
    }

    @Test
    public void wrongValueTypeNamesTheField() {
        InvalidFormatException bad = null;
        try {
            new ObjectMapper().readValue("{\"name\":\"张三\",\"age\":\"x\"}", Person.class);
            fail("parsed");
        } catch (InvalidFormatException e) {
            bad = e;
        } catch (JsonProcessingException e) {
            fail("expected an InvalidFormatException, got " + e);
        }
        Response r = mapper.toResponse(bad);
        assertProblem(r, 400, "malformed_request");
        assertEquals(1, errors(r).size());
        assertEquals("age", errors(r).get(0).field());
        assertChinese(errors(r).get(0).message());
        assertTrue(message(r), message(r).contains("age"));
    }

    @Test
    public void wrongValueInAListNamesThePath() throws Exception {
        try {
            new ObjectMapper().readValue("{\"people\":[{\"age\":1},{\"age\":\"x\"}]}", Roster.class);
            fail("parsed");
        } catch (InvalidFormatException e) {
            Response r = mapper.toResponse(e);
            assertProblem(r, 400, "malformed_request");
            assertEquals("people[1].age", errors(r).get(0).field());
        }
    }

    @Test
    public void unexpectedFailureIsInternalErrorWithoutInternals() {
        String secret = "SELECT password_hash FROM account WHERE id = 7: connection pool exhausted";
        Response r = mapper.toResponse(new IllegalStateException(secret, new RuntimeException("jdbc:derby:/srv/data")));

        assertProblem(r, 500, "internal_error");
        String message = message(r);
        for (String leak : new String[] {"SELECT", "password", "account", "pool", "derby", "IllegalState", "Exception"}) {
            assertFalse("leaks '" + leak + "': " + message, message.contains(leak));
        }
        assertEquals(List.of(), errors(r));
        assertEquals(-1, String.valueOf(body(r)).indexOf("password"));
    }

    @Test
    public void unexpectedFailureCarriesAFreshIncidentId() {
        String first = message(mapper.toResponse(new NullPointerException()));
        String second = message(mapper.toResponse(new NullPointerException()));
        Matcher m1 = UUID.matcher(first);
        Matcher m2 = UUID.matcher(second);
        assertTrue("incident id in " + first, m1.find());
        assertTrue("incident id in " + second, m2.find());
        assertNotEquals(m1.group(), m2.group());
    }
}
