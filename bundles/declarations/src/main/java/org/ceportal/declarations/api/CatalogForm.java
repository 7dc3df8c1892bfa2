package org.ceportal.declarations.api;

import java.time.Instant;
import java.util.List;

/**
 * A learning form in the ops' catalogue ({@link FormCatalog}).
 *
 * @param id           the form's id
 * @param name         its name (for a retired form, as its last declaration kept it)
 * @param version      the version offered for new declarations; for a retired form the newest one declared with
 * @param kind         HOURS, CREDITS or BASE_HOURS of a live form; null when retired
 * @param kindName     its zh-CN label
 * @param category     PUBLIC, PROFESSIONAL or CHOICE of a live form; null when retired
 * @param categoryName its zh-CN label
 * @param live         whether a bundle provides it now
 * @param statusName   在用 or 已停用
 * @param bundle       the symbolic name of the bundle that provides the offered version (null when retired)
 * @param bundleVersion that bundle's version
 * @param since        when this node saw the offered version arrive
 * @param declarations declarations made with any version of it
 * @param versions     each version that is live or was declared with, newest first
 */
public record CatalogForm(String id, String name, String version, String kind, String kindName, String category,
                          String categoryName, boolean live, String statusName, String bundle, String bundleVersion,
                          Instant since, long declarations, List<Version> versions) {

    /**
     * A version of a form.
     *
     * @param version      the form's version
     * @param live         whether a bundle provides this version now
     * @param bundle       that bundle's symbolic name, or null
     * @param bundleVersion that bundle's version, or null
     * @param since        when this node saw it arrive, or null
     * @param declarations declarations made with this version
     */
    public record Version(String version, boolean live, String bundle, String bundleVersion, Instant since,
                          long declarations) {
    }
}
