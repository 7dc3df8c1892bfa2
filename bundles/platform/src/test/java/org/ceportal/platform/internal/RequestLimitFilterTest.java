package org.ceportal.platform.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;

import org.ceportal.platform.api.ProblemException;
import org.junit.Test;

public class RequestLimitFilterTest {

    @Test
    public void aBoundedStreamRefusesTheByteBeyondTheLimit() throws Exception {
        try (InputStream in = new RequestLimitFilter.Bounded(new ByteArrayInputStream(new byte[100]), 100)) {
            assertEquals(100, in.readAllBytes().length);
        }
        try (InputStream in = new RequestLimitFilter.Bounded(new ByteArrayInputStream(new byte[101]), 100)) {
            in.readAllBytes();
            fail("read past the limit");
        } catch (ProblemException e) {
            assertEquals(413, e.status());
        }
    }

    @Test
    public void healthHidesErrorTextsFromEveryoneButOps() {
        Map<String, Object> shown = HealthResource.withoutErrors(Map.of("databaseId", "derby", "error", "Connection refused: db:5432",
                "migrations", Map.of("accounts", Map.of("status", "FAILED", "error", "SQL: ALTER TABLE ..."))));
        assertEquals(Map.of("databaseId", "derby", "migrations", Map.of("accounts", Map.of("status", "FAILED"))), shown);
    }
}
