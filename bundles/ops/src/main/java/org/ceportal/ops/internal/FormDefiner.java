package org.ceportal.ops.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ceportal.learningform.api.LearningForm;
import org.ceportal.platform.api.FieldError;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.audit.AuditLog;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learning forms defined without Java (学习形式管理 › 新建学习形式): a checked {@link FormDefinition} saved as the factory
 * configuration {@code org.ceportal.ops.definedform~<id>} (Karaf keeps it across restarts and writes it to
 * {@code etc/}), which {@link DefinedFormComponent} turns into a live {@link LearningForm} within moments; changed as a
 * new revision (a new version of the form: declarations keep the one they were made with); retired by deleting the
 * configuration (its declarations stay readable). Every change is audited.
 */
@Component(service = FormDefiner.class)
public final class FormDefiner {
    static final String FACTORY_PID = "org.ceportal.ops.definedform";
    private static final Logger LOG = LoggerFactory.getLogger(FormDefiner.class);
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final long LIVE_WAIT_MILLIS = 3000;

    /**
     * A defined form as the page lists it.
     *
     * @param definition what was defined
     * @param version    the form's version now
     * @param live       whether it is registered now
     * @param statusName 在用, or 未上线 when it is not (the log says why)
     */
    public record Defined(FormDefinition definition, String version, boolean live, String statusName) {
        Defined(FormDefinition definition, String version, boolean live) {
            this(definition, version, live, live ? "在用" : "未上线");
        }
    }

    private final ConfigurationAdmin configs;
    private final AuditLog audit;
    private final BundleContext context;

    @Activate
    public FormDefiner(@Reference ConfigurationAdmin configs, @Reference AuditLog audit, BundleContext context) {
        this.configs = configs;
        this.audit = audit;
        this.context = context;
    }

    /** The form a configuration's properties define; an IllegalArgumentException says why not. */
    static DefinedForm make(Map<String, ?> properties, String where) {
        Object text = properties.get("definition");
        if (text == null) {
            throw new IllegalArgumentException(where + " has no definition");
        }
        Object revision = properties.get("revision");
        return make(String.valueOf(text), "1." + (revision == null ? "0" : String.valueOf(revision).strip()) + ".0", where);
    }

    /** The form a definition's JSON text makes, with that version; an IllegalArgumentException says why not. */
    static DefinedForm make(String text, String version, String where) {
        FormDefinition d;
        try {
            d = JSON.readValue(text, FormDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": the definition is not valid JSON: " + e.getOriginalMessage());
        }
        List<FieldError> errors = FormDefinitions.check(d);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(where + ": " + errors);
        }
        return new DefinedForm(d, version);
    }

    /** Every defined form, by id. */
    public List<Defined> list() {
        List<Defined> out = new ArrayList<>();
        for (Configuration c : configurations(null)) {
            try {
                DefinedForm f = make(toMap(c.getProperties()), c.getPid());
                out.add(new Defined(f.definition(), f.description().version(), isLive(f.description().id(), f.description().version())));
            } catch (IllegalArgumentException e) {
                LOG.warn("Defined learning form {} is not valid: {}", c.getPid(), e.getMessage());
            }
        }
        out.sort(java.util.Comparator.comparing(d -> d.definition().id()));
        return out;
    }

    /** Defines a new form; 400 with field errors (a duplicate id among them) and nothing saved when it cannot be. */
    public Defined create(Long actorId, String address, FormDefinition d) {
        List<FieldError> errors = new ArrayList<>(FormDefinitions.check(d));
        if (d != null && d.id() != null && errors.stream().noneMatch(e -> e.field().equals("id"))
                && (!configurations(d.id()).isEmpty() || isLive(d.id(), null))) {
            errors.add(0, new FieldError("id", "编号 " + d.id() + " 已被其他学习形式使用"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Defined saved = save(d, 0);
        audit.record(actorId, "learning_form_define", "form:" + d.id(), "created", address);
        return saved;
    }

    /** A new revision of a defined form: a new version for new declarations. */
    public Defined update(Long actorId, String address, String id, FormDefinition d) {
        Configuration c = one(id);
        FormDefinition same = d == null ? null : new FormDefinition(id, d.name(), d.kind(), d.category(), d.help(), d.fields(),
                d.rule(), d.maxPerItem(), d.maxPerYear(), d.yearField());
        List<FieldError> errors = FormDefinitions.check(same);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Object revision = c.getProperties().get("revision");
        Defined saved = save(same, revision == null ? 1 : Integer.parseInt(String.valueOf(revision).strip()) + 1);
        audit.record(actorId, "learning_form_define", "form:" + id, "updated", address);
        return saved;
    }

    /** Retires a defined form: no new declarations; those made stay readable from their snapshots. */
    public void retire(Long actorId, String address, String id) {
        Configuration c = one(id);
        try {
            c.delete();
        } catch (IOException e) {
            throw new ProblemException(503, "configuration_unavailable", "学习形式暂时无法停用，请稍后再试");
        }
        audit.record(actorId, "learning_form_retire", "form:" + id, "retired", address);
        LOG.info("Defined learning form {} retired by account {}", id, actorId);
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LIVE_WAIT_MILLIS);
        while (isLive(id, null) && System.nanoTime() < until) {
            pause();
        }
    }

    private Defined save(FormDefinition d, int revision) {
        Dictionary<String, Object> props = new Hashtable<>();
        try {
            props.put("definition", JSON.writeValueAsString(d));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        props.put("formId", d.id());
        props.put("revision", String.valueOf(revision));
        try {
            configs.getFactoryConfiguration(FACTORY_PID, d.id(), "?").update(props);
        } catch (IOException e) {
            throw new ProblemException(503, "configuration_unavailable", "学习形式暂时无法保存，请稍后再试");
        }
        String version = "1." + revision + ".0";
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LIVE_WAIT_MILLIS);
        while (!isLive(d.id(), version) && System.nanoTime() < until) {
            pause();
        }
        LOG.info("Learning form {} defined, version {}", d.id(), version);
        return new Defined(d, version, isLive(d.id(), version));
    }

    /** The configuration of a defined form, or 404. */
    private Configuration one(String id) {
        List<Configuration> found = id == null || !FormDefinitions.ID.matcher(id).matches() ? List.of() : configurations(id);
        if (found.isEmpty()) {
            throw ProblemException.notFound("definition_not_found", "没有这个自定义的学习形式");
        }
        return found.get(0);
    }

    private List<Configuration> configurations(String id) {
        String filter = "(service.factoryPid=" + FACTORY_PID + ")";
        if (id != null) {
            filter = "(&" + filter + "(formId=" + id + "))"; // id matched FormDefinitions.ID: no filter characters
        }
        try {
            Configuration[] found = configs.listConfigurations(filter);
            return found == null ? List.of() : List.of(found);
        } catch (IOException | InvalidSyntaxException e) {
            throw new ProblemException(503, "configuration_unavailable", "学习形式暂时无法读取，请稍后再试");
        }
    }

    /** Whether a form of that id (and version, when given) is registered now, by any bundle. */
    private boolean isLive(String id, String version) {
        try {
            for (ServiceReference<LearningForm> r : context.getServiceReferences(LearningForm.class, null)) {
                LearningForm f = context.getService(r);
                try {
                    if (f != null && f.description().id().equals(id)
                            && (version == null || f.description().version().equals(version))) {
                        return true;
                    }
                } finally {
                    context.ungetService(r);
                }
            }
            return false;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> toMap(Dictionary<String, Object> d) {
        Map<String, Object> m = new java.util.HashMap<>();
        for (java.util.Enumeration<String> k = d.keys(); k.hasMoreElements();) {
            String key = k.nextElement();
            m.put(key, d.get(key));
        }
        return m;
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
