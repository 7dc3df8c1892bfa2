package org.ceportal.platform.internal;

import org.apache.ibatis.annotations.Param;

/** The shared attempt counters of {@link ThrottlesComponent} (PostgreSQL). */
public interface ThrottleMapper {

    /** Adds an attempt to the key's window; the window's attempts afterwards. */
    int count(@Param("scope") String scope, @Param("client") String client, @Param("slot") long slot);

    /** Deletes the scope's windows before {@code slot}. */
    int forgetBefore(@Param("scope") String scope, @Param("slot") long slot);
}
