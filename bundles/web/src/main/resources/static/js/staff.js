// 账号管理 (ops): the staff accounts (unit admins, base admins and ops), searched by 登录账号或姓名 (GET /api/ops/accounts),
// 20 a page; 重置密码 (.staff-password-reset) gives an account a temporary password (POST /api/ops/accounts/{accountId}/password-reset,
// the dialogs of js/password-reset.js); 停用 / 启用 / 解锁 (POST .../{accountId}/disabling, /enabling, /unlocking; never
// one's own account); 新建账号 (#staff-new) opens the form of js/staff-form.js. Roles, units, bases and states are
// named as the server names them (roleName, unitName, baseName, stateName).
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
  const savedNote = $('staff-saved-note');
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

  function row(a, created) {
    const who = a.name || a.login || '';
    return h('tr', {
      role: 'row', class: `staff-row${created ? ' is-saved' : ''}`, 'data-account-id': a.accountId, 'data-name': a.name || null,
      'data-login': a.login || null, 'data-locked': a.locked ? 'true' : null, 'data-base-id': a.baseId ?? null,
    },
    cell(0, dash(a.login), 'staff-login'),
    cell(1, dash(a.name), 'staff-name'),
    cell(2, dash(a.roleName || a.role), 'staff-role'),
    // a base admin belongs to a 继续教育基地, the others (but ops) to a unit
    cell(3, dash(a.baseName || a.unitName), 'staff-unit'),
    cell(4, [h('span', { class: `state-badge${a.state === 'disabled' ? '' : ' state-approved'} staff-state-name` }, a.stateName),
      a.locked ? h('span', { class: 'badge badge-alert staff-locked' }, '已锁定') : null], 'staff-state'),
    cell(5, [h('button', {
      type: 'button', class: 'btn btn-small staff-password-reset', 'aria-haspopup': 'dialog', 'aria-label': `重置密码：${who}`,
    }, '重置密码'), ...stateActions(a, who)], 'staff-actions'));
  }

  /** 停用 or 启用, and 解锁 when locked; none on one's own account. */
  function stateActions(a, who) {
    if (String(a.accountId) === String(user.accountId)) return [];
    const button = (action, label, danger) => h('button', {
      type: 'button', class: `btn btn-small staff-${action}${danger ? ' btn-danger' : ''}`, 'data-action': action,
      'aria-label': `${label}：${who}`,
    }, label);
    return [a.state === 'disabled' ? button('enabling', '启用') : button('disabling', '停用', true),
      a.locked ? button('unlocking', '解锁') : null];
  }

  async function changeState(el, action) {
    const who = `${el.dataset.name || ''}（${el.dataset.login || ''}）`;
    if (action === 'disabling' && !(await ConfirmDialog.ask({
      title: '停用账号', message: '停用后该账号不能登录，已登录的会话立即失效；可以随时重新启用。', what: who, ok: '停用', danger: true,
    }))) return;
    errorBox.hidden = true;
    try {
      const after = await api(`/ops/accounts/${encodeURIComponent(el.dataset.accountId)}/${action}`, { method: 'POST' });
      Portal.toast(`${who}：${after.stateName}${after.locked ? '，已锁定' : ''}`, 'success');
    } catch (e) {
      if (e.status === 401) { toLogin(); return; }
      errorBox.textContent = e.message;
      errorBox.hidden = false;
    }
    await load();
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

  /** Show page `p`; `created` ({id, login}: an account just created) is marked, or named in a note when not on that page. */
  async function load(p = page, created = null) {
    const t = ++ticket;
    const hadFocus = list.contains(document.activeElement);
    panel.setAttribute('aria-busy', 'true');
    try {
      const data = (await api('/ops/accounts' + query({ q, page: p, size: PAGE_SIZE }))) || {};
      if (t !== ticket) return;
      const items = Array.isArray(data.items) ? data.items : [];
      total = data.total ?? items.length;
      page = data.page ?? p;
      if (!items.length && page > 0 && total > 0) { load(Math.ceil(total / PAGE_SIZE) - 1, created); return; }
      listFailed = false;
      errorBox.hidden = true;
      const isCreated = (a) => !!created && String(a.accountId) === String(created.id);
      list.replaceChildren(...items.map((a) => row(a, isCreated(a))));
      showCreatedNote(created && !items.some(isCreated) ? created : null);
      syncUrl();
      const mark = list.querySelector('tr.is-saved');
      if (mark) {
        mark.scrollIntoView({ block: 'center' });
        mark.querySelector('.staff-password-reset').focus({ preventScroll: true });
      } else if (hadFocus) { const first = list.querySelector('.staff-password-reset'); if (first) first.focus(); }
    } catch (e) {
      if (t !== ticket) return;
      if (e.status === 401) { toLogin(); return; }
      listFailed = true;
      Portal.showErrors(filters, e, errorBox); // a bad query: next to it; the message above the list
      list.replaceChildren();
      showCreatedNote(null);
      total = 0;
    } finally {
      if (t === ticket) {
        panel.setAttribute('aria-busy', 'false');
        updateCounts();
      }
    }
  }

  /** A new account that the current query or page does not show: its login and a way to find it. */
  function showCreatedNote(created) {
    if (!created || !created.login) {
      savedNote.replaceChildren();
      savedNote.hidden = true;
      return;
    }
    const find = h('button', { type: 'button', class: 'btn btn-small', id: 'staff-saved-show' }, '查看该账号');
    find.addEventListener('click', () => {
      qInput.value = created.login;
      q = created.login;
      Portal.clearErrors(filters);
      load(0, created);
    });
    savedNote.replaceChildren(`新账号 ${created.login} 不在当前查询结果的这一页。`, ' ', find);
    savedNote.hidden = false;
  }

  prev.addEventListener('click', () => load(page - 1));
  next.addEventListener('click', () => load(page + 1));
  $('staff-reload').addEventListener('click', () => load());

  // ---- 重置密码: confirm, then the temporary password once (js/password-reset.js) ----

  list.addEventListener('click', (e) => {
    const stateButton = e.target.closest('[data-action]');
    if (stateButton && !stateButton.disabled) {
      changeState(stateButton.closest('[data-account-id]'), stateButton.dataset.action);
      return;
    }
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

  // ---- 新建账号 (js/staff-form.js) ----

  StaffForm.attach({
    opener: $('staff-new'),
    onCreated: async (created) => {
      await load(page, created);
      if (!list.querySelector('tr.is-saved')) $('staff-new').focus(); // the new account is on another page
    },
  });

  // ---- start ----

  $('page-loading').hidden = true;
  $('page-body').hidden = false;
  $('main').removeAttribute('aria-busy');
  load(page);
});
