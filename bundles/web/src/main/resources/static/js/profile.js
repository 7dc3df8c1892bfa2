// 用户资料管理 (professionals). 基本资料: the fields fixed at registration shown read-only with the server's
// reason, the others editable (department limited to the own unit, major and title through the pickers);
// PUT /api/me/profile. A changed title needs 取得时间 and goes to the unit admin (202 「信息已经提交审核」):
// the pending change is shown with 撤回. 变更记录: GET /api/me/profile/changes, newest first, paged.
document.addEventListener('DOMContentLoaded', async () => {
  'use strict';
  const { api, h, query, formatDateTime } = Portal;
  const $ = (id) => document.getElementById(id);

  const PAGE_SIZE = 20;

  const user = await Portal.requireLogin(['PROFESSIONAL']);
  if (!user) return;

  const form = $('profile-form');
  const errorBox = $('profile-error');
  const message = $('profile-message');
  const save = $('profile-save');
  const dateField = $('title-date-field');
  const dateInput = $('titleObtainedOn');
  const ethnic = $('ethnicGroup');
  const trim = (id) => $(id).value.trim();

  let current = null; // {profile, locked, pendingTitleChange} as last received
  let baseline = ''; // collect() right after filling the form: tells whether anything was edited
  let filling = false;
  let saving = false;
  let changesStale = true; // 变更记录 must be (re)loaded when its tab is shown

  function toLogin() {
    location.replace('/login.html' + query({ next: location.pathname + location.search }));
  }

  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  dateInput.max = today;

  // ---- pickers (as on the registration page) ----

  const department = Pickers.bindField({
    type: 'department', input: '#department-name', hidden: '#department-id', button: '#pick-department',
    options: () => ({ unitId: current.profile.unitId, unitName: current.profile.unitName }),
    onChange: (v) => { $('clear-department').hidden = !v; },
  });
  const major = Pickers.bindField({
    type: 'major', input: '#major-name', hidden: '#major-code', button: '#pick-major',
    onChange: (v) => { $('clear-major').hidden = !v; },
  });
  const title = Pickers.bindField({
    type: 'title', input: '#title-name', hidden: '#title-code', button: '#pick-title', onChange: showTitleDate,
  });
  $('clear-department').addEventListener('click', () => { department.clear(); $('pick-department').focus(); });
  $('clear-major').addEventListener('click', () => { major.clear(); $('pick-major').focus(); });
  $('title-reset').addEventListener('click', () => {
    const p = current.profile;
    title.set(p.titleCode ? { code: p.titleCode, name: p.titleName } : null);
    $('pick-title').focus();
  });

  function titleChanged() {
    if (!current) return false;
    const v = title.get();
    return ((v && v.code) || '') !== (current.profile.titleCode || '');
  }

  /** 取得时间 appears (and is required) while the chosen title differs from the current one. */
  function showTitleDate() {
    const changed = titleChanged();
    const wasHidden = dateField.hidden;
    dateField.hidden = !changed;
    dateInput.required = changed;
    dateInput.setAttribute('aria-required', String(changed));
    if (!changed) {
      dateInput.value = '';
      Portal.clearErrors(form, 'titleObtainedOn');
    } else if (wasHidden && !filling) {
      dateInput.focus();
    }
  }

  // ---- filling the form from an answer ----

  /** The shown value of a locked field: its name when the profile has one (unitId → unitName), else the value. */
  function lockedValue(p, field) {
    const named = p[`${field.replace(/(Code|Id)$/, '')}Name`] ?? p[`${field}Name`];
    return named ?? p[field];
  }

  function renderLocked() {
    const p = current.profile;
    $('locked-fields').replaceChildren(...current.locked.map((l) => {
      const v = lockedValue(p, l.field);
      const empty = v == null || v === '';
      const reasonId = `locked-${l.field}-reason`;
      return h('div', { class: 'field locked-field', 'data-locked': l.field },
        h('p', { class: 'field-label', id: `locked-${l.field}-label` }, l.label || l.field),
        h('p', {
          class: `fixed-value${empty ? ' none' : ''}`, id: `locked-${l.field}`, 'data-field': l.field,
          'aria-describedby': l.reason ? reasonId : null,
        }, empty ? '未填写' : String(v)),
        l.reason ? h('p', { class: 'help locked-reason', id: reasonId }, l.reason) : null,
        h('p', { class: 'field-error', 'data-error-for': l.field, role: 'alert', hidden: true }));
    }));
  }

  function renderPending() {
    const c = current.pendingTitleChange;
    $('pending-title').hidden = !c;
    title.enable(!c);
    $('title-help').textContent = c
      ? '已有待审核的职务变更，审核完成或撤回后才能再次变更。'
      : '变更专业技术职务须经单位管理员审核，审核通过后生效。';
    if (!c) return;
    $('pending-title-state').textContent = c.stateName || '';
    $('pending-title-name').textContent = c.titleName || c.titleCode || '';
    $('pending-title-date').textContent = c.titleObtainedOn || '';
    $('pending-title-at').textContent = formatDateTime(c.createdAt);
    const cert = $('pending-title-certificate');
    cert.replaceChildren(c.certificate
      ? h('a', { href: `/api/attachments/${encodeURIComponent(c.certificate.id)}`, download: c.certificate.name }, c.certificate.name)
      : '未上传');
  }

  /** A code the select lacks (the list failed to load, or a retired entry) still shows with its name. */
  function ensureOption(select, code, name) {
    if (code && ![...select.options].some((o) => o.value === code)) select.append(h('option', { value: code }, name || code));
  }

  function fill(data) {
    current = {
      profile: (data && data.profile) || {},
      locked: (data && Array.isArray(data.locked)) ? data.locked : [],
      pendingTitleChange: (data && data.pendingTitleChange) || null,
    };
    const p = current.profile;
    filling = true;
    renderLocked();
    $('mobile').value = p.mobile || '';
    $('email').value = p.email || '';
    $('nativePlace').value = p.nativePlace || '';
    $('school').value = p.school || '';
    ensureOption(ethnic, p.ethnicGroup, p.ethnicGroupName);
    ethnic.value = p.ethnicGroup || '';
    department.set(p.departmentId != null ? { id: p.departmentId, name: p.departmentName } : null);
    major.set(p.majorCode ? { code: p.majorCode, name: p.majorName } : null);
    title.set(p.titleCode ? { code: p.titleCode, name: p.titleName } : null);
    dateInput.value = '';
    showTitleDate();
    filling = false;
    renderPending();
    Portal.clearErrors(form);
    errorBox.hidden = true;
    baseline = JSON.stringify(collect());
  }

  async function loadProfile() {
    fill(await api('/me/profile'));
  }

  // ---- saving ----

  /** The request body: every editable field (the locked ones are never sent). */
  function collect() {
    const dept = $('department-id').value;
    return {
      version: current.profile.version,
      mobile: trim('mobile'),
      email: trim('email'),
      departmentId: dept ? Number(dept) : null,
      ethnicGroup: ethnic.value || null,
      nativePlace: trim('nativePlace') || null,
      school: trim('school') || null,
      majorCode: $('major-code').value || null,
      titleCode: $('title-code').value || null,
      titleObtainedOn: titleChanged() ? (dateInput.value || null) : null,
    };
  }

  /** Uploads the new title's certificate (POST /api/attachments, multipart); its attachment id. */
  async function uploadCertificate(file) {
    const form = new FormData();
    form.append('file', file, file.name);
    const res = await fetch('/api/attachments', {
      method: 'POST', body: form, credentials: 'same-origin',
      headers: { 'X-CSRF-Token': Portal.getCsrfToken() || '', Accept: 'application/json' },
    });
    const data = await res.json().catch(() => null);
    if (!res.ok || !data || data.id == null) {
      const err = new Error((data && data.message) || `证书上传失败（${res.status}）`);
      err.status = res.status;
      err.problem = { errors: [{ field: 'titleCertificateId', message: (data && data.message) || '证书上传失败' }] };
      throw err;
    }
    return data.id;
  }

  /** The obvious mistakes, caught before asking the server (which checks everything again). */
  function check(body) {
    const errors = [];
    const add = (field, text) => errors.push({ field, message: text });
    if (!body.mobile) add('mobile', '请输入手机号码');
    else if (!/^1[3-9][0-9]{9}$/.test(body.mobile)) add('mobile', '请输入11位手机号码');
    if (!body.email) add('email', '请输入电子邮箱');
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(body.email)) add('email', '请输入有效的电子邮箱');
    if (!body.ethnicGroup) add('ethnicGroup', '请选择民族');
    if (titleChanged()) {
      if (!body.titleObtainedOn) add('titleObtainedOn', '请填写新职务的取得时间');
      else if (body.titleObtainedOn > today) add('titleObtainedOn', '取得时间不能晚于今天');
    }
    return errors;
  }

  /** The server's message in the live region; `kind`: success | info | submitted (the prominent one). */
  function showMessage(text, kind) {
    const cls = kind === 'info' ? 'alert-info' : 'alert-success';
    message.replaceChildren(h('div', { class: `alert ${cls}${kind === 'submitted' ? ' profile-message-major' : ''}` },
      h('p', { class: 'profile-message-text' }, text),
      kind === 'submitted' ? h('p', { class: 'profile-message-note' }, '单位管理员审核通过后，新的专业技术职务才会生效；审核结果会通过消息中心通知您。') : null));
  }

  /** 409 (changed in another tab, or a title change already pending): the message and a reload button. */
  function showConflict(err) {
    const reload = h('button', { type: 'button', class: 'btn btn-small', id: 'profile-reload' }, '重新加载');
    reload.addEventListener('click', async () => {
      reload.disabled = true;
      try {
        await loadProfile();
        showMessage('已重新加载最新的资料，请重新修改后保存。', 'info');
        $('mobile').focus();
      } catch (e) {
        if (e.status === 401) { toLogin(); return; }
        reload.disabled = false;
        Portal.toast(e.message, 'error');
      }
    });
    errorBox.replaceChildren(h('span', null, err.message), ' ', reload);
    errorBox.hidden = false;
    errorBox.scrollIntoView({ block: 'center' });
    reload.focus();
  }

  function setSaving(on) {
    saving = on;
    save.disabled = on;
    save.textContent = on ? '正在保存…' : '保存';
    form.setAttribute('aria-busy', String(on));
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (saving || !current) return;
    Portal.clearErrors(form);
    errorBox.hidden = true;
    message.replaceChildren();
    const body = collect();
    const problems = check(body);
    if (problems.length) {
      Portal.showFieldErrors(form, problems);
      errorBox.textContent = '请按提示修改标红的项目后再保存。';
      errorBox.hidden = false;
      return;
    }
    const edited = JSON.stringify(body) !== baseline;
    const titleChange = titleChanged();
    setSaving(true);
    try {
      const scan = $('title-certificate').files[0];
      if (titleChange && scan) body.titleCertificateId = await uploadCertificate(scan);
      const data = await api('/me/profile', { method: 'PUT', body });
      fill(data);
      $('title-certificate').value = '';
      changesStale = true;
      const submitted = titleChange && !!current.pendingTitleChange; // 202: waits for the unit admin
      showMessage((data && data.message) || (submitted ? '信息已经提交审核' : '资料已保存'),
        submitted ? 'submitted' : edited ? 'success' : 'info');
      message.scrollIntoView({ block: 'start', behavior: 'smooth' });
      if (submitted) message.focus({ preventScroll: true });
    } catch (err) {
      if (err.status === 401) { toLogin(); return; }
      if (err.status === 409) { showConflict(err); return; }
      Portal.showErrors(form, err, errorBox);
      if (!form.querySelector('[aria-invalid="true"]')) errorBox.scrollIntoView({ block: 'center' });
    } finally {
      setSaving(false);
    }
  });
  Portal.clearErrorsOnInput(form);

  $('profile-undo').addEventListener('click', () => {
    if (!current || saving) return;
    fill({ ...current });
    showMessage('已撤销未保存的修改。', 'info');
    $('mobile').focus();
  });

  // ---- 撤回 the pending title change ----

  const withdraw = $('title-withdraw');
  withdraw.addEventListener('click', async () => {
    if (withdraw.disabled) return;
    withdraw.disabled = true;
    withdraw.textContent = '正在撤回…';
    try {
      await api('/me/profile/title-change/withdrawal', { method: 'POST' });
      await loadProfile();
      changesStale = true;
      showMessage('职务变更申请已撤回，专业技术职务保持不变。', 'success');
      $('pick-title').focus();
    } catch (err) {
      if (err.status === 401) { toLogin(); return; }
      Portal.toast(err.message, 'error', 6000);
      if (err.status === 404 || err.status === 409) {
        loadProfile().catch(() => null); // decided or withdrawn meanwhile: show how it stands
      }
    } finally {
      withdraw.disabled = false;
      withdraw.textContent = '撤回变更申请';
    }
  });

  // ---- 变更记录 ----

  const changesPanel = $('changes-panel');
  const changesList = $('changes-list');
  const changesError = $('changes-error');
  const changesEmpty = $('changes-empty');
  const changesPager = $('changes-pager');
  const cPrev = $('changes-prev');
  const cNext = $('changes-next');
  // the column names, for the stacked phone layout (td::before), as the table head says them
  const heads = [...changesPanel.querySelectorAll('thead th')].map((th) => th.textContent.trim());
  let cPage = 0;
  let cTotal = 0;
  let cTicket = 0;

  function changeRow(c) {
    const td = (i, content, cls) => h('td', { role: 'cell', 'data-label': heads[i], class: cls || null }, content);
    const orDash = (v) => (v == null || v === '' ? h('span', { class: 'muted' }, '—') : String(v));
    const decided = c.decidedAt ? [formatDateTime(c.decidedAt), c.decidedByName ? ` ${c.decidedByName}` : ''].join('') : '';
    return h('tr', { role: 'row', 'data-id': c.id, 'data-state': c.state },
      td(0, formatDateTime(c.createdAt), 'audit-at'),
      td(1, orDash(c.fieldName || c.field), 'audit-action'),
      td(2, orDash(c.oldValue), 'change-value'),
      td(3, orDash(c.newValue), 'change-value'),
      td(4, h('span', { class: `state-badge state-${c.state}` }, c.stateName || c.state)),
      td(5, orDash(decided)),
      td(6, orDash(c.reason), c.reason ? 'change-reason' : null));
  }

  async function loadChanges(p = cPage) {
    const t = ++cTicket;
    changesPanel.setAttribute('aria-busy', 'true');
    try {
      const data = (await api('/me/profile/changes' + query({ page: p, size: PAGE_SIZE }))) || {};
      if (t !== cTicket) return;
      const items = data.items || [];
      cTotal = data.total ?? items.length;
      cPage = data.page ?? p;
      changesStale = false;
      changesError.hidden = true;
      changesList.replaceChildren(...items.map(changeRow));
    } catch (e) {
      if (t !== cTicket) return;
      if (e.status === 401) { toLogin(); return; }
      changesError.textContent = e.message;
      changesError.hidden = false;
      changesList.replaceChildren();
      cTotal = 0;
    } finally {
      if (t === cTicket) {
        changesPanel.setAttribute('aria-busy', 'false');
        const pages = Math.max(1, Math.ceil(cTotal / PAGE_SIZE));
        $('changes-count').textContent = changesError.hidden ? `共 ${cTotal} 条变更记录` : '';
        changesEmpty.hidden = changesList.children.length > 0 || !changesError.hidden;
        changesPager.hidden = cTotal <= PAGE_SIZE && cPage === 0;
        cPrev.disabled = cPage <= 0;
        cNext.disabled = cPage >= pages - 1;
        $('changes-info').textContent = `第 ${cPage + 1} / ${pages} 页，共 ${cTotal} 条`;
      }
    }
  }
  cPrev.addEventListener('click', () => loadChanges(cPage - 1));
  cNext.addEventListener('click', () => loadChanges(cPage + 1));
  $('changes-reload').addEventListener('click', () => loadChanges());

  // ---- tabs (two panels: each tab controls its own) ----

  const TABS = ['profile', 'changes'];
  const tabButtons = TABS.map((t) => $(`tab-${t}`));
  const markTab = Portal.tabs(tabButtons, 'tab', null, selectTab);

  function selectTab(t, focus) {
    markTab(t, focus);
    $('profile-panel').hidden = t !== 'profile';
    changesPanel.hidden = t !== 'changes';
    const url = new URL(location.href);
    if (t === 'profile') url.searchParams.delete('tab'); else url.searchParams.set('tab', t);
    history.replaceState(null, '', url.pathname + url.search);
    if (t === 'changes' && changesStale) loadChanges(0);
  }

  // ---- start: the ethnic group list, then the profile ----

  async function loadEthnic() {
    try {
      const data = await api('/directory/ethnic-groups');
      ethnic.append(...((data && data.items) || []).map((g) => h('option', { value: g.code }, g.name)));
    } catch (e) {
      return e; // shown next to the field once the form is there
    }
    return null;
  }

  let ethnicError;
  try {
    const [data, err] = await Promise.all([api('/me/profile'), loadEthnic()]);
    ethnicError = err;
    fill(data);
  } catch (e) {
    if (e.status === 401) { toLogin(); return; }
    Portal.showNotice('暂时无法打开此页面', e.message || Portal.NETWORK_ERROR,
      [{ label: '重新加载', href: location.pathname + location.search }, { label: '返回个人后台', href: '/home.html' }]);
    return;
  }
  $('page-loading').hidden = true;
  $('page-body').hidden = false;
  $('main').removeAttribute('aria-busy');
  if (ethnicError) Portal.showFieldError(form, 'ethnicGroup', `民族列表加载失败：${ethnicError.message}`);
  const initial = new URLSearchParams(location.search).get('tab');
  selectTab(TABS.includes(initial) ? initial : 'profile');
});
