package org.ceportal.bases.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;

import org.ceportal.platform.persistence.Store;

/** Rows the bases' tests start from, written straight through the mappers. */
final class BaseRows {
    private BaseRows() {
    }

    /** A base of 洛阳市 accredited from {@code validFrom} to {@code validTo}; its id. */
    static long base(Store store, String accreditationNo, String validFrom, String validTo) {
        return store.inTransaction(s -> {
            BaseRow r = new BaseRow();
            r.name = "基地 " + accreditationNo;
            r.regionCode = "410300";
            r.accreditationNo = accreditationNo;
            r.validFrom = Date.valueOf(validFrom);
            r.validTo = Date.valueOf(validTo);
            r.createdAt = new Timestamp(0);
            r.updatedAt = r.createdAt;
            s.getMapper(BaseMapper.class).insert(r);
            return r.id;
        });
    }

    /** A course of the base in 2026 (1 to 3 February, 24 hours, 专业科目); its id. */
    static long course(Store store, long baseId) {
        return store.inTransaction(s -> {
            CourseRow c = new CourseRow();
            c.baseId = baseId;
            c.name = "教师培训";
            c.dateFrom = Date.valueOf("2026-02-01");
            c.dateTo = Date.valueOf("2026-02-03");
            c.hours = new BigDecimal("24");
            c.category = "PROFESSIONAL";
            c.declYear = 2026;
            c.createdAt = new Timestamp(0);
            c.updatedAt = c.createdAt;
            s.getMapper(BaseMapper.class).insertCourse(c);
            return c.id;
        });
    }
}
