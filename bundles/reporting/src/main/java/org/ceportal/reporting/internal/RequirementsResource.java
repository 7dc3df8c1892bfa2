package org.ceportal.reporting.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.ceportal.directory.api.DirectoryService;
import org.ceportal.platform.api.FieldError;
import org.ceportal.platform.api.ItemList;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.audit.AuditLog;
import org.ceportal.platform.security.Access;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.security.Role;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/ops/requirements}: the yearly requirements for ops. They are factory
 * configurations ({@link RequirementComponent}); a PUT replaces the whole set through
 * ConfigAdmin, so the console, {@code etc/} and this page always agree.
 */
@Component(service = RequirementsResource.class)
@JakartarsResource
@JSONRequired
@Path("ops/requirements")
@Produces(MediaType.APPLICATION_JSON)
public final class RequirementsResource {
    private final ConfigurationAdmin configs;
    private final Requirements requirements;
    private final DirectoryService directory;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog audit;

    @Activate
    public RequirementsResource(@Reference ConfigurationAdmin configs, @Reference Requirements requirements,
            @Reference DirectoryService directory) {
        this.configs = configs;
        this.requirements = requirements;
        this.directory = directory;
    }

    /** A rule as the page shows and sends it; {@code id} is null for a new one. */
    public record RuleView(String id, Integer fromYear, String titleSeries, String titleSeriesName, String kind,
                           String unit, BigDecimal total, BigDecimal general, BigDecimal professional) {
    }

    /** Body of the PUT: the whole set of rules. */
    public static final class RuleSet {
        public List<RuleView> items;
    }

    @GET
    public ItemList<RuleView> list(@Context ContainerRequestContext request) {
        Access.require(request, Role.OPS);
        return ItemList.of(requirements.all().stream().map(this::view).toList());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public ItemList<RuleView> replace(@Context ContainerRequestContext request, RuleSet body) throws IOException {
        Caller ops = Access.require(request, Role.OPS);
        List<RuleView> wanted = body == null || body.items == null ? List.of() : body.items;
        List<FieldError> errors = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < wanted.size(); i++) {
            RuleView r = wanted.get(i);
            String at = "items[" + i + "].";
            if (r == null) {
                errors.add(new FieldError(at + "fromYear", "规则不能为空"));
                continue;
            }
            if (r.fromYear() == null || r.fromYear() < 1990 || r.fromYear() > 2100) {
                errors.add(new FieldError(at + "fromYear", "起始年度应在 1990 至 2100 之间"));
            }
            String series = blank(r.titleSeries()) ? null : r.titleSeries().strip();
            if (series != null && directory.titles().stream().noneMatch(t -> series.equals(t.seriesCode))) {
                errors.add(new FieldError(at + "titleSeries", "没有该职称系列"));
            }
            if (!"HOURS".equals(r.kind()) && !"CREDITS".equals(r.kind())) {
                errors.add(new FieldError(at + "kind", "单位只能是学时（HOURS）或学分（CREDITS）"));
            }
            for (BigDecimal n : new BigDecimal[] {r.total(), r.general(), r.professional()}) {
                if (n == null || n.signum() < 0 || n.compareTo(new BigDecimal("10000")) > 0) {
                    errors.add(new FieldError(at + "total", "学时要求应为 0 至 10000 之间的数"));
                    break;
                }
            }
            if (r.total() != null && r.general() != null && r.professional() != null
                    && r.general().add(r.professional()).compareTo(r.total()) > 0) {
                errors.add(new FieldError(at + "total", "公需科目与专业科目的最低要求之和不能超过总要求"));
            }
            if (!keys.add(r.fromYear() + "/" + series)) {
                errors.add(new FieldError(at + "fromYear", "同一职称系列同一起始年度只能有一条规则"));
            }
        }
        if (wanted.isEmpty()) {
            errors.add(new FieldError("items", "至少需要一条规则"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Set<String> kept = new HashSet<>();
        List<RuleView> saved = new ArrayList<>();
        for (RuleView r : wanted) {
            Configuration c = r.id() == null ? null : existing(r.id());
            if (c == null) {
                c = configs.getFactoryConfiguration(RequirementComponent.FACTORY_PID,
                        "from" + r.fromYear() + (blank(r.titleSeries()) ? "" : "-" + r.titleSeries().strip()), "?");
            }
            Dictionary<String, Object> p = new Hashtable<>();
            p.put("fromYear", r.fromYear());
            p.put("titleSeries", blank(r.titleSeries()) ? "" : r.titleSeries().strip());
            p.put("kind", r.kind());
            p.put("total", r.total().toPlainString());
            p.put("general", r.general().toPlainString());
            p.put("professional", r.professional().toPlainString());
            c.updateIfDifferent(p);
            kept.add(c.getPid());
            saved.add(new RuleView(c.getPid(), r.fromYear(), blank(r.titleSeries()) ? null : r.titleSeries().strip(), null,
                    r.kind(), "CREDITS".equals(r.kind()) ? "学分" : "学时", r.total(), r.general(), r.professional()));
        }
        for (Configuration c : all()) {
            if (!kept.contains(c.getPid())) {
                c.delete();
            }
        }
        AuditLog log = audit;
        if (log != null) {
            log.record(ops.accountId(), "requirements_update", "requirements:" + wanted.size(), "success",
                    Access.clientAddress(request));
        }
        // the rules' components restart asynchronously; the answer is the set as saved, with the ids
        return ItemList.of(saved);
    }

    private Configuration existing(String pid) throws IOException {
        return all().stream().filter(c -> c.getPid().equals(pid)).findFirst().orElse(null);
    }

    private List<Configuration> all() throws IOException {
        try {
            Configuration[] found = configs.listConfigurations("(service.factoryPid=" + RequirementComponent.FACTORY_PID + ")");
            return found == null ? List.of() : List.of(found);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private RuleView view(Rule r) {
        String seriesName = r.titleSeries() == null ? null : directory.titles().stream()
                .filter(t -> r.titleSeries().equals(t.seriesCode)).map(t -> t.seriesName).findFirst().orElse(r.titleSeries());
        return new RuleView(r.id(), r.fromYear(), r.titleSeries(), seriesName, r.kind(), r.unit(), r.total(), r.general(),
                r.professional());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
