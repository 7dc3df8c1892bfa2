package org.ceportal.reporting.internal;

import java.math.BigDecimal;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * One yearly requirement, a factory configuration {@code org.ceportal.reporting.requirement}
 * (one {@code etc/org.ceportal.reporting.requirement-<name>.cfg} each). The distribution
 * ships one, {@code -default}, with the province's rule: 90 学时, 公需 ≥ 30, 专业 ≥ 60.
 */
@Component(service = RequirementComponent.class, configurationPid = RequirementComponent.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = RequirementComponent.Config.class, factory = true)
public final class RequirementComponent {
    static final String FACTORY_PID = "org.ceportal.reporting.requirement";

    @ObjectClassDefinition(name = "ceportal yearly requirement",
            description = "继续教育年度学时要求: from a year on, for a title series or everyone")
    @interface Config {
        @AttributeDefinition(name = "From year", description = "The first year the rule applies to (until a later rule)",
                min = "1990", max = "2100")
        int fromYear() default 1990;

        @AttributeDefinition(name = "Title series",
                description = "Code of a title series (e.g. ACC for 会计); empty = everyone without a rule of their own",
                required = false)
        String titleSeries() default "";

        @AttributeDefinition(name = "Unit", options = {@Option(label = "学时 (hours)", value = "HOURS"),
            @Option(label = "学分 (credits)", value = "CREDITS")})
        String kind() default "HOURS";

        @AttributeDefinition(name = "Total per year", min = "0")
        String total() default "90";

        @AttributeDefinition(name = "At least 公需科目", min = "0")
        String general() default "30";

        @AttributeDefinition(name = "At least 专业科目", min = "0")
        String professional() default "60";
    }

    private final Rule rule;

    @Activate
    public RequirementComponent(Config config, Map<String, Object> properties) {
        String series = config.titleSeries() == null || config.titleSeries().isBlank() ? null : config.titleSeries().strip();
        this.rule = new Rule(String.valueOf(properties.get("service.pid")), config.fromYear(), series,
                "CREDITS".equals(config.kind()) ? "CREDITS" : "HOURS", number(config.total()), number(config.general()),
                number(config.professional()));
    }

    private static BigDecimal number(String s) {
        try {
            return new BigDecimal(s.strip()).max(BigDecimal.ZERO);
        } catch (RuntimeException e) {
            return BigDecimal.ZERO;
        }
    }

    Rule rule() {
        return rule;
    }
}
