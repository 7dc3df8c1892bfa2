package org.ceportal.ops.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.ceportal.learningform.api.Evaluation;
import org.ceportal.learningform.api.LearningForm;
import org.ceportal.platform.api.FieldError;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.audit.AuditLog;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A learning form's figures (学习形式管理 › 数值配置): its configuration (PID {@code org.ceportal.learningform.<id>}) as
 * its bundle's metatype describes it, changed by ops after a preview of what the change does to sample values.
 * A change is checked against the metatype (type, minimum, maximum) and by making the form with it
 * ({@link LearningForm#withFigures}) before anything is saved; it applies to evaluations from then on, while every
 * declaration keeps the hours it was given. Saved through ConfigurationAdmin (Karaf writes it to
 * {@code etc/<pid>.cfg}); audited.
 */
@Component(service = FormFigures.class)
public final class FormFigures {
    static final String PID_PREFIX = "org.ceportal.learningform.";
    private static final Logger LOG = LoggerFactory.getLogger(FormFigures.class);
    private static final long RELOAD_WAIT_MILLIS = 5000;
    private static final int MAX_TEXT = 2000;

    /**
     * A figure of a form.
     *
     * @param key          the property
     * @param name         its label (the metatype's name)
     * @param description  what it means
     * @param type         {@code integer}, {@code decimal}, {@code boolean} or {@code text}
     * @param value        the value in force
     * @param defaultValue the value without configuration
     */
    public record Figure(String key, String name, String description, String type, String value, String defaultValue) {
    }

    /**
     * The figures of a form.
     *
     * @param formId      the form
     * @param formName    its name
     * @param formVersion its live version
     * @param pid         the configuration's PID
     * @param version     the configuration's change count: send it back with a change
     * @param previewable whether the form can show a change before it is saved
     * @param figures     each figure
     */
    public record Figures(String formId, String formName, String formVersion, String pid, long version,
                          boolean previewable, List<Figure> figures) {
    }

    /** A change: figures by key (values as typed) and the version read. */
    public record Change(Map<String, String> figures, Long version) {
    }

    /** What to preview: the proposed figures and sample values of the form's fields. */
    public record PreviewRequest(Map<String, String> figures, Map<String, Object> values) {
    }

    /**
     * The form's judgement of sample values.
     *
     * @param proposedHours what it proposes (null when the values are not valid)
     * @param explanation   how it got there
     * @param errors        the values' field errors ({@code values.<key>})
     */
    public record Outcome(BigDecimal proposedHours, String explanation, List<FieldError> errors) {
    }

    /** The sample values judged with the figures in force and with the proposed ones. */
    public record Preview(Outcome current, Outcome proposed) {
    }

    private final MetaTypeService metaType;
    private final ConfigurationAdmin configs;
    private final AuditLog audit;
    private final BundleContext context;

    @Activate
    public FormFigures(@Reference MetaTypeService metaType, @Reference ConfigurationAdmin configs, @Reference AuditLog audit,
            BundleContext context) {
        this.metaType = metaType;
        this.configs = configs;
        this.audit = audit;
        this.context = context;
    }

    /** A live form with its registration and what describes its figures. */
    private record Live(ServiceReference<LearningForm> ref, LearningForm form, ObjectClassDefinition ocd, String pid) {
    }

    public Figures get(String formId) {
        return figures(live(formId));
    }

    public Preview preview(String formId, PreviewRequest request) {
        Live live = live(formId);
        Map<String, Object> values = request == null || request.values() == null ? Map.of() : request.values();
        Map<String, Object> proposed = checked(live, request == null ? null : request.figures());
        LearningForm changed = make(live, proposed).orElseThrow(() -> new ProblemException(409, "preview_unavailable",
                "该学习形式不支持预览，请直接保存"));
        return new Preview(outcome(live.form().evaluate(values)), outcome(changed.evaluate(values)));
    }

    public Figures update(Long actorId, String address, String formId, Change change) {
        Live live = live(formId);
        Map<String, Object> merged = checked(live, change == null ? null : change.figures());
        make(live, merged);
        Configuration c = configuration(live.pid(), true);
        if (change.version() != null && change.version() != c.getChangeCount()) {
            throw ProblemException.conflict("stale_version", "数值已被他人修改，请刷新后再改");
        }
        Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        Map<String, String> changed = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : change.figures().entrySet()) {
            String before = props.get(e.getKey()) == null ? null : String.valueOf(props.get(e.getKey()));
            String after = e.getValue().strip();
            if (!after.equals(before)) {
                changed.put(e.getKey(), before + " -> " + after);
                props.put(e.getKey(), after);
            }
        }
        Object before = live.ref().getProperty(Constants.SERVICE_ID);
        try {
            c.update(props);
        } catch (IOException e) {
            throw new ProblemException(503, "configuration_unavailable", "数值暂时无法保存，请稍后再试");
        }
        audit.record(actorId, "learning_form_figures", "form:" + formId, "updated", address);
        LOG.info("Figures of learning form {} changed by account {}: {}", formId, actorId, changed);
        return figures(awaitReload(formId, before));
    }

    /** The live form of that id (its newest version) with its metatype, or 404. */
    private Live live(String formId) {
        String id = formId == null ? "" : formId.strip();
        ServiceReference<LearningForm> best = null;
        LearningForm bestForm = null;
        try {
            for (ServiceReference<LearningForm> r : context.getServiceReferences(LearningForm.class, null)) {
                LearningForm f = context.getService(r);
                if (f == null) {
                    continue;
                }
                try {
                    if (f.description().id().equals(id) && (bestForm == null
                            || version(f).compareTo(version(bestForm)) > 0)) {
                        best = r;
                        bestForm = f;
                    }
                } finally {
                    context.ungetService(r);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (best == null) {
            throw ProblemException.notFound("form_not_found", "没有在用的学习形式：" + (id.length() > 64 ? id.substring(0, 64) : id));
        }
        String pid = PID_PREFIX + id;
        ObjectClassDefinition ocd = null;
        MetaTypeInformation info = best.getBundle() == null ? null : metaType.getMetaTypeInformation(best.getBundle());
        if (info != null && List.of(info.getPids()).contains(pid)) {
            ocd = info.getObjectClassDefinition(pid, "zh_CN");
        }
        if (ocd == null) {
            throw ProblemException.notFound("figures_not_found", "该学习形式没有可配置的数值");
        }
        return new Live(best, bestForm, ocd, pid);
    }

    private static Version version(LearningForm f) {
        try {
            return Version.parseVersion(f.description().version());
        } catch (IllegalArgumentException e) {
            return Version.emptyVersion;
        }
    }

    private Figures figures(Live live) {
        Configuration c = configuration(live.pid(), false);
        Dictionary<String, Object> props = c == null ? null : c.getProperties();
        List<Figure> out = new ArrayList<>();
        for (AttributeDefinition ad : live.ocd().getAttributeDefinitions(ObjectClassDefinition.ALL)) {
            String def = text(ad.getDefaultValue());
            Object v = props == null ? null : props.get(ad.getID());
            out.add(new Figure(ad.getID(), ad.getName(), ad.getDescription(), type(ad), v == null ? def : text(v), def));
        }
        boolean previewable;
        try {
            previewable = live.form().withFigures(Map.of()).isPresent();
        } catch (RuntimeException e) {
            previewable = false;
        }
        return new Figures(live.form().description().id(), live.form().description().name(),
                live.form().description().version(), live.pid(), c == null ? 0 : c.getChangeCount(), previewable, out);
    }

    /** The configuration's properties with the change applied, every changed figure checked; 400 with each error. */
    private Map<String, Object> checked(Live live, Map<String, String> change) {
        if (change == null || change.isEmpty()) {
            throw ProblemException.invalid("figures", "请填写要修改的数值");
        }
        Map<String, AttributeDefinition> ads = new HashMap<>();
        for (AttributeDefinition ad : live.ocd().getAttributeDefinitions(ObjectClassDefinition.ALL)) {
            ads.put(ad.getID(), ad);
        }
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, String> e : change.entrySet()) {
            String field = "figures." + e.getKey();
            AttributeDefinition ad = ads.get(e.getKey());
            String v = e.getValue() == null ? "" : e.getValue().strip();
            if (ad == null) {
                errors.add(new FieldError(field, "该学习形式没有这项数值"));
            } else if (v.isEmpty()) {
                errors.add(new FieldError(field, "请填写" + ad.getName()));
            } else {
                String problem = problem(ad, v);
                if (problem != null) {
                    errors.add(new FieldError(field, ad.getName() + problem));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Configuration c = configuration(live.pid(), false);
        Map<String, Object> merged = new HashMap<>();
        if (c != null && c.getProperties() != null) {
            for (java.util.Enumeration<String> keys = c.getProperties().keys(); keys.hasMoreElements();) {
                String k = keys.nextElement();
                merged.put(k, c.getProperties().get(k));
            }
        }
        change.forEach((k, v) -> merged.put(k, v.strip()));
        return merged;
    }

    /** What is wrong with a value by the metatype, or null. */
    private static String problem(AttributeDefinition ad, String v) {
        try {
            switch (ad.getType()) {
                case AttributeDefinition.INTEGER, AttributeDefinition.LONG, AttributeDefinition.SHORT, AttributeDefinition.BYTE ->
                    Long.parseLong(v);
                case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> new BigDecimal(v);
                case AttributeDefinition.BOOLEAN -> {
                    if (!v.equals("true") && !v.equals("false")) {
                        return "应为 true 或 false";
                    }
                }
                default -> {
                    if (v.length() > MAX_TEXT) {
                        return "不能超过 " + MAX_TEXT + " 个字符";
                    }
                }
            }
        } catch (NumberFormatException e) {
            return isInteger(ad) ? "应为整数" : "应为数字";
        }
        String verdict = ad.validate(v);
        if (verdict == null || verdict.isEmpty()) {
            return null;
        }
        // Felix metatype answers these keys; another implementation's words are not shown to ops
        return switch (verdict) {
            case "%less than minimum" -> "小于允许的最小值";
            case "%greater than maximum" -> "大于允许的最大值";
            case "%not a valid option" -> "不是可选的值";
            default -> "不符合要求";
        };
    }

    private static boolean isInteger(AttributeDefinition ad) {
        int t = ad.getType();
        return t == AttributeDefinition.INTEGER || t == AttributeDefinition.LONG || t == AttributeDefinition.SHORT
                || t == AttributeDefinition.BYTE;
    }

    /** The form made with these figures; a combination it refuses is a 400 on {@code figures}. */
    private static Optional<LearningForm> make(Live live, Map<String, Object> figures) {
        try {
            return live.form().withFigures(figures);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("figures", "这组数值不能用于该学习形式，请检查格式（例如对照表应为以逗号分隔的数字）");
        }
    }

    private static Outcome outcome(Evaluation e) {
        return new Outcome(e.proposed(), e.explanation(),
                e.errors().stream().map(f -> new FieldError("values." + f.field(), f.message())).toList());
    }

    private Configuration configuration(String pid, boolean create) {
        try {
            if (create) {
                return configs.getConfiguration(pid, "?");
            }
            Configuration[] found = configs.listConfigurations("(" + Constants.SERVICE_PID + "=" + pid + ")");
            return found == null || found.length == 0 ? null : found[0];
        } catch (IOException | InvalidSyntaxException e) {
            throw new ProblemException(503, "configuration_unavailable", "数值暂时无法读取，请稍后再试");
        }
    }

    /** Waits (at most {@link #RELOAD_WAIT_MILLIS}) until the form is registered anew with its new configuration. */
    private Live awaitReload(String formId, Object serviceIdBefore) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RELOAD_WAIT_MILLIS);
        while (true) {
            try {
                Live now = live(formId);
                if (!Objects.equals(now.ref().getProperty(Constants.SERVICE_ID), serviceIdBefore) || System.nanoTime() > until) {
                    return now;
                }
            } catch (ProblemException gone) { // between its deactivation and its activation
                if (System.nanoTime() > until) {
                    throw gone;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return live(formId);
            }
        }
    }

    private static String type(AttributeDefinition ad) {
        return switch (ad.getType()) {
            case AttributeDefinition.INTEGER, AttributeDefinition.LONG, AttributeDefinition.SHORT, AttributeDefinition.BYTE -> "integer";
            case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> "decimal";
            case AttributeDefinition.BOOLEAN -> "boolean";
            default -> "text";
        };
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof String[] a) {
            return String.join(",", a);
        }
        if (v instanceof Collection<?> c) {
            return String.join(",", c.stream().map(String::valueOf).toList());
        }
        if (v.getClass().isArray()) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < java.lang.reflect.Array.getLength(v); i++) {
                parts.add(String.valueOf(java.lang.reflect.Array.get(v, i)));
            }
            return String.join(",", parts);
        }
        return String.valueOf(v);
    }
}
