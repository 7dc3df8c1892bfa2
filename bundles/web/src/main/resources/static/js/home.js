// 个人后台: who is logged in, 修改密码 under the name, 退出, and the function list of the role.
document.addEventListener('DOMContentLoaded', async () => {
  'use strict';
  const { h } = Portal;
  const $ = (id) => document.getElementById(id);

  // key, label, description, page, and the REST path the page needs (as GET /api/portal → apis lists it).
  // A card is a link exactly when its path is installed now; otherwise (and for a function that has no
  // page yet) it shows 「即将开放」. `console`: managed in the Karaf console until its page exists.
  const FUNCTIONS = {
    PROFESSIONAL: [
      { key: 'profile', label: '用户资料管理', text: '维护注册时录入的个人基本信息，查看专业技术职务的变更记录。', href: '/profile.html', api: '/me/profile' },
      { key: 'declare', label: '学时学分申报', text: '选择学习形式，申报专业课继续教育学时、学分并上传证明材料。', href: '/declare.html', api: '/declarations' },
      { key: 'progress', label: '申报进度查询', text: '查看已录入的申报记录及审核进度，撤销、修改或删除申报。', href: '/progress.html', api: '/declarations' },
      { key: 'completion', label: '年度完成情况', text: '查看各年度继续教育学时完成情况及明细。', href: '/completion.html', api: '/me/completion' },
    ],
    UNIT_ADMIN: [
      { key: 'review', label: '审核中心', text: '查看各类待审核事项及等待时间，进入相应的审核页面。', href: '/review.html', api: '/review/inbox' },
      { key: 'registration-review', label: '注册审核', text: '审核本单位专业技术人员的注册申请。', href: '/unit-registrations.html', api: '/unit/registrations' },
      { key: 'declaration-review', label: '学时/学分申报审核', text: '审核本单位人员的学时学分申报，查看证明材料，核定学时。', href: '/review-declarations.html', api: '/review/declarations' },
      { key: 'audit', label: '审计日志', text: '查看本单位人员的登录、申报和审核等操作记录，导出为 CSV 文件。', href: '/audit.html', api: '/review/audit' },
      { key: 'title-change-review', label: '职称变更审核', text: '审核本单位人员提交的专业技术职务变更。', href: '/review-title-changes.html', api: '/review/title-changes' },
      { key: 'people', label: '人员管理', text: '查询本单位的专业技术人员，查看其个人资料，为忘记密码的人员重置密码。', href: '/unit-people.html', api: '/unit/people' },
      { key: 'unit-reports', label: '单位统计报表', text: '按年度、部门和职称级别统计本单位人员的继续教育完成情况，导出为 CSV 或 Excel 文件。', href: '/unit-report.html', api: '/unit/reports/completion' },
    ],
    OPS: [
      { key: 'review', label: '审核中心', text: '查看各类待审核事项及等待时间，进入相应的审核页面。', href: '/review.html', api: '/review/inbox' },
      { key: 'declaration-review', label: '学时/学分申报审核', text: '审核各单位人员的学时学分申报，查看证明材料，核定学时。', href: '/review-declarations.html', api: '/review/declarations' },
      { key: 'audit', label: '审计日志', text: '查看平台的登录、注册、申报和审核等操作记录，导出为 CSV 文件。', href: '/audit.html', api: '/review/audit' },
      { key: 'requirements', label: '学时要求设置', text: '设置各年度、各职称系列专业技术人员应完成的继续教育学时（学分）要求。', href: '/requirements.html', api: '/ops/requirements' },
      { key: 'staff', label: '账号管理', text: '创建和查询平台工作人员的账号，重置密码，停用、启用或解锁账号。', href: '/staff.html', api: '/ops/accounts' },
      { key: 'bases', label: '基地管理', text: '维护经认定的继续教育基地：名称、所在地区、认定编号和认定有效期。', href: '/bases.html', api: '/ops/bases' },
      { key: 'units', label: '单位管理', text: '查询、新增和修改各区域的用人单位及其工作部门，从 CSV 文件批量导入单位。', href: '/units.html', api: '/directory/units' },
      { key: 'reference-data', label: '基础数据管理', text: '维护区域、专业目录、专业技术职务等基础数据。', console: true },
      { key: 'learning-forms', label: '学习形式管理', text: '查看在用和已停用的学习形式，从功能包库安装、升级或卸载，修改数值，不写程序新建学习形式。', href: '/ops-forms.html', api: '/ops/learning-forms' },
      { key: 'reports', label: '全省统计报表', text: '按年度查看全省及各地区、各单位的继续教育完成情况统计，导出为 CSV 或 Excel 文件。', href: '/province-report.html', api: '/ops/reports/regions' },
    ],
    BASE_ADMIN: [
      { key: 'base-courses', label: '班次管理', text: '维护本基地的培训班次：名称、日期、学时、类别和计入年度。', href: '/base-courses.html', api: '/base/courses' },
      // imports start from a course: 学员导入 opens 班次管理, whose rows link to each course's import page
      { key: 'base-import', label: '学员导入', text: '上传参加班次的学员名单，批量申报继续教育基地学时；先检查、再确认导入。', href: '/base-courses.html', api: '/base/courses' },
    ],
  };

  // for every role that has functions
  const MESSAGES = { key: 'messages', label: '消息中心', text: '查看审核结果等平台通知。', href: '/messages.html', api: '/messages' };

  // The cards are drawn once both the user and the installed paths are known: nothing flashes 「即将开放」.
  const [user, has] = await Promise.all([Portal.requireLogin(), Portal.installed()]);
  if (!user) return;
  const available = (f) => !!f.href && has(f.api);

  const name = user.name || user.login || '';
  $('user-name').textContent = name;
  $('user-avatar').textContent = name.slice(0, 1);
  $('user-role').textContent = user.roleName;
  if (user.role === 'BASE_ADMIN') {
    // a base admin belongs to a 继续教育基地, not to a unit: the base's name as the server gives it
    $('user-unit-label').textContent = '所属基地';
    $('user-unit').textContent = user.baseName || '—';
  } else {
    $('user-unit').textContent = user.unitName || (user.role === 'OPS' ? '省级主管部门' : '—');
  }
  $('user-login').textContent = user.login || '';

  function card(f) {
    const head = (badge) => h('h3', null, f.label, ' ', badge);
    if (available(f)) {
      return h('a', { class: 'feature', href: f.href, 'data-function': f.key, 'data-available': 'true' },
        head(h('span', { class: 'badge badge-open', 'data-count-for': f.key }, '已开放')), h('p', null, f.text));
    }
    return h('div', {
      class: 'feature is-disabled', 'aria-disabled': 'true', title: '即将开放', 'data-function': f.key, 'data-available': 'false',
    }, head(h('span', { class: 'badge' }, '即将开放')), h('p', null, f.text));
  }
  const functions = FUNCTIONS[user.role] || [];
  if (functions.length) functions.push(MESSAGES);
  $('functions').replaceChildren(...functions.map(card));

  const note = $('functions-note');
  if (functions.some((f) => f.console && !available(f))) {
    note.textContent = '运维管理功能正在建设中，目前请使用 Karaf 控制台进行单位、基础数据和学习形式的管理。';
    note.hidden = false;
  } else if (!FUNCTIONS[user.role]) {
    note.textContent = '您的账号暂无可用功能，请联系平台管理员。';
    note.hidden = false;
  }

  $('logout').addEventListener('click', async (e) => {
    const btn = e.currentTarget;
    btn.disabled = true;
    btn.textContent = '正在退出…';
    try {
      await Portal.logout();
    } catch (err) {
      Portal.toast(err.message, 'error');
      btn.disabled = false;
      btn.textContent = '退出';
    }
  });

  $('page-loading').hidden = true;
  $('page-body').hidden = false;
  $('main').removeAttribute('aria-busy');

  // Professionals: how many declarations are saved but not submitted yet (best effort, silent on failure).
  if (user.role === 'PROFESSIONAL' && has('/declarations')) {
    try {
      const data = await Portal.api('/declarations' + Portal.query({ state: 'draft', page: 0, size: 1 }));
      const badge = document.querySelector('[data-count-for="progress"]');
      if (badge && data && data.total > 0) {
        badge.textContent = `${data.total} 条待提交`;
        badge.classList.add('badge-alert');
      }
    } catch (e) { /* the progress page itself will show the problem */ }
  }

  // Reviewers: what waits for them, per subject (GET /review/inbox), on the 审核中心 card and on the
  // card of each subject's page (best effort, silent on failure).
  if ((user.role === 'UNIT_ADMIN' || user.role === 'OPS') && has('/review/inbox')) {
    try {
      const data = await Portal.api('/review/inbox');
      const items = (data && Array.isArray(data.items)) ? data.items : [];
      const mark = (badge, n) => {
        if (!badge || !(n > 0)) return;
        badge.textContent = `${n} 条待审核`;
        badge.classList.add('badge-alert');
      };
      let all = 0;
      for (const item of items) {
        const n = Math.max(0, Number(item.pending) || 0);
        all += n;
        const href = Portal.localHref(item.link);
        const target = href && document.querySelector(`a.feature[href="${CSS.escape(href)}"] [data-count-for]`);
        if (target && target.dataset.countFor !== 'review') mark(target, n);
      }
      mark(document.querySelector('[data-count-for="review"]'), all);
    } catch (e) { /* the review pages themselves will show the problem */ }
  }
});
