package org.ceportal.accounts.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.api.Texts;
import org.ceportal.platform.audit.AuditSearch;
import org.ceportal.platform.persistence.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link AuditSearch} over the {@code audit_log} table this bundle keeps, with the zh-CN names of actions. */
@Component(service = AuditSearch.class)
public final class AuditSearchComponent implements AuditSearch {
    private static final int MAX_QUERY = 50;
    /** Every action the portal records, in the order of a person's life on it. */
    private static final Map<String, String> ACTIONS = new LinkedHashMap<>();
    private static final Map<String, String> OUTCOMES = Map.ofEntries(
            Map.entry("success", "成功"), Map.entry("approved", "通过"), Map.entry("rejected", "不通过"),
            Map.entry("unit_approved", "单位通过，待主管部门审核"), Map.entry("pending", "待审核"),
            Map.entry("pending_again", "重新提交待审核"), Map.entry("draft", "待提交"), Map.entry("deleted", "已删除"),
            Map.entry("bad_credentials", "账号或密码错误"), Map.entry("locked", "账号已锁定"), Map.entry("captcha", "验证码错误"),
            Map.entry("not_approved", "账号未审核"), Map.entry("throttled", "请求过于频繁"), Map.entry("refused", "已拒绝"),
            Map.entry("served", "已查看"), Map.entry("stored", "已保存"), Map.entry("created", "已创建"),
            Map.entry("updated", "已修改"),
            Map.entry("imported", "已导入"), Map.entry("installed", "已安装"), Map.entry("upgraded", "已升级"),
            Map.entry("uninstalled", "已卸载"), Map.entry("failed", "失败"), Map.entry("retired", "已停用"),
            Map.entry("disabled", "已停用"), Map.entry("enabled", "已启用"), Map.entry("unlocked", "已解锁"));

    static {
        ACTIONS.put("register", "注册");
        ACTIONS.put("status", "注册审核状态查询");
        ACTIONS.put("registration_decision", "注册审核");
        ACTIONS.put("login", "登录");
        ACTIONS.put("logout", "退出登录");
        ACTIONS.put("password_change", "修改密码");
        ACTIONS.put("password_reset", "重置密码");
        ACTIONS.put("password_reset_request", "申请找回密码");
        ACTIONS.put("declaration_create", "新建申报");
        ACTIONS.put("declaration_update", "修改申报");
        ACTIONS.put("declaration_submit", "提交申报");
        ACTIONS.put("declaration_withdraw", "撤销申报");
        ACTIONS.put("declaration_delete", "删除申报");
        ACTIONS.put("declaration_decision", "申报审核");
        ACTIONS.put("declaration_revocation", "撤销审核");
        ACTIONS.put("proof_issue", "开具学时证明");
        ACTIONS.put("attachment_upload", "上传附件");
        ACTIONS.put("attachment_download", "下载附件");
        ACTIONS.put("attachment_delete", "删除附件");
        ACTIONS.put("attachment_review_read", "审核时查看附件");
        ACTIONS.put("account_create", "创建账号");
        ACTIONS.put("setup", "首次安装");
        ACTIONS.put("unit_add", "新增单位");
        ACTIONS.put("unit_import", "导入单位");
        ACTIONS.put("unit_update", "修改单位");
        ACTIONS.put("base_create", "新增继续教育基地");
        ACTIONS.put("base_update", "修改继续教育基地");
        ACTIONS.put("base_import", "继续教育基地学员导入");
        ACTIONS.put("account_disable", "停用账号");
        ACTIONS.put("account_enable", "启用账号");
        ACTIONS.put("account_unlock", "解锁账号");
        ACTIONS.put("learning_form_install", "安装学习形式");
        ACTIONS.put("learning_form_upgrade", "升级学习形式");
        ACTIONS.put("learning_form_uninstall", "卸载学习形式");
        ACTIONS.put("learning_form_figures", "修改学习形式数值");
        ACTIONS.put("learning_form_define", "自定义学习形式");
        ACTIONS.put("learning_form_retire", "停用自定义学习形式");
    }

    private final Store store;

    @Activate
    public AuditSearchComponent(@Reference AccountsComponent accounts) {
        this.store = accounts.store();
    }

    @Override
    public Page<Entry> search(Query q, PageRequest page) {
        String person = q.person() == null || q.person().isBlank() ? null : q.person().strip();
        if (person != null && person.length() > MAX_QUERY) {
            throw ProblemException.invalid("person", "姓名或账号不能超过 " + MAX_QUERY + " 个字");
        }
        String pattern = person == null ? null : Texts.containsPattern(person);
        String action = q.action() == null || q.action().isBlank() ? null : q.action().strip();
        Timestamp from = q.from() == null ? null : Timestamp.from(q.from());
        Timestamp to = q.to() == null ? null : Timestamp.from(q.to());
        try (SqlSession s = store.session()) {
            AccountMapper m = s.getMapper(AccountMapper.class);
            // a login as typed, or an ID number with its X in upper case as stored
            String upper = person == null ? null : person.toUpperCase(Locale.ROOT);
            int total = m.auditCount(q.unitId(), pattern, person, upper, action, from, to);
            List<Entry> items = m.auditEntries(q.unitId(), pattern, person, upper, action, from, to, page.offset(), page.size())
                    .stream().map(AuditSearchComponent::entry).toList();
            return new Page<>(items, total, page);
        }
    }

    @Override
    public List<Action> actions() {
        return ACTIONS.entrySet().stream().map(e -> new Action(e.getKey(), e.getValue())).toList();
    }

    private static Entry entry(AuditRow r) {
        Instant at = r.happenedAt.toInstant();
        return new Entry(r.id, at, r.actorId, r.actorName, r.actorLogin, r.action, ACTIONS.getOrDefault(r.action, r.action),
                r.subject, r.outcome, OUTCOMES.getOrDefault(r.outcome, r.outcome), r.address);
    }
}
