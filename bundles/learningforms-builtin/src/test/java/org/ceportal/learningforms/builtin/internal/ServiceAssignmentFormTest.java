package org.ceportal.learningforms.builtin.internal;

import static org.ceportal.learningforms.builtin.internal.FormAssert.assertCapped;
import static org.ceportal.learningforms.builtin.internal.FormAssert.assertError;
import static org.ceportal.learningforms.builtin.internal.FormAssert.assertProposes;
import static org.ceportal.learningforms.builtin.internal.FormAssert.assertValidDescription;
import static org.ceportal.learningforms.builtin.internal.FormAssert.range;
import static org.ceportal.learningforms.builtin.internal.FormAssert.values;
import static org.ceportal.learningforms.builtin.internal.FormAssert.with;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.math.BigDecimal;
import java.util.Map;

import org.ceportal.learningform.api.SubjectCategory;
import org.junit.Test;

public class ServiceAssignmentFormTest {
    private final ServiceAssignmentForm form = new ServiceAssignmentForm(Configs.defaults(ServiceAssignmentForm.Config.class));
    private final Map<String, Object> service = values("destination", "tibet", "hostUnit", "拉萨市人民医院",
            "dispatchedBy", "河南省卫生健康委员会", "period", range("2024-01-15", "2024-04-14"));

    @Test
    public void describesItself() {
        assertValidDescription(form);
        assertEquals("service-assignment", form.description().id());
        assertEquals(SubjectCategory.CHOICE, form.description().category());
        assertEquals(BigDecimal.valueOf(90), form.description().maxPerItem());
        assertEquals(BigDecimal.valueOf(90), form.description().maxPerYear());
    }

    @Test
    public void wholeMonthsOfService() {
        assertProposes(form, service, "24", "援藏 3 个月 × 8 学时/月 = 24 学时");
        assertProposes(form, with(service, "period", range("2024-01-15", "2024-04-30")), "24", "援藏 3 个月 × 8 学时/月 = 24 学时");
        assertProposes(form, with(service, "destination", "xinjiang", "period", range("2024-01-31", "2024-02-29")), "8",
                "援疆 1 个月 × 8 学时/月 = 8 学时");
        assertProposes(form, with(service, "destination", "grassroots"), "24", "服务基层 3 个月 × 8 学时/月 = 24 学时");
    }

    @Test
    public void lessThanAMonthCannotBeDeclared() {
        assertError(form, with(service, "period", range("2024-01-15", "2024-02-13")), "period", "服务时间不足一个月，不能申报");
    }

    @Test
    public void aYearOfServiceIsCapped() {
        assertCapped(form, with(service, "period", range("2024-01-01", "2024-12-31")), "96", "援藏 12 个月 × 8 学时/月 = 96 学时");
    }

    @Test
    public void badValuesAreFieldErrors() {
        assertError(form, with(service, "destination", "abroad"), "destination", "请从列表中选择服务类型");
        assertError(form, with(service, "hostUnit", null), "hostUnit", "请填写服务单位");
        assertError(form, with(service, "period", range("2024-04-14", "2024-01-15")), "period", "结束日期不能早于开始日期");
    }

    @Test
    public void figuresComeFromConfiguration() {
        ServiceAssignmentForm ten = new ServiceAssignmentForm(Configs.with(ServiceAssignmentForm.Config.class,
                Map.of("hoursPerMonth", 10, "maxPerItem", 120, "maxPerYear", 0)));
        assertProposes(ten, with(service, "period", range("2024-01-01", "2024-12-31")), "120", "援藏 12 个月 × 10 学时/月 = 120 学时");
        assertNull(ten.description().maxPerYear());
        assertThrows(IllegalArgumentException.class, () -> new ServiceAssignmentForm(
                Configs.with(ServiceAssignmentForm.Config.class, Map.of("hoursPerMonth", -1))));
    }
}
