/**
 * The plug-in contract for learning forms (学习形式).
 *
 * <p>A learning form is one way a professional earns continuing-education hours or
 * credits: a training course, a conference, a paper, a patent... Each form is an OSGi
 * service implementing {@link org.ceportal.learningform.api.LearningForm}, registered
 * by any bundle. The portal lists the registered forms, renders the declaration page
 * from a form's {@link org.ceportal.learningform.api.FormDescription}, and asks the
 * form to {@linkplain org.ceportal.learningform.api.LearningForm#evaluate evaluate}
 * the values the user entered. A form bundle can be installed or removed at run time;
 * declarations keep a snapshot of the description they were made with.
 *
 * <p>This package depends on nothing but the JDK. A form bundle imports it with the
 * consumer range {@code [1.0,2)}.
 *
 * <h2>What a form describes</h2>
 * <ul>
 * <li>identity: a stable {@code id} ({@code [a-z][a-z0-9-]{1,39}}), a semantic
 * {@code version} to raise when fields or rule change, a zh-CN {@code name};</li>
 * <li>how its amounts count: {@link org.ceportal.learningform.api.DeclarationKind}
 * (学时, 学分, 继续教育基地学时) and {@link org.ceportal.learningform.api.SubjectCategory}
 * (公需科目, 专业科目, or the declarant's choice);</li>
 * <li>its own {@link org.ceportal.learningform.api.Field fields}, in display order;</li>
 * <li>the most one declaration can earn ({@code maxPerItem}) and, optionally, the most
 * all declarations of the form can earn towards one year ({@code maxPerYear}).</li>
 * </ul>
 * The portal owns the fields every declaration has (计入年度, the hours claimed, the
 * subject category, proof attachments): a form must not repeat them.
 *
 * <h2>Values</h2>
 * The values map passed to {@code evaluate} comes from JSON, keyed by field key:
 * <table>
 * <caption>JSON value of each field type</caption>
 * <tr><th>type</th><th>value</th><th>example</th></tr>
 * <tr><td>TEXT, LONG_TEXT</td><td>string (stripped before checks)</td><td>{@code "河南省人社厅"}</td></tr>
 * <tr><td>CHOICE</td><td>string: the value of one option</td><td>{@code "national"}</td></tr>
 * <tr><td>NUMBER</td><td>number, or a numeric string; at most two decimals</td><td>{@code 2.5}, {@code "3"}</td></tr>
 * <tr><td>YEAR</td><td>integer, or a numeric string</td><td>{@code 2024}</td></tr>
 * <tr><td>DATE</td><td>ISO date string {@code yyyy-MM-dd}</td><td>{@code "2024-03-15"}</td></tr>
 * <tr><td>DATE_RANGE</td><td>object with {@code from} and {@code to}, both dates, to not before from</td><td>{@code {"from":"2024-03-15","to":"2024-03-17"}}</td></tr>
 * <tr><td>ATTACHMENT</td><td>array of attachment ids (strings or integers); the portal checks that they exist and belong to the declarant, a form only counts them</td><td>{@code ["a1b2", "c3d4"]}</td></tr>
 * </table>
 * An absent key, JSON null, a blank string, an empty array or a range with neither
 * date all mean "no value". Keys the form does not know are ignored.
 *
 * <h2>Rules of conduct</h2>
 * <ul>
 * <li>{@code description()} is cheap (build it once, at activation) and does not change
 * while the service is registered;</li>
 * <li>{@code evaluate} is thread-safe, has no side effects and never throws for bad
 * input: it answers with {@link org.ceportal.learningform.api.FieldError field errors}
 * whose messages are zh-CN and name the field, e.g. 「请填写主办单位」;</li>
 * <li>a valid evaluation proposes an amount already capped at {@code maxPerItem}, with a
 * zh-CN explanation such as 「3 天 × 8 学时/天 = 24 学时」 that mentions the cap when
 * it was applied ({@link org.ceportal.learningform.api.Caps#propose} does both);</li>
 * <li>figures (hours per day, per rank...) belong in configuration, not in code.</li>
 * </ul>
 *
 * <h2>Example</h2>
 * A complete form: a reading club (读书活动) earns 2 学时 for each book discussed, at
 * most 10 学时 per declaration. {@link org.ceportal.learningform.api.FieldValues} does
 * the generic checks, so the form's code is only its rule.
 *
 * <pre>
 * &#64;Component(service = LearningForm.class)
 * public final class ReadingClubForm implements LearningForm {
 *     private static final BigDecimal HOURS_PER_BOOK = BigDecimal.valueOf(2);
 *     private static final FormDescription DESCRIPTION = new FormDescription(
 *             "reading-club", "1.0.0", "读书活动", DeclarationKind.HOURS, SubjectCategory.GENERAL,
 *             "每讨论一本书计 2 学时，每项最多 10 学时。",
 *             List.of(
 *                     Field.text("clubName", "读书会名称").required().maxLength(100).build(),
 *                     Field.dateRange("period", "活动起止日期").required().build(),
 *                     Field.number("books", "讨论书目数量").required().min(1).max(20)
 *                             .help("按读书会出具的记录填写").build()),
 *             BigDecimal.valueOf(10),   // maxPerItem
 *             null);                    // no maxPerYear
 *
 *     &#64;Override
 *     public FormDescription description() {
 *         return DESCRIPTION;
 *     }
 *
 *     &#64;Override
 *     public Evaluation evaluate(Map&lt;String, Object&gt; values) {
 *         FieldValues v = FieldValues.check(DESCRIPTION, values);
 *         Integer books = v.integer("books");          // adds 「讨论书目数量应为整数」 for 2.5
 *         if (!v.isValid()) {
 *             return v.invalid();
 *         }
 *         BigDecimal hours = HOURS_PER_BOOK.multiply(BigDecimal.valueOf(books));
 *         return Caps.propose(DESCRIPTION, hours,
 *                 books + " 本 × 2 学时/本 = " + Caps.format(hours) + " 学时");
 *     }
 * }
 * </pre>
 *
 * With {@code {"clubName": "青年读书会", "period": {"from": "2024-03-01", "to": "2024-06-30"},
 * "books": 6}} it proposes 10 with 「6 本 × 2 学时/本 = 12 学时；超过单项上限 10 学时，按 10 学时计」;
 * without {@code clubName} it answers the error {@code clubName}: 「请填写读书会名称」.
 * A real form would read its figures from a metatype configuration
 * ({@code @Designate}, {@code @ObjectClassDefinition}) instead of constants.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.ceportal.learningform.api;
