// 账号管理 (ops): the staff accounts (unit admins and ops), searched by 登录账号或姓名 (GET /api/ops/accounts), 20 a page; 重置密码
// (.staff-password-reset) gives an account a temporary password (POST /api/ops/accounts/{accountId}/password-reset,
// the dialogs of js/password-reset.js). Roles are named as the server names them (roleName).
document.addEventListener('DOMContentLoaded', async () => {
  'use strict';
  const { api, h, query } = Portal;
  const $ = (id) => document.getElementById(id);

  const PAGE_SIZE = 20;
  // the table's column headings, repeated on each cell for the stacked (phone) layout
  const COLUMNS = [...document.querySelectorAll('#staff-list thead th')].map((th) => th.textContent.trim());

  const user = await Portal.requireLogin(['OPS']);
  if (!user) return;

  const filters = $('staff-filters');
  const qInput = $('staff-q');
  const list = $('staff-rows');
  const tableWrap = $('staff-table-wrap');
  const panel = $('staff-panel');
  const errorBox = $('staff-error');
  const empty = $('staff-empty');
  const count = $('staff-count');
  const pager = $('staff-pager');
  const prev = $('page-prev');
  const next = $('page-next');

  const params = new URLSearchParams(location.search);
  let q = (params.get('q') || '').trim();
  let page = Math.max(0, Number(params.get('page')) || 0);
  let total = 0;
  let ticket = 0;
  let listFailed = false;
  qInput.value = q;

  function toLogin() {
    location.replace('/login.html' + query({ next: location.pathname + location.search }));
  }

  function syncUrl() {
    const url = new URL(location.href);
    const set = (k, v) => { if (v) url.searchParams.set(k, v); else url.searchParams.delete(k); };
    set('q', q);
    set('page', page > 0 ? String(page) : '');
    history.replaceState(null, '', url.pathname + url.search);
  }

  function apply() {
    q = qInput.value.trim();
    Portal.clearErrors(filters);
    load(0);
  }
  filters.addEventListener('submit', (e) => { e.preventDefault(); apply(); });
  $('staff-reset').addEventListener('click', () => {
    qInput.value = '';
    apply();
    qInput.focus();
  });
  Portal.clearErrorsOnInput(filters);

  // ---- rows: a table on wide screens, stacked cards on phones (CSS) ----

  const dash = (v) => (v == null || v === '' ? '—' : String(v));

  function cell(i, content, cls) {
    return h('td', { role: 'cell', class: cls || null, 'data-label': COLUMNS[i] }, content);
  }

  function row(a) {
    const who = a.name || a.login || '';
    return h('tr', {
      role: 'row', class: 'staff-row', 'data-account-id': a.accountId, 'data-name': a.name || null, 'data-login': a.login || null,
      'data-locked': a.locked ? 'true' : null,
    },
    cell(0, dash(a.login), 'staff-login'),
    cell(1, dash(a.name), 'staff-name'),
    cell(2, dash(a.roleName || a.role), 'staff-role'),
    cell(3, dash(a.unitName), 'staff-unit'),
    cell(4, a.locked ? h('span', { class: 'badge badge-alert staff-locked' }, '已锁定') : h('span', { class: 'muted' }, '正常'), 'staff-state'),
    cell(5, h('button', {
      type: 'button', class: 'btn btn-small staff-password-reset', 'aria-haspopup': 'dialog', 'aria-label': `重置密码：${who}`,
    }, '重置密码'), 'staff-actions'));
  }

  function updateCounts() {
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const rows = list.children.length;
    count.textContent = listFailed ? '' : `${q ? '符合条件的账号' : '全部账号'}：共 ${total} 个`;
    tableWrap.hidden = rows === 0;
    empty.textContent = q ? '没有符合条件的账号' : '暂无账号';
    empty.hidden = rows > 0 || listFailed;
    pager.hidden = listFailed || (total <= PAGE_SIZE && page === 0);
    prev.disabled = page <= 0;
    next.disabled = page >= pages - 1;
    $('page-info').textContent = `第 ${page + 1} / ${pages} 页，共 ${total} 个`;
  }

  async function load(p = page) {
    const t = ++ticket;
    const hadFocus = list.contains(document.activeElement);
    panel.setAttribute('aria-busy', 'true');
    try {
      const data = (await api('/ops/accounts' + query({ q, page: p, size: PAGE_SIZE }))) || {};
      if (t !== ticket) return;
      const items = Array.isArray(data.items) ? data.items : [];
      total = data.total ?? items.length;
      page = data.page ?? p;
      if (!items.length && page > 0 && total > 0) { load(Math.ceil(total / PAGE_SIZE) - 1); return; }
      listFailed = false;
      errorBox.hidden = true;
      list.replaceChildren(...items.map(row));
      syncUrl();
      if (hadFocus) { const first = list.querySelector('.staff-password-reset'); if (first) first.focus(); }
    } catch (e) {
      if (t !== ticket) return;
      if (e.status === 401) { toLogin(); return; }
      listFailed = true;
      Portal.showErrors(filters, e, errorBox); // a bad query: next to it; the message above the list
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
  $('staff-reload').addEventListener('click', () => load());

  // ---- 重置密码: confirm, then the temporary password once (js/password-reset.js) ----

  list.addEventListener('click', (e) => {
    const btn = e.target.closest('.staff-password-reset');
    const el = btn && btn.closest('[data-account-id]');
    if (!el || btn.disabled) return;
    PasswordReset.start({
      url: `/ops/accounts/${encodeURIComponent(el.dataset.accountId)}/password-reset`,
      name: el.dataset.name || '',
      login: el.dataset.login || '',
      opener: btn,
      onGone: () => load(), // the account is gone: show the list as it is now
    });
  });

  // ---- start ----

  $('page-loading').hidden = true;
  $('page-body').hidden = false;
  $('main').removeAttribute('aria-busy');
  load(page);
});
