// 职称变更审核 (unit admins): the unit's title changes by state (tabs; their texts are the page's own), searched
// by 姓名或身份证号 (GET /api/review/title-changes). A pending row has 通过 (.approve) and 不通过 (.reject); both
// open the confirm step (#decision-dialog); 不通过 needs a reason (#decision-reason, quick picks from
// GET /api/review/reasons). POST .../{id}/decision; 409 already_decided shows the server's message and reloads.
document.addEventListener('DOMContentLoaded', async () => {
  'use strict';
  const { api, h, query, toast, formatDateTime } = Portal;
  const $ = (id) => document.getElementById(id);

  const PAGE_SIZE = 20;
  const REASON_MAX = 200;

  const user = await Portal.requireLogin(['UNIT_ADMIN']);
  if (!user) return;

  const list = $('title-change-list');
  const panel = $('title-change-panel');
  const errorBox = $('title-change-error');
  const empty = $('title-change-empty');
  const count = $('title-change-count');
  const status = $('title-change-status');
  const pager = $('title-change-pager');
  const prev = $('page-prev');
  const next = $('page-next');
  const qInput = $('title-change-q');
  const filters = $('title-change-filters');
  const tabs = [...document.querySelectorAll('.tab[data-state]')];
  const STATES = tabs.map((b) => b.dataset.state);
  const tabName = (s) => { const b = tabs.find((x) => x.dataset.state === s); return b ? b.textContent.trim() : s; };

  if (user.unitName) {
    $('title-change-lead').textContent = `审核「${user.unitName}」专业技术人员提交的专业技术职务变更。`
      + '审核通过后，新的职务立即生效；不通过时请说明原因，申请人可以看到。';
  }

  const params = new URLSearchParams(location.search);
  let state = STATES.includes(params.get('state')) ? params.get('state') : STATES[0];
  let q = (params.get('q') || '').trim();
  let page = 0;
  let total = 0;
  let ticket = 0;
  const items = new Map(); // id → item as last received
  qInput.value = q;

  function toLogin() {
    location.replace('/login.html' + query({ next: location.pathname + location.search }));
  }

  /** First 6 + ******** + last 4 characters. */
  function maskId(id) {
    const s = String(id || '');
    return s.length > 10 ? `${s.slice(0, 6)}********${s.slice(-4)}` : s;
  }

  function syncUrl() {
    const url = new URL(location.href);
    if (state !== STATES[0]) url.searchParams.set('state', state); else url.searchParams.delete('state');
    if (q) url.searchParams.set('q', q); else url.searchParams.delete('q');
    history.replaceState(null, '', url.pathname + url.search);
  }

  // ---- rows ----

  /** 原职务 → 新职务, read out as words. */
  function change(item) {
    return h('p', { class: 'title-change-line' },
      h('span', { class: 'visually-hidden' }, '原职务：'),
      h('span', { class: 'title-old' }, item.oldTitleName || '无'),
      h('span', { class: 'title-arrow', 'aria-hidden': 'true' }, ' → '),
      h('span', { class: 'visually-hidden' }, '，变更为：'),
      h('strong', { class: 'title-new' }, item.newTitleName || '—'));
  }

  function row(item) {
    const pending = item.state === 'pending';
    const who = item.personName || '';
    return h('li', { class: 'reg-row review-row title-change-row', 'data-id': item.id, 'data-state': item.state },
      h('div', { class: 'reg-summary' },
        h('div', { class: 'reg-main' },
          h('p', { class: 'reg-title' },
            h('strong', { class: 'reg-name' }, who || '—'),
            h('span', { class: 'reg-id' }, maskId(item.idNumber)),
            h('span', { class: `state-badge state-${item.state}` }, item.stateName || item.state)),
          change(item),
          h('p', { class: 'reg-meta' },
            item.departmentName ? h('span', null, '部门：', item.departmentName) : null,
            h('span', null, '取得时间：', item.titleObtainedOn || '—'),
            h('span', null, '提交时间：', formatDateTime(item.createdAt) || '—'),
            item.decidedAt ? h('span', null, '审核时间：', formatDateTime(item.decidedAt)) : null,
            item.decidedByName ? h('span', null, '审核人：', item.decidedByName) : null,
            item.certificate ? h('a', {
              class: 'certificate-open', target: '_blank', rel: 'noopener',
              href: `/api/review/title-changes/${encodeURIComponent(item.id)}/certificate/${encodeURIComponent(item.certificate.id)}`,
            }, '查看职称证书') : null),
          item.reason ? h('p', { class: item.state === 'rejected' ? 'reg-reason' : 'review-note' },
            item.state === 'rejected' ? '不通过原因：' : '说明：', item.reason) : null),
        pending ? h('div', { class: 'reg-actions' },
          h('button', { type: 'button', class: 'btn btn-small btn-primary approve', 'aria-haspopup': 'dialog', 'aria-label': `通过：${who}` }, '通过'),
          h('button', { type: 'button', class: 'btn btn-small btn-danger reject', 'aria-haspopup': 'dialog', 'aria-label': `不通过：${who}` }, '不通过'))
          : null));
  }

  // ---- loading ----

  function updateCounts() {
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    count.textContent = errorBox.hidden ? `${tabName(state)}：共 ${total} 条` : '';
    empty.textContent = q ? '没有符合条件的职称变更申请' : `暂无${state === 'all' ? '' : tabName(state)}的职称变更申请`;
    empty.hidden = list.children.length > 0 || !errorBox.hidden;
    pager.hidden = total <= PAGE_SIZE && page === 0;
    prev.disabled = page <= 0;
    next.disabled = page >= pages - 1;
    $('page-info').textContent = `第 ${page + 1} / ${pages} 页，共 ${total} 条`;
  }

  function activeTab() { return tabs.find((b) => b.dataset.state === state); }

  /** Load page `p`; keyboard focus that was in the list comes back to the list (or the active tab). */
  async function load(p = page, { keepFocus = false } = {}) {
    const t = ++ticket;
    const hadFocus = keepFocus || list.contains(document.activeElement);
    panel.setAttribute('aria-busy', 'true');
    try {
      const data = (await api('/review/title-changes' + query({ state, q, page: p, size: PAGE_SIZE }))) || {};
      if (t !== ticket) return;
      const received = data.items || [];
      total = data.total ?? received.length;
      page = data.page ?? p;
      if (!received.length && page > 0 && total > 0) { // past the end (rows were decided meanwhile)
        load(Math.ceil(total / PAGE_SIZE) - 1, { keepFocus: hadFocus });
        return;
      }
      errorBox.hidden = true;
      items.clear();
      received.forEach((item) => items.set(String(item.id), item));
      list.replaceChildren(...received.map(row));
      if (hadFocus && !dialog.open) {
        const target = list.querySelector('.approve') || activeTab();
        if (target) target.focus();
      }
    } catch (e) {
      if (t !== ticket) return;
      if (e.status === 401) { toLogin(); return; }
      Portal.showErrors(filters, e, errorBox);
      list.replaceChildren();
      total = 0;
    } finally {
      if (t === ticket) {
        panel.setAttribute('aria-busy', 'false');
        updateCounts();
      }
    }
  }

  // ---- the confirm step ----

  const dialog = $('decision-dialog');
  const form = $('decision-form');
  const reasonField = $('reason-field');
  const reason = $('decision-reason');
  const reasonCount = $('decision-reason-count');
  const picks = $('reason-picks');
  const formError = $('decision-error');
  const confirmBtn = $('confirm-decision');
  const cancelBtn = $('decision-cancel');
  let pending = null; // {id, decision, opener}
  let busy = false;
  let reasons = null; // promise of the quick-pick reasons

  function loadReasons() {
    if (!reasons) {
      reasons = api('/review/reasons').then((d) => (d && Array.isArray(d.items) ? d.items : []), () => {
        reasons = null; // ask again next time
        return [];
      });
    }
    return reasons;
  }

  function showCount() {
    const n = [...reason.value].length;
    reasonCount.textContent = `${n} / ${REASON_MAX}`;
    reasonCount.classList.toggle('over', n > REASON_MAX);
  }
  reason.addEventListener('input', showCount);

  picks.addEventListener('click', (e) => {
    const b = e.target.closest('button[data-reason]');
    if (!b) return;
    const now = reason.value.trim();
    if (!now.includes(b.dataset.reason)) reason.value = now ? `${now}；${b.dataset.reason}` : b.dataset.reason;
    showCount();
    Portal.clearErrors(form, 'reason');
    reason.focus();
    reason.setSelectionRange(reason.value.length, reason.value.length);
  });

  function confirmText(decision) { return decision === 'approve' ? '确认通过' : '确认不通过'; }

  function openDecision(id, decision, btn) {
    const item = items.get(String(id));
    if (!item) return;
    pending = { id: String(id), decision, opener: btn };
    const approve = decision === 'approve';
    $('decision-title').textContent = approve ? '通过职称变更' : '不通过职称变更';
    $('decision-who').replaceChildren(
      h('p', { class: 'reject-who' }, `申请人：${item.personName || ''}（${maskId(item.idNumber)}）`),
      change(item),
      h('p', { class: 'muted' }, `取得时间：${item.titleObtainedOn || '—'}；提交时间：${formatDateTime(item.createdAt) || '—'}`),
      h('p', { class: 'confirm-message' }, approve
        ? '确定通过吗？通过后，该人员的专业技术职务立即变更为新职务。'
        : '请填写不通过的原因，申请人可以看到。'));
    reasonField.hidden = approve;
    reason.required = !approve;
    reason.setAttribute('aria-required', String(!approve));
    reason.value = '';
    showCount();
    Portal.clearErrors(form);
    formError.hidden = true;
    confirmBtn.textContent = confirmText(decision);
    confirmBtn.className = approve ? 'btn btn-primary' : 'btn btn-primary btn-danger';
    if (!approve) {
      loadReasons().then((rs) => {
        picks.replaceChildren(...rs.map((r) => h('button', { type: 'button', class: 'btn btn-small reason-pick', 'data-reason': r }, r)));
        picks.hidden = !rs.length;
      });
    }
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    document.body.classList.add('has-picker');
    (approve ? cancelBtn : reason).focus();
  }

  function closeDecision() {
    if (dialog.open && typeof dialog.close === 'function') dialog.close();
    else { dialog.removeAttribute('open'); onClosed(); }
  }
  function onClosed() {
    document.body.classList.remove('has-picker');
    const opener = pending && pending.opener;
    pending = null;
    const target = opener && document.contains(opener) && !opener.disabled ? opener : list.querySelector('.approve') || activeTab();
    if (target) target.focus();
  }
  dialog.addEventListener('close', onClosed);
  dialog.addEventListener('cancel', (e) => { if (busy) e.preventDefault(); });
  dialog.addEventListener('click', (e) => { if (e.target === dialog && !busy) closeDecision(); });
  cancelBtn.addEventListener('click', () => { if (!busy) closeDecision(); });

  function setBusy(on) {
    busy = on;
    confirmBtn.disabled = on;
    cancelBtn.disabled = on;
    confirmBtn.textContent = on ? '正在提交…' : confirmText(pending ? pending.decision : 'approve');
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (busy || !pending) return;
    const { id, decision } = pending;
    const item = items.get(id);
    if (!item) { closeDecision(); return; }
    Portal.clearErrors(form);
    formError.hidden = true;
    const text = reason.value.trim();
    if (decision === 'reject' && !text) { Portal.showFieldErrors(form, [{ field: 'reason', message: '请填写不通过的原因' }]); return; }
    if ([...text].length > REASON_MAX) {
      Portal.showFieldErrors(form, [{ field: 'reason', message: `原因不能超过${REASON_MAX}个字` }]);
      return;
    }
    const body = { decision, version: item.version };
    if (decision === 'reject') body.reason = text;
    setBusy(true);
    try {
      await api(`/review/title-changes/${encodeURIComponent(id)}/decision`, { method: 'POST', body });
      const who = `「${item.personName || ''}」的职称变更`;
      toast(decision === 'approve' ? `已通过${who}` : `已将${who}审核为不通过`, 'success');
      status.replaceChildren();
      setBusy(false);
      closeDecision();
      load(page, { keepFocus: true });
    } catch (err) {
      setBusy(false);
      if (err.status === 401) { toLogin(); return; }
      if (err.status === 409 || err.status === 404) { // already decided (the message says by whom), withdrawn or gone
        status.replaceChildren(h('p', { class: 'alert alert-error stale-decision' }, err.message, ' 列表已刷新。'));
        closeDecision();
        load(page, { keepFocus: true });
        return;
      }
      if (!Portal.showErrors(form, err, null)) {
        formError.textContent = err.message;
        formError.hidden = false;
      }
    }
  });
  Portal.clearErrorsOnInput(form);

  list.addEventListener('click', (e) => {
    const btn = e.target.closest('.approve, .reject');
    const el = btn && btn.closest('[data-id]');
    if (el) openDecision(el.dataset.id, btn.classList.contains('approve') ? 'approve' : 'reject', btn);
  });

  // ---- filters, tabs and paging ----

  filters.addEventListener('submit', (e) => {
    e.preventDefault();
    q = qInput.value.trim();
    Portal.clearErrors(filters);
    status.replaceChildren();
    syncUrl();
    load(0);
  });
  $('title-change-clear').addEventListener('click', () => {
    qInput.value = '';
    filters.requestSubmit ? filters.requestSubmit() : filters.dispatchEvent(new Event('submit', { cancelable: true }));
    qInput.focus();
  });

  const markTab = Portal.tabs(tabs, 'state', panel, selectTab);

  function selectTab(s, focus) {
    state = s;
    markTab(s, focus);
    syncUrl();
    list.replaceChildren();
    status.replaceChildren();
    total = 0;
    errorBox.hidden = true;
    empty.hidden = true;
    load(0);
  }
  prev.addEventListener('click', () => load(page - 1));
  next.addEventListener('click', () => load(page + 1));
  $('title-change-reload').addEventListener('click', () => load());

  // ---- start ----

  $('page-loading').hidden = true;
  $('page-body').hidden = false;
  $('main').removeAttribute('aria-busy');
  selectTab(state);
});
