package org.ceportal.directory.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.ceportal.directory.api.EthnicGroup;
import org.ceportal.directory.api.Major;
import org.ceportal.directory.api.Region;
import org.ceportal.directory.api.Title;
import org.ceportal.platform.api.ItemList;

/**
 * The static reference data, read once: it changes only through migrations, which
 * run at start, so every node holds the same copy.
 */
final class Catalogue {
    private static final Map<String, String> LEVEL_NAMES = Map.of(
            "junior_assistant", "员级",
            "junior", "助理级",
            "intermediate", "中级",
            "deputy_senior", "副高级",
            "senior", "正高级");

    final List<Region> regions;
    final Map<String, Region> regionByCode = new LinkedHashMap<>();
    final List<Title> titles;
    final Map<String, Title> titleByCode = new LinkedHashMap<>();
    final List<EthnicGroup> ethnicGroups;
    final Map<String, EthnicGroup> ethnicByCode = new LinkedHashMap<>();
    private final Map<String, Major> majorByCode = new LinkedHashMap<>();
    private final Map<String, List<Major>> children = new LinkedHashMap<>();

    Catalogue(List<Region> regions, List<Title> titles, List<EthnicGroup> ethnicGroups, List<MajorRow> majors) {
        this.regions = List.copyOf(regions);
        regions.forEach(r -> regionByCode.put(r.code, r));
        titles.forEach(t -> t.levelName = LEVEL_NAMES.getOrDefault(t.level, t.level));
        this.titles = List.copyOf(titles);
        titles.forEach(t -> titleByCode.put(t.code, t));
        this.ethnicGroups = List.copyOf(ethnicGroups);
        ethnicGroups.forEach(e -> ethnicByCode.put(e.code, e));
        Map<String, MajorRow> rows = new LinkedHashMap<>();
        majors.forEach(m -> rows.put(m.code, m));
        for (MajorRow row : majors) {
            Major m = new Major();
            m.code = row.code;
            m.name = row.name;
            m.parentCode = row.parentCode;
            m.level = row.level;
            m.leaf = row.level == 3;
            m.path = path(row, rows);
            majorByCode.put(m.code, m);
            children.computeIfAbsent(row.parentCode == null ? "" : row.parentCode, k -> new ArrayList<>()).add(m);
        }
    }

    private static String path(MajorRow row, Map<String, MajorRow> rows) {
        List<String> names = new ArrayList<>();
        MajorRow r = row;
        for (int depth = 0; r != null && depth < 5; depth++) {
            names.add(0, r.name);
            r = r.parentCode == null ? null : rows.get(r.parentCode);
        }
        return String.join(" / ", names);
    }

    List<Major> majorChildren(String parent) {
        return List.copyOf(children.getOrDefault(parent == null ? "" : parent, List.of()));
    }

    Optional<Major> major(String code) {
        return Optional.ofNullable(code == null ? null : majorByCode.get(code));
    }

    ItemList<Major> searchMajors(String query, int limit) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        List<Major> hits = majorByCode.values().stream()
                .filter(m -> m.name.toLowerCase(Locale.ROOT).contains(q) || m.code.toLowerCase(Locale.ROOT).startsWith(q))
                .sorted(Comparator.comparingInt((Major m) -> -m.level).thenComparing(m -> m.code))
                .toList();
        return new ItemList<>(hits.subList(0, Math.min(limit, hits.size())), hits.size());
    }
}
