package org.ceportal.declarations.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.platform.persistence.Store;

/**
 * The snapshots of the forms' descriptions (form_schema), each kept once: a declaration names
 * its snapshot by id. A snapshot is never changed or deleted, so this node remembers the id of
 * every snapshot it has seen committed (a few per form version; at most {@value #REMEMBERED},
 * then it starts over), which is right on every node. Two nodes, or two transactions, that
 * make the same new snapshot at once may both insert it: two equal rows, either of which
 * describes the declarations that name it.
 */
final class FormSchemas {
    static final int REMEMBERED = 1024;

    private final Store store;
    private final Map<String, Long> ids = new ConcurrentHashMap<>();

    FormSchemas(Store store) {
        this.store = store;
    }

    /** Names the row's snapshot ({@code schemaJson}) in {@code schemaId}, inserting it in the session's transaction when new. */
    void name(SqlSession s, DeclarationRow row) {
        row.schemaId = idOf(s, row.formId, row.formVersion, row.schemaJson);
    }

    private long idOf(SqlSession s, String formId, String formVersion, String schemaJson) {
        String key = formId + '\n' + formVersion + '\n' + schemaJson;
        Long known = ids.get(key);
        if (known != null) {
            return known;
        }
        DeclarationMapper m = s.getMapper(DeclarationMapper.class);
        long id = m.snapshotsOf(formId, formVersion).stream().filter(f -> f.schemaJson.equals(schemaJson))
                .mapToLong(f -> f.id).findFirst().orElseGet(() -> {
                    FormSchemaRow f = new FormSchemaRow();
                    f.formId = formId;
                    f.formVersion = formVersion;
                    f.schemaJson = schemaJson;
                    m.insertSnapshot(f);
                    return f.id;
                });
        // remembered once the transaction that found or made it commits (a rolled-back insert is not there)
        store.afterCommit(() -> {
            if (ids.size() >= REMEMBERED) {
                ids.clear();
            }
            ids.put(key, id);
        });
        return id;
    }
}
