// 注册审核 (unit admins): list the unit's registrations by state, show details, approve or reject with a reason.
document.addEventListener('DOMContentLoaded', async () => {
  'use strict';
  const { api, h, query, toast, formatDateTime } = Portal;
  const $ = (id) => document.getElementById(id);

  const PAGE_SIZE = 20;
  const REASON_MAX = 200;
  const STATES = ['pending', 'approved', 'rejected'];
  // a state's name: the item's stateName from the server, or the tab's own text
  const tabName = (s) => { const t = document.getElementById(`tab-${s}`); return t ? t.textContent.trim() : s; };
  const GENDERS = { M: '男', F: '女' };

  const user = await Portal.requireLogin(['UNIT_ADMIN']);
  if (!user) return;

  const list = $('registrations');
  const panel = $('registrations-panel');
  const errorBox = $('registrations-error');
  const empty = $('registrations-empty');
  const count = $('registrations-count');
  const pager = $('registrations-pager');
  const prev = $('page-prev');
  const next = $('page-next');
  const pageInfo = $('page-info');
  const reload = $('registrations-reload');
  const tabs = [...document.querySelectorAll('.tab[data-state]')];

  if (user.unitName) $('unit-line').textContent = `审核「${user.unitName}」专业技术人员的注册申请。审核通过后，申请人即可登录平台。`;

  const initial = new URLSearchParams(location.search).get('state');
  let state = STATES.includes(initial) ? initial : 'pending';
  let page = 0;
  let total = 0;
  let ticket = 0;
  const items = new Map(); // id → item as last received
  let refocus = false; // keyboard focus was in a row that went away: put it back after the reload

  function toLogin() {
    location.replace('/login.html' + query({ next: location.pathname + location.search }));
  }

  /** First 6 + ******** + last 4 characters. */
  function maskId(id) {
    const s = String(id || '');
    return s.length > 10 ? `${s.slice(0, 6)}********${s.slice(-4)}` : s;
  }
  const text = (v) => (v == null || v === '' ? '未填写' : String(v));

  // ---- list ----

  function details(item, id) {
    const rows = [
      ['姓名', item.name], ['身份证号', item.idNumber], ['性别', GENDERS[item.gender] || item.gender],
      ['出生日期', item.birthDate], ['手机号码', item.mobile], ['电子邮箱', item.email],
      ['用人单位所属区域', item.regionName], ['所在单位', item.unitName], ['所属工作部门', item.departmentName],
      ['民族', item.ethnicGroupName], ['籍贯', item.nativePlace], ['毕业院校', item.school],
      ['所学专业', item.majorName], ['专业技术职务', item.titleName], ['提交时间', formatDateTime(item.createdAt)],
    ];
    if (item.decidedAt) rows.push(['审核时间', formatDateTime(item.decidedAt)]);
    if (item.state === 'rejected' || item.rejectReason) rows.push(['不通过原因', item.rejectReason]);
    return h('dl', { class: 'reg-details', id, hidden: true },
      rows.map(([k, v]) => [h('dt', null, k), h('dd', { class: v == null || v === '' ? 'none' : null }, text(v))]));
  }

  function row(item) {
    const detailsId = `reg-details-${item.id}`;
    const pending = item.state === 'pending';
    return h('li', { class: 'reg-row', 'data-registration-id': item.id, 'data-state': item.state },
      h('div', { class: 'reg-summary' },
        h('div', { class: 'reg-main' },
          h('p', { class: 'reg-title' },
            h('strong', { class: 'reg-name' }, item.name),
            h('span', { class: 'reg-id' }, maskId(item.idNumber)),
            h('span', { class: `state-badge state-${item.state}` }, item.stateName || item.state)),
          h('p', { class: 'reg-meta' },
            h('span', null, '部门：', text(item.departmentName)),
            h('span', null, '提交时间：', formatDateTime(item.createdAt) || '—'),
            !pending && item.decidedAt ? h('span', null, '审核时间：', formatDateTime(item.decidedAt)) : null),
          item.rejectReason ? h('p', { class: 'reg-reason' }, '不通过原因：', item.rejectReason) : null),
        h('div', { class: 'reg-actions' },
          h('button', {
            type: 'button', class: 'btn btn-small details-toggle', 'aria-expanded': 'false', 'aria-controls': detailsId,
          }, '详细'),
          pending ? h('button', { type: 'button', class: 'btn btn-small btn-primary approve' }, '通过') : null,
          pending ? h('button', { type: 'button', class: 'btn btn-small btn-danger reject' }, '不通过') : null)),
      details(item, detailsId));
  }

  function updateCounts() {
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    count.textContent = total ? `${tabName(state)}：共 ${total} 条` : '';
    empty.textContent = `暂无${tabName(state)}的注册申请`;
    empty.hidden = list.children.length > 0 || !errorBox.hidden;
    pager.hidden = total <= PAGE_SIZE && page === 0;
    prev.disabled = page <= 0;
    next.disabled = page >= pages - 1;
    pageInfo.textContent = `第 ${page + 1} / ${pages} 页，共 ${total} 条`;
  }

  function setLoading(on) {
    panel.setAttribute('aria-busy', String(on));
    reload.disabled = on;
    if (on) { prev.disabled = true; next.disabled = true; }
  }

  async function load(p = page) {
    const t = ++ticket;
    setLoading(true);
    try {
      const data = (await api('/unit/registrations' + query({ state, page: p, size: PAGE_SIZE }))) || {};
      if (t !== ticket) return;
      const received = data.items || [];
      total = data.total ?? received.length;
      page = data.page ?? p;
      // A page past the end (rows were decided meanwhile): show the last page instead.
      if (!received.length && page > 0 && total > 0) {
        load(Math.ceil(total / PAGE_SIZE) - 1);
        return;
      }
      errorBox.hidden = true;
      items.clear();
      received.forEach((item) => items.set(String(item.id), item));
      const hadFocus = refocus || list.contains(document.activeElement);
      list.replaceChildren(...received.map(row));
      refocus = false;
      if (hadFocus) focusAfterRemoval();
    } catch (e) {
      if (t !== ticket) return;
      if (e.status === 401) { toLogin(); return; }
      errorBox.textContent = e.message;
      errorBox.hidden = false;
      list.replaceChildren();
    } finally {
      if (t === ticket) {
        setLoading(false);
        updateCounts();
      }
    }
  }

  /** A decided row leaves the list; refill the page when rows from later pages move up. */
  function removeRow(id) {
    const el = list.querySelector(`[data-registration-id="${CSS.escape(String(id))}"]`);
    const hadFocus = refocus || (el && el.contains(document.activeElement));
    if (el) el.remove();
    items.delete(String(id));
    total = Math.max(0, total - 1);
    if (!list.children.length || total > page * PAGE_SIZE + list.children.length) {
      refocus = hadFocus; // load() puts the focus back once the rows are there
      load(page);
    } else {
      refocus = false;
      updateCounts();
      if (hadFocus) focusAfterRemoval();
    }
  }

  function focusAfterRemoval() {
    if (dialog.open) return;
    const target = list.querySelector('.approve') || tabs.find((b) => b.dataset.state === state);
    if (target) target.focus();
  }

  /** Disable a row's decision buttons while its request runs (a disabled button drops the focus: remember it). */
  function rowBusy(id, on) {
    const el = list.querySelector(`[data-registration-id="${CSS.escape(String(id))}"]`);
    if (!el) return;
    if (on && el.contains(document.activeElement)) refocus = true;
    el.setAttribute('aria-busy', String(on));
    el.querySelectorAll('.approve, .reject').forEach((b) => { b.disabled = on; });
    if (!on && refocus) {
      refocus = false;
      const target = el.querySelector('.approve') || el.querySelector('.details-toggle');
      if (target) target.focus();
    }
  }

  /**
   * POST the decision. Resolves true when done; on 409/404 it toasts the server's message,
   * reloads the list and resolves false; other failures reject (with the Chinese message).
   */
  async function decide(id, decision, reason) {
    const item = items.get(String(id));
    if (!item) return false;
    rowBusy(id, true);
    try {
      await api(`/unit/registrations/${encodeURIComponent(id)}/decision`, {
        method: 'POST', body: { decision, reason: reason || null, version: item.version },
      });
      removeRow(id);
      toast(decision === 'approve' ? `已通过「${item.name}」的注册申请` : `已将「${item.name}」的注册申请审核为不通过`, 'success');
      return true;
    } catch (e) {
      if (e.status === 401) { toLogin(); return false; }
      if (e.status === 409 || e.status === 404) {
        toast(e.message, 'error', 6000);
        load();
        return false;
      }
      throw e;
    } finally {
      rowBusy(id, false);
    }
  }

  list.addEventListener('click', async (e) => {
    const btn = e.target.closest('button');
    const el = btn && btn.closest('[data-registration-id]');
    if (!el) return;
    const id = el.dataset.registrationId;
    if (btn.classList.contains('details-toggle')) {
      const box = document.getElementById(btn.getAttribute('aria-controls'));
      const open = btn.getAttribute('aria-expanded') !== 'true';
      btn.setAttribute('aria-expanded', String(open));
      btn.textContent = open ? '收起' : '详细';
      box.hidden = !open;
      el.classList.toggle('is-open', open);
    } else if (btn.classList.contains('approve')) {
      try {
        await decide(id, 'approve');
      } catch (err) {
        toast(err.message, 'error', 6000);
      }
    } else if (btn.classList.contains('reject')) {
      openReject(id, btn);
    }
  });

  // ---- tabs and paging ----

  const markTab = Portal.tabs(tabs, 'state', panel, selectTab);

  function selectTab(s, focus) {
    state = s;
    page = 0;
    markTab(s, focus);
    const url = new URL(location.href);
    if (s === 'pending') url.searchParams.delete('state'); else url.searchParams.set('state', s);
    history.replaceState(null, '', url.pathname + url.search);
    list.replaceChildren();
    total = 0;
    errorBox.hidden = true;
    empty.hidden = true;
    load(0);
  }
  prev.addEventListener('click', () => load(page - 1));
  next.addEventListener('click', () => load(page + 1));
  reload.addEventListener('click', () => load());

  // ---- reject dialog ----

  const dialog = $('reject-dialog');
  const rejectForm = $('reject-form');
  const reason = $('reject-reason');
  const reasonCount = $('reject-reason-count');
  const rejectError = $('reject-error');
  const confirmBtn = $('reject-confirm');
  let rejectId = null;
  let opener = null;
  let rejecting = false;

  function showCount() {
    const n = [...reason.value].length;
    reasonCount.textContent = `${n} / ${REASON_MAX}`;
    reasonCount.classList.toggle('over', n > REASON_MAX);
  }
  reason.addEventListener('input', showCount);

  function openReject(id, btn) {
    const item = items.get(String(id));
    if (!item) return;
    rejectId = String(id);
    opener = btn;
    reason.value = '';
    showCount();
    Portal.clearErrors(rejectForm);
    rejectError.hidden = true;
    $('reject-who').textContent = `申请人：${item.name}（${maskId(item.idNumber)}）`;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    document.body.classList.add('has-picker');
    reason.focus();
  }

  function closeReject() {
    if (dialog.open && typeof dialog.close === 'function') dialog.close();
    else dialog.removeAttribute('open');
  }
  dialog.addEventListener('close', () => {
    document.body.classList.remove('has-picker');
    rejectId = null;
    if (opener && document.contains(opener)) opener.focus();
    else focusAfterRemoval();
    opener = null;
  });
  dialog.addEventListener('cancel', (e) => { if (rejecting) e.preventDefault(); });
  $('reject-cancel').addEventListener('click', () => { if (!rejecting) closeReject(); });
  dialog.addEventListener('click', (e) => { if (e.target === dialog && !rejecting) closeReject(); });

  rejectForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (rejecting || !rejectId) return;
    Portal.clearErrors(rejectForm);
    rejectError.hidden = true;
    const text = reason.value.trim();
    if (!text) { Portal.showFieldErrors(rejectForm, [{ field: 'reason', message: '请填写不通过原因' }]); return; }
    if ([...text].length > REASON_MAX) {
      Portal.showFieldErrors(rejectForm, [{ field: 'reason', message: `不通过原因不能超过${REASON_MAX}个字` }]);
      return;
    }
    rejecting = true;
    confirmBtn.disabled = true;
    confirmBtn.textContent = '正在提交…';
    const id = rejectId;
    try {
      await decide(id, 'reject', text); // done, or already decided elsewhere (toasted, list reloaded)
      rejecting = false;
      closeReject();
    } catch (err) {
      if (!Portal.showErrors(rejectForm, err, null)) {
        rejectError.textContent = err.message;
        rejectError.hidden = false;
      }
    } finally {
      rejecting = false;
      confirmBtn.disabled = false;
      confirmBtn.textContent = '确认不通过';
    }
  });
  Portal.clearErrorsOnInput(rejectForm);

  // ---- start ----

  $('page-loading').hidden = true;
  $('page-body').hidden = false;
  $('main').removeAttribute('aria-busy');
  selectTab(state);
});
