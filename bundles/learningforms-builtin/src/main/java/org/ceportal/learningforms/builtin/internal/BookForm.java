package org.ceportal.learningforms.builtin.internal;

import java.math.BigDecimal;
import java.util.List;

import org.ceportal.learningform.api.DeclarationKind;
import org.ceportal.learningform.api.Evaluation;
import org.ceportal.learningform.api.Field;
import org.ceportal.learningform.api.FieldValues;
import org.ceportal.learningform.api.FormDescription;
import org.ceportal.learningform.api.LearningForm;
import org.ceportal.learningform.api.Option;
import org.ceportal.learningform.api.SubjectCategory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * 出版著作: a published book earns a figure per 万字 (ten thousand characters) by the
 * author's rank, capped per book; only the first authors the table lists (three by
 * default) may declare. The ISBN's check digit is verified. Category: professional.
 */
@Component(service = LearningForm.class, configurationPid = BookForm.PID)
@Designate(ocd = BookForm.Config.class)
public final class BookForm extends BuiltinForm {
    static final String ID = "book";
    static final String PID = PID_PREFIX + ID;

    @ObjectClassDefinition(name = "学习形式：出版著作",
            description = "出版著作的学时计算数值；折算表未作规定，默认值由本平台设定")
    @interface Config {
        @AttributeDefinition(name = "按作者排名的每万字学时",
                description = "每万字计多少学时，按作者排名填写：用英文逗号分隔的整数，第 1 个数对应第一作者，第 2 个数对应第二作者，依此类推；"
                        + "填了几个数，就只有排名前几位的作者可以申报（规定为前三名）。默认 3,2,1")
        String hoursPerTenThousandChars() default "3,2,1";

        @AttributeDefinition(name = "每项最多学时", min = "1",
                description = "一部著作最多可得的学时；默认 60（即第一作者 20 万字）")
        int maxPerItem() default 60;

        @AttributeDefinition(name = "每年最多学时", min = "0",
                description = "一年内所有出版著作申报合计最多可得的学时；0 表示不限（默认）")
        int maxPerYear() default 0;
    }

    private final List<BigDecimal> perTenThousand;

    @Activate
    public BookForm(Config config) {
        super(describe(config));
        this.perTenThousand = Figures.table("hoursPerTenThousandChars", config.hoursPerTenThousandChars());
    }

    private static FormDescription describe(Config c) {
        return new FormDescription(ID, VERSION, "出版著作", DeclarationKind.HOURS, SubjectCategory.PROFESSIONAL,
                "正式出版著作，按字数和作者排名计学时：每万字 "
                        + Figures.slashed(Figures.table("hoursPerTenThousandChars", c.hoursPerTenThousandChars()))
                        + " 学时（依次为第 1、2、3… 作者）。每项最多 " + c.maxPerItem() + " 学时。",
                List.of(
                        Field.text("title", "著作名称").required().maxLength(100).build(),
                        Field.choice("bookType", "著作类别",
                                new Option("monograph", "专著"),
                                new Option("compilation", "编著"),
                                new Option("translation", "译著"),
                                new Option("textbook", "教材"))
                                .required().build(),
                        Field.text("publisher", "出版社").required().maxLength(100).build(),
                        Field.text("isbn", "ISBN").required().maxLength(17).pattern("[0-9Xx-]{10,17}")
                                .help("版权页上的 ISBN，如 978-7-111-54742-6").build(),
                        Field.date("publishedOn", "出版日期").required().build(),
                        Field.number("words", "字数（万字）").required().min(new BigDecimal("0.1")).max(1000)
                                .help("以版权页所载字数为准，单位为万字").build(),
                        Field.number("rank", "作者排名").required().min(1).max(99)
                                .help("本人在作者中的排名，第一作者为 1").build()),
                Figures.positive("maxPerItem", c.maxPerItem()), Figures.maxPerYear(c.maxPerYear())).withYearField("publishedOn");
    }

    @Override
    Evaluation rule(FieldValues v) {
        Integer rank = v.integer("rank");
        int digits = v.text("isbn").replace("-", "").length();
        if (digits != 10 && digits != 13) {
            v.reject("isbn", "ISBN 应为 10 位或 13 位");
        } else if (!Identifiers.isbn(v.text("isbn"))) {
            v.reject("isbn", "ISBN 校验位不正确");
        }
        BigDecimal rate = rank == null ? null : Ranks.figure(perTenThousand, rank);
        if (rank != null && rate == null) {
            v.reject("rank", "仅" + Ranks.top(perTenThousand.size()) + "作者可申报");
        }
        if (!v.isValid()) {
            return v.invalid();
        }
        BigDecimal words = v.decimal("words");
        BigDecimal hours = words.multiply(rate);
        return propose(hours, fmt(words) + " 万字 × " + fmt(rate) + " 学时/万字（第 " + rank + " 作者）= " + fmt(hours) + " 学时");
    }
}
