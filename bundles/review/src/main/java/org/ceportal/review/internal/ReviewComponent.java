package org.ceportal.review.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.ceportal.platform.persistence.Database;
import org.ceportal.platform.persistence.Store;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.LoggerFactory;

/** The review module: its store (the message centre) and its settings. */
@Component(service = ReviewComponent.class, configurationPid = ReviewComponent.PID, immediate = true)
@Designate(ocd = ReviewComponent.Config.class)
public final class ReviewComponent {
    static final String PID = "org.ceportal.review";

    @ObjectClassDefinition(name = "ceportal review", description = "审核中心 and 消息中心")
    @interface Config {
        @AttributeDefinition(name = "Common reasons",
                description = "Reasons a reviewer can pick with one click when rejecting (free text is always possible)")
        String[] reasons() default {"证明材料不清晰或不完整", "证明材料与申报内容不符", "学时计算有误", "不属于本年度可申报范围",
            "重复申报", "非本单位人员"};

        @AttributeDefinition(name = "Bulk decision size", description = "The most items one bulk decision may carry",
                min = "1", max = "1000")
        int maxBulk() default 200;

        @AttributeDefinition(name = "Audit export rows", description = "The most audit records one CSV export may hold",
                min = "100", max = "1000000")
        int maxExportRows() default 50_000;

        @AttributeDefinition(name = "Time zone", description = "The days of the audit log's date filter begin and end here")
        String timeZone() default "Asia/Shanghai";
    }

    private final MessageCentre messages;
    private final List<String> reasons;
    private final int maxBulk;
    private final int maxExportRows;
    private final ZoneId zone;

    @Activate
    public ReviewComponent(Config config, BundleContext context, @Reference Database database) {
        Store store = database.open(context.getBundle(), "review", MessageMapper.class);
        this.messages = new MessageCentre(store, Clock.systemUTC());
        // a .cfg file gives a list as one comma-separated string
        this.reasons = Arrays.stream(config.reasons()).flatMap(r -> Arrays.stream(r.split(","))).map(String::strip)
                .filter(r -> !r.isEmpty()).distinct().toList();
        this.maxBulk = Math.max(1, Math.min(1000, config.maxBulk()));
        this.maxExportRows = Math.max(100, Math.min(1_000_000, config.maxExportRows()));
        ZoneId z;
        try {
            z = ZoneId.of(config.timeZone());
        } catch (DateTimeException e) {
            LoggerFactory.getLogger(ReviewComponent.class).warn("Unknown time zone {}; using Asia/Shanghai", config.timeZone());
            z = ZoneId.of("Asia/Shanghai");
        }
        this.zone = z;
    }

    int maxExportRows() {
        return maxExportRows;
    }

    ZoneId zone() {
        return zone;
    }

    MessageCentre messages() {
        return messages;
    }

    List<String> reasons() {
        return reasons;
    }

    int maxBulk() {
        return maxBulk;
    }
}
