package org.ceportal.learningforms.builtin.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ceportal.learningform.api.Evaluation;
import org.ceportal.learningform.api.Field;
import org.ceportal.learningform.api.FieldError;
import org.ceportal.learningform.api.LearningForm;
import org.junit.Assume;
import org.junit.Test;

/** What holds for every built-in form: identity, packaging, required fields, robustness, shipped configuration. */
public class AllFormsTest {

    /** A form class, its configuration annotation, and how to make it. */
    private record Kind<A>(Class<? extends BuiltinForm> type, Class<A> config, Function<A, BuiltinForm> create) {
        BuiltinForm withDefaults() {
            return create.apply(Configs.defaults(config));
        }
    }

    private static final List<Kind<?>> KINDS = List.of(
            new Kind<>(BaseStudyForm.class, BaseStudyForm.Config.class, BaseStudyForm::new),
            new Kind<>(TrainingForm.class, TrainingForm.Config.class, TrainingForm::new),
            new Kind<>(DegreeStudyForm.class, DegreeStudyForm.Config.class, DegreeStudyForm::new),
            new Kind<>(ConferenceForm.class, ConferenceForm.Config.class, ConferenceForm::new),
            new Kind<>(ResearchProjectForm.class, ResearchProjectForm.Config.class, ResearchProjectForm::new),
            new Kind<>(PaperForm.class, PaperForm.Config.class, PaperForm::new),
            new Kind<>(BookForm.class, BookForm.Config.class, BookForm::new),
            new Kind<>(PatentForm.class, PatentForm.Config.class, PatentForm::new),
            new Kind<>(AwardForm.class, AwardForm.Config.class, AwardForm::new),
            new Kind<>(QualificationExamForm.class, QualificationExamForm.Config.class, QualificationExamForm::new),
            new Kind<>(SurveyReportForm.class, SurveyReportForm.Config.class, SurveyReportForm::new),
            new Kind<>(ServiceAssignmentForm.class, ServiceAssignmentForm.Config.class, ServiceAssignmentForm::new),
            new Kind<>(SectorTrainingForm.class, SectorTrainingForm.Config.class, SectorTrainingForm::new));

    private static final Path ETC = Path.of("../../karaf-distribution/src/main/resources/etc");

    @Test
    public void thirteenFormsWithDistinctIds() {
        Set<String> ids = new HashSet<>();
        for (Kind<?> k : KINDS) {
            assertTrue("duplicate id", ids.add(k.withDefaults().description().id()));
        }
        assertEquals(new TreeSet<>(List.of("base-study", "training", "degree-study", "conference", "research-project",
                "paper", "book", "patent", "award", "qualification-exam", "survey-report", "service-assignment",
                "sector-training")), new TreeSet<>(ids));
        Set<String> names = new HashSet<>();
        for (Kind<?> k : KINDS) {
            assertTrue("duplicate name", names.add(k.withDefaults().description().name()));
        }
    }

    @Test
    public void everyFormRemakesItselfFromItsFigures() {
        for (Kind<?> k : KINDS) {
            BuiltinForm form = k.withDefaults();
            org.ceportal.learningform.api.LearningForm same = form.withFigures(Map.of()).orElseThrow();
            assertEquals(form.description(), same.description());
            assertEquals(k.type(), same.getClass());
            org.ceportal.learningform.api.LearningForm capped = form.withFigures(Map.of("maxPerItem", "3")).orElseThrow();
            assertEquals(0, new java.math.BigDecimal("3").compareTo(capped.description().maxPerItem()));
            assertEquals("the form itself is unchanged", form.description(), k.withDefaults().description());
        }
    }

    @Test
    public void everyDescriptionIsValid() {
        for (Kind<?> k : KINDS) {
            FormAssert.assertValidDescription(k.withDefaults());
        }
    }

    @Test
    public void everyComponentIsConfiguredUnderItsId() throws IOException {
        Pattern pid = Pattern.compile("configuration-pid=\"([^\"]+)\"");
        Pattern designate = Pattern.compile("<Designate pid=\"([^\"]+)\"");
        for (Kind<?> k : KINDS) {
            String expected = BuiltinForm.PID_PREFIX + k.withDefaults().description().id();
            String component = resource("OSGI-INF/" + k.type().getName() + ".xml");
            Matcher m = pid.matcher(component);
            assertTrue(k.type() + " has a configuration PID", m.find());
            assertEquals(expected, m.group(1));
            assertTrue(component.contains("<provide interface=\"" + LearningForm.class.getName() + "\"/>"));
            Matcher d = designate.matcher(resource("OSGI-INF/metatype/" + k.config().getName() + ".xml"));
            assertTrue(k.type() + " has metatype", d.find());
            assertEquals(expected, d.group(1));
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = AllFormsTest.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull("bnd generated " + name, in);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    public void noValuesNameEveryRequiredField() {
        for (Kind<?> k : KINDS) {
            LearningForm form = k.withDefaults();
            List<FieldError> expected = new ArrayList<>();
            for (Field f : form.description().fields()) {
                if (f.required()) {
                    String verb = switch (f.type()) {
                        case CHOICE -> "请选择";
                        case ATTACHMENT -> "请上传";
                        default -> "请填写";
                    };
                    expected.add(new FieldError(f.key(), verb + f.label()));
                }
            }
            assertFalse(expected.isEmpty());
            assertEquals(expected, form.evaluate(Map.of()).errors());
            assertEquals(expected, form.evaluate(null).errors());
        }
    }

    @Test
    public void junkNeverThrows() {
        Object[] junk = {null, "", "x", "-1", "1e9", 0, -5, 1.005, Double.NaN, true, List.of(), List.of(1, 2), Map.of(),
                Map.of("from", "2024-01-01"), Map.of("from", "2024-01-02", "to", "2024-01-01"), "2024-02-30",
                "字".repeat(5000), new Object()};
        for (Kind<?> k : KINDS) {
            LearningForm form = k.withDefaults();
            for (Object j : junk) {
                Map<String, Object> values = new HashMap<>();
                for (Field f : form.description().fields()) {
                    values.put(f.key(), j);
                }
                Evaluation e = form.evaluate(values);
                assertNotNull(e);
            }
        }
    }

    @Test
    public void shippedConfigurationShowsEveryFigureWithItsDefaultAsACommentedExample() throws Exception {
        Assume.assumeTrue("the distribution sources are beside this bundle", Files.isDirectory(ETC));
        for (Kind<?> k : KINDS) {
            String id = k.withDefaults().description().id();
            Path file = ETC.resolve(BuiltinForm.PID_PREFIX + id + ".cfg");
            assertTrue(file + " exists", Files.isRegularFile(file));
            byte[] bytes = Files.readAllBytes(file);
            for (byte b : bytes) {
                assertTrue(file + " is plain ASCII", b >= 0);
            }
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            // the defaults live in metatype: the file shows each one as a commented example and sets nothing
            Properties active = new Properties();
            active.load(new StringReader(text));
            assertTrue(file + " sets " + active.stringPropertyNames(), active.isEmpty());
            Properties p = new Properties();
            StringBuilder examples = new StringBuilder();
            for (String line : text.split("\n")) {
                if (line.matches("#\\s*[A-Za-z][A-Za-z0-9]*\\s*=.*")) {
                    examples.append(line.substring(1).strip()).append('\n');
                }
            }
            p.load(new StringReader(examples.toString()));
            Map<String, String> defaults = new HashMap<>();
            for (Method m : k.config().getDeclaredMethods()) {
                defaults.put(m.getName(), String.valueOf(m.getDefaultValue()));
            }
            assertEquals(file.toString(), defaults.keySet(), p.stringPropertyNames());
            for (Map.Entry<String, String> e : defaults.entrySet()) {
                assertEquals(file + " " + e.getKey(), e.getValue(), p.getProperty(e.getKey()));
            }
        }
    }
}
