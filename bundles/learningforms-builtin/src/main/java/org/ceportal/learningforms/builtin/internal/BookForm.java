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

    @ObjectClassDefinition(name = "ceportal learning form: book (出版著作)",
            description = "Figures of the book form; the conversion table gives none, the defaults are this portal's")
    @interface Config {
        @AttributeDefinition(name = "学时 per 万字 by author rank",
                description = "学时 per ten thousand characters, whole numbers separated by commas, the first for the first author; "
                        + "the number of figures is how many authors may declare (the rule: top three). Default 3,2,1")
        String hoursPerTenThousandChars() default "3,2,1";

        @AttributeDefinition(name = "Maximum per item", min = "1",
                description = "Most 学时 one book can earn; default 60 (20 万字 as first author)")
        int maxPerItem() default 60;

        @AttributeDefinition(name = "Maximum per year", min = "0",
                description = "Most 学时 all book declarations can earn towards one year; 0 = no limit (default)")
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
