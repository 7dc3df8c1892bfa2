// 人员管理 (unit admins): the unit's professionals, searched by 姓名或身份证号 and filtered by department and
// title (GET /api/unit/people); 详细 opens the read-only profile (GET /api/unit/people/{id}) in #people-detail;
// 重置密码 (.person-password-reset) gives the person a temporary password (POST /api/unit/people/{id}/password-reset,
// the dialogs of js/password-reset.js).
document.addEventListener('DOMContentLoaded', async () => {
  'use strict';
  const { api, h, query } = Portal;
  const $ = (id) => document.getElementById(id);

  const PAGE_SIZE = 20;

  const user = await Portal.requireLogin(['UNIT_ADMIN']);
  if (!user) return;

  const filters = $('people-filters');
  const qInput = $('people-q');
  const deptSelect = $('people-department');
  const titleSelect = $('people-title');
  const list = $('people-list');
  const panel = $('people-panel');
  const errorBox = $('people-error');
  const empty = $('people-empty');
  const count = $('people-count');
  const pager = $('people-pager');
  const prev = $('page-prev');
  const next = $('page-next');

  if (user.unitName) $('people-lead').textContent = `查询「${user.unitName}」的专业技术人员，查看其个人资料；人员忘记密码时可为其重置密码。`;

  const params = new URLSearchParams(location.search);
  let q = (params.get('q') || '').trim();
  let departmentId = params.get('departmentId') || '';
  let titleCode = params.get('titleCode') || '';
  let page = Math.max(0, Number(params.get('page')) || 0);
  let total = 0;
  let ticket = 0;

  function toLogin() {
    location.replace('/login.html' + query({ next: location.pathname + location.search }));
  }

  /** First 6 + ******** + last 4 characters (the full number is in 详细). */
  function maskId(id) {
    const s = String(id || '');
    return s.length > 10 ? `${s.slice(0, 6)}********${s.slice(-4)}` : s;
  }

  // ---- filter lists: the unit's departments, the titles by series (names as the server gives them) ----

  async function fillSelect(select, path, build, field) {
    try {
      const data = await api(path);
      select.append(...build((data && data.items) || []));
    } catch (e) {
      if (e.status === 401) { toLogin(); return; }
      Portal.showFieldError(filters, field, `列表加载失败：${e.message}`);
    }
  }
  await Promise.all([
    user.unitId != null
      ? fillSelect(deptSelect, `/directory/units/${encodeURIComponent(user.unitId)}/departments`,
        (items) => items.map((d) => h('option', { value: d.id }, d.name)), 'departmentId')
      : null,
    fillSelect(titleSelect, '/directory/titles', (items) => {
      const groups = new Map();
      for (const t of items) {
        const key = t.seriesCode || t.seriesName || '';
        if (!groups.has(key)) groups.set(key, h('optgroup', { label: t.seriesName || '其他' }));
        groups.get(key).append(h('option', { value: t.code }, t.levelName ? `${t.name}（${t.levelName}）` : t.name));
      }
      return [...groups.values()];
    }, 'titleCode'),
  ]);
  const keep = (select, v) => { if (v && ![...select.options].some((o) => o.value === v)) select.append(h('option', { value: v }, v)); };
  keep(deptSelect, departmentId);
  keep(titleSelect, titleCode);
  qInput.value = q;
  deptSelect.value = departmentId;
  titleSelect.value = titleCode;

  function syncUrl() {
    const url = new URL(location.href);
    const set = (k, v) => { if (v) url.searchParams.set(k, v); else url.searchParams.delete(k); };
    set('q', q);
    set('departmentId', departmentId);
    set('titleCode', titleCode);
    set('page', page > 0 ? String(page) : '');
    history.replaceState(null, '', url.pathname + url.search);
  }

  function apply() {
    q = qInput.value.trim();
    departmentId = deptSelect.value;
    titleCode = titleSelect.value;
    Portal.clearErrors(filters);
    load(0);
  }
  filters.addEventListener('submit', (e) => { e.preventDefault(); apply(); });
  deptSelect.addEventListener('change', apply);
  titleSelect.addEventListener('change', apply);
  $('people-reset').addEventListener('click', () => {
    qInput.value = '';
    deptSelect.value = '';
    titleSelect.value = '';
    apply();
    qInput.focus();
  });

  // ---- list ----

  function row(p) {
    return h('li', { class: 'reg-row people-row', 'data-id': p.accountId, 'data-name': p.name || null },
      h('div', { class: 'reg-summary' },
        h('div', { class: 'reg-main' },
          h('p', { class: 'reg-title' },
            h('strong', { class: 'reg-name' }, p.name || '—'),
            h('span', { class: 'reg-id' }, maskId(p.idNumber))),
          h('p', { class: 'reg-meta' },
            h('span', null, '部门：', p.departmentName || '未填写'),
            h('span', null, '职务：', p.titleName || '未填写'))),
        h('div', { class: 'reg-actions' },
          h('button', {
            type: 'button', class: 'btn btn-small people-open', 'aria-haspopup': 'dialog', 'aria-label': `详细：${p.name || ''}`,
          }, '详细'),
          h('button', {
            type: 'button', class: 'btn btn-small person-password-reset', 'aria-haspopup': 'dialog',
            'aria-label': `重置密码：${p.name || ''}`,
          }, '重置密码'))));
  }

  function updateCounts() {
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const filtered = q || departmentId || titleCode;
    count.textContent = errorBox.hidden ? `${filtered ? '符合条件的人员' : '本单位人员'}：共 ${total} 人` : '';
    empty.textContent = filtered ? '没有符合条件的人员' : '本单位暂无专业技术人员';
    empty.hidden = list.children.length > 0 || !errorBox.hidden;
    pager.hidden = total <= PAGE_SIZE && page === 0;
    prev.disabled = page <= 0;
    next.disabled = page >= pages - 1;
    $('page-info').textContent = `第 ${page + 1} / ${pages} 页，共 ${total} 人`;
  }

  async function load(p = page) {
    const t = ++ticket;
    const hadFocus = list.contains(document.activeElement);
    panel.setAttribute('aria-busy', 'true');
    try {
      const data = (await api('/unit/people' + query({ q, departmentId, titleCode, page: p, size: PAGE_SIZE }))) || {};
      if (t !== ticket) return;
      const items = data.items || [];
      total = data.total ?? items.length;
      page = data.page ?? p;
      if (!items.length && page > 0 && total > 0) { load(Math.ceil(total / PAGE_SIZE) - 1); return; }
      errorBox.hidden = true;
      list.replaceChildren(...items.map(row));
      syncUrl();
      if (hadFocus) { const first = list.querySelector('.people-open'); if (first) first.focus(); }
    } catch (e) {
      if (t !== ticket) return;
      if (e.status === 401) { toLogin(); return; }
      Portal.showErrors(filters, e, errorBox); // a bad filter: next to it; the message above the list
      list.replaceChildren();
      total = 0;
    } finally {
      if (t === ticket) {
        panel.setAttribute('aria-busy', 'false');
        updateCounts();
      }
    }
  }
  prev.addEventListener('click', () => load(page - 1));
  next.addEventListener('click', () => load(page + 1));
  $('people-reload').addEventListener('click', () => load());

  // ---- 详细: the read-only profile ----

  const dialog = $('people-detail');
  const body = $('people-detail-body');
  const detailError = $('people-detail-error');
  const detailLoading = $('people-detail-loading');
  let opener = null;
  let detailTicket = 0;

  function closeDetail() {
    detailTicket++;
    if (dialog.open && typeof dialog.close === 'function') dialog.close();
    else { dialog.removeAttribute('open'); onClosed(); }
  }
  function onClosed() {
    document.body.classList.remove('has-picker');
    const target = opener && document.contains(opener) ? opener : list.querySelector('.people-open') || qInput;
    opener = null;
    if (target) target.focus();
  }
  dialog.addEventListener('close', onClosed);
  dialog.addEventListener('click', (e) => { if (e.target === dialog) closeDetail(); });
  $('people-detail-close').addEventListener('click', closeDetail);
  $('people-detail-cancel').addEventListener('click', closeDetail);

  async function openDetail(id, btn) {
    const t = ++detailTicket;
    opener = btn;
    $('people-detail-title').textContent = '人员资料';
    detailLoading.hidden = false;
    detailError.hidden = true;
    body.hidden = true;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      document.body.classList.add('has-picker');
    }
    $('people-detail-close').focus();
    try {
      const data = (await api(`/unit/people/${encodeURIComponent(id)}`)) || {};
      if (t !== detailTicket) return;
      const p = data.profile || {};
      body.querySelectorAll('dd[data-key]').forEach((dd) => {
        const v = p[dd.dataset.key];
        const none = v == null || v === '';
        dd.textContent = none ? '未填写' : String(v);
        dd.classList.toggle('none', none);
      });
      $('people-detail-title').textContent = `人员资料：${p.name || ''}`;
      detailLoading.hidden = true;
      body.hidden = false;
    } catch (e) {
      if (t !== detailTicket) return;
      if (e.status === 401) { toLogin(); return; }
      detailLoading.hidden = true;
      detailError.textContent = `资料加载失败：${e.message}`;
      detailError.hidden = false;
    }
  }

  list.addEventListener('click', (e) => {
    const btn = e.target.closest('.people-open');
    const el = btn && btn.closest('[data-id]');
    if (el) openDetail(el.dataset.id, btn);
  });

  // ---- 重置密码: confirm, then the temporary password once (js/password-reset.js) ----

  list.addEventListener('click', (e) => {
    const btn = e.target.closest('.person-password-reset');
    const el = btn && btn.closest('[data-id]');
    if (!el || btn.disabled) return;
    PasswordReset.start({
      url: `/unit/people/${encodeURIComponent(el.dataset.id)}/password-reset`,
      name: el.dataset.name || '',
      opener: btn,
      onGone: () => load(), // no longer one of the unit's people: show the list as it is now
    });
  });

  // ---- start ----

  $('page-loading').hidden = true;
  $('page-body').hidden = false;
  $('main').removeAttribute('aria-busy');
  load(page);
});
