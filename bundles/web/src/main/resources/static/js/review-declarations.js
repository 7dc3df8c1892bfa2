// 申报审核 (unit admins: their own unit; ops): declarations by state (待审核 first, oldest first), filtered by
// year, learning form and 姓名或身份证号; 详细 opens the detail dialog (review-detail.js) with 通过 / 不通过;
// pending rows can be ticked (.review-select, #select-all) and approved together (#bulk-approve).
document.addEventListener('DOMContentLoaded', async () => {
  'use strict';
  const { api, h, query, toast, formatDateTime } = Portal;
  const V = DeclarationView;
  const $ = (id) => document.getElementById(id);

  const PAGE_SIZE = 20;
  const YEARS_SHOWN = 6;

  const user = await Portal.requireLogin(['UNIT_ADMIN', 'OPS']);
  if (!user) return;
  // the state that waits for this reviewer: pending (unit admin) or unit_approved (ops, the second level)
  const queue = await api('/review/declarations/queue').catch(() => ({ state: 'pending' }));
  const QUEUE = queue.state;
  const first = document.getElementById('tab-pending');
  first.dataset.state = QUEUE;
  first.id = `tab-${QUEUE}`;
  const STATES = [QUEUE, 'approved', 'rejected', 'all'];

  const list = $('review-list');
  const panel = $('review-panel');
  const errorBox = $('review-error');
  const empty = $('review-empty');
  const count = $('review-count');
  const status = $('review-status');
  const pager = $('review-pager');
  const prev = $('page-prev');
  const next = $('page-next');
  const pageInfo = $('page-info');
  const selectAll = $('select-all');
  const selectAllBox = $('select-all-box');
  const bulk = $('bulk-approve');
  const yearSelect = $('filter-year');
  const formSelect = $('filter-form');
  const qInput = $('filter-q');
  const tabs = [...document.querySelectorAll('.tab[data-state]')];

  // tab labels: the states' names from the server (全部 is the page's own)
  const [states, forms] = await Promise.all([
    api('/declarations/states').then((d) => (d && d.items) || [], () => []),
    api('/learning-forms').then((d) => (d && d.items) || [], () => []),
  ]);
  tabs.forEach((b) => {
    const s = states.find((x) => x.state === b.dataset.state);
    if (b.dataset.state !== 'all') b.textContent = (s && s.name) || b.dataset.state;
  });
  const tabLabel = (s) => { const b = tabs.find((x) => x.dataset.state === s); return b ? b.textContent.trim() : s; };

  if (user.role === 'UNIT_ADMIN' && user.unitName) {
    $('review-scope').textContent = `审核「${user.unitName}」专业技术人员提交的学时、学分申报。`;
  }

  const params = new URLSearchParams(location.search);
  let state = STATES.includes(params.get('state')) ? params.get('state') : QUEUE;
  let year = /^\d{4}$/.test(params.get('year') || '') ? params.get('year') : '';
  let formId = params.get('formId') || '';
  let q = (params.get('q') || '').trim();
  let page = 0;
  let total = 0;
  let ticket = 0;
  const items = new Map(); // id → line as last received
  const selected = new Set(); // ids of ticked pending rows on this page

  function toLogin() {
    location.replace('/login.html' + query({ next: location.pathname + location.search }));
  }

  // ---- filters ----

  const thisYear = new Date().getFullYear();
  const years = [];
  for (let y = thisYear; y > thisYear - YEARS_SHOWN; y--) years.push(y);
  if (year && !years.includes(Number(year))) years.push(Number(year));
  yearSelect.append(...years.sort((a, b) => b - a).map((y) => h('option', { value: y }, `${y} 年度`)));
  formSelect.append(...forms.map((f) => h('option', { value: f.id }, f.name || f.id)));
  if (formId && !forms.some((f) => String(f.id) === formId)) formSelect.append(h('option', { value: formId }, formId));
  yearSelect.value = year;
  formSelect.value = formId;
  qInput.value = q;

  function syncUrl() {
    const url = new URL(location.href);
    const set = (k, v, dflt) => { if (v && v !== dflt) url.searchParams.set(k, v); else url.searchParams.delete(k); };
    set('state', state, QUEUE);
    set('year', year);
    set('formId', formId);
    set('q', q);
    history.replaceState(null, '', url.pathname + url.search);
  }

  function applyFilters() {
    year = yearSelect.value;
    formId = formSelect.value;
    q = qInput.value.trim();
    syncUrl();
    selected.clear();
    status.replaceChildren();
    load(0);
  }
  $('review-filters').addEventListener('submit', (e) => { e.preventDefault(); applyFilters(); });
  yearSelect.addEventListener('change', applyFilters);
  formSelect.addEventListener('change', applyFilters);
  $('filter-clear').addEventListener('click', () => {
    yearSelect.value = '';
    formSelect.value = '';
    qInput.value = '';
    applyFilters();
    qInput.focus();
  });

  // ---- rows ----

  /** First 6 + ******** + last 4 characters (the full number is in 详细). */
  function maskId(id) {
    const s = String(id || '');
    return s.length > 10 ? `${s.slice(0, 6)}********${s.slice(-4)}` : s;
  }

  function row(item) {
    const id = String(item.id);
    const p = item.person || {};
    const unit = item.unit || '学时';
    const pending = item.state === QUEUE; // waits for this reviewer
    const what = [item.formName, item.title].filter(Boolean).join(' · ');
    return h('li', { class: 'reg-row review-row', 'data-id': id, 'data-state': item.state },
      h('div', { class: 'reg-summary' },
        pending ? h('label', { class: 'review-check' }, h('input', {
          type: 'checkbox', class: 'review-select', value: id, checked: selected.has(id),
          'aria-label': `选择${p.name || ''}的申报${what ? `：${what}` : ''}`,
        })) : null,
        h('div', { class: 'reg-main' },
          h('p', { class: 'reg-title' },
            h('strong', { class: 'reg-name' }, p.name || '—'),
            h('span', { class: 'reg-id' }, maskId(p.idNumber)),
            V.stateBadge(item.state, item.stateName)),
          what ? h('p', { class: 'decl-title' }, what) : null,
          h('p', { class: 'reg-meta' },
            p.departmentName ? h('span', null, '部门：', p.departmentName) : null,
            p.titleName ? h('span', null, '职务：', p.titleName) : null,
            h('span', null, '计入年度：', item.year != null ? String(item.year) : '—'),
            item.categoryName ? h('span', null, '科目类别：', item.categoryName) : null,
            h('span', { class: 'decl-hours' }, `申报${unit}：`, V.hours(item.claimedHours, unit)),
            item.approvedHours != null
              ? h('span', { class: 'decl-hours decl-approved-hours' }, `核定${unit}：`, V.hours(item.approvedHours, unit)) : null,
            h('span', null, '提交时间：', formatDateTime(item.submittedAt) || '—'),
            item.decidedAt ? h('span', null, '审核时间：', formatDateTime(item.decidedAt)) : null),
          item.state === 'rejected' ? h('p', { class: 'reg-reason' }, '不通过原因：', item.rejectReason || '未说明') : null,
          item.state !== 'rejected' && item.reviewNote ? h('p', { class: 'review-note' }, '审核意见：', item.reviewNote) : null),
        h('div', { class: 'reg-actions' },
          h('button', {
            type: 'button', class: `btn btn-small details-open${pending ? ' btn-primary' : ''}`, 'aria-haspopup': 'dialog',
            'aria-label': `详细：${p.name || ''}${what ? ` ${what}` : ''}`,
          }, '详细'))));
  }

  // ---- selection ----

  function pendingBoxes() { return [...list.querySelectorAll('.review-select')]; }

  function updateSelection() {
    const boxes = pendingBoxes();
    const n = boxes.filter((b) => b.checked).length;
    selectAllBox.hidden = boxes.length === 0;
    bulk.hidden = boxes.length === 0;
    selectAll.checked = boxes.length > 0 && n === boxes.length;
    selectAll.indeterminate = n > 0 && n < boxes.length;
    bulk.disabled = n === 0;
    bulk.textContent = n ? `批量通过（${n}）` : '批量通过';
  }

  selectAll.addEventListener('change', () => {
    pendingBoxes().forEach((b) => {
      b.checked = selectAll.checked;
      if (b.checked) selected.add(b.value); else selected.delete(b.value);
    });
    updateSelection();
  });
  list.addEventListener('change', (e) => {
    const b = e.target.closest('.review-select');
    if (!b) return;
    if (b.checked) selected.add(b.value); else selected.delete(b.value);
    updateSelection();
  });

  // ---- loading ----

  function updateCounts() {
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const scope = [year ? `${year} 年度` : '', tabLabel(state)].filter(Boolean).join(' · ');
    count.textContent = errorBox.hidden ? `${scope}：共 ${total} 条` : '';
    empty.textContent = q || formId || year ? '没有符合条件的申报' : `暂无${state === 'all' ? '' : tabLabel(state)}申报`;
    empty.hidden = list.children.length > 0 || !errorBox.hidden;
    pager.hidden = total <= PAGE_SIZE && page === 0;
    prev.disabled = page <= 0;
    next.disabled = page >= pages - 1;
    pageInfo.textContent = `第 ${page + 1} / ${pages} 页，共 ${total} 条`;
    updateSelection();
  }

  function activeTab() { return tabs.find((b) => b.dataset.state === state); }

  /** Load page `p`; keyboard focus that was in the list comes back to the list (or the active tab). */
  async function load(p = page, { keepFocus = false } = {}) {
    const t = ++ticket;
    const hadFocus = keepFocus || list.contains(document.activeElement);
    panel.setAttribute('aria-busy', 'true');
    try {
      const data = (await api('/review/declarations' + query({ state, formId, year, q, page: p, size: PAGE_SIZE }))) || {};
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
      // ticks survive a reload for rows still pending on this page
      for (const id of [...selected]) if (!items.has(id) || items.get(id).state !== QUEUE) selected.delete(id);
      list.replaceChildren(...received.map(row));
      if (hadFocus && !document.querySelector('dialog[open]')) {
        const target = list.querySelector('.details-open') || activeTab();
        if (target) target.focus();
      }
    } catch (e) {
      if (t !== ticket) return;
      if (e.status === 401) { toLogin(); return; }
      errorBox.textContent = e.message;
      errorBox.hidden = false;
      list.replaceChildren();
      selected.clear();
      total = 0;
    } finally {
      if (t === ticket) {
        panel.setAttribute('aria-busy', 'false');
        updateCounts();
      }
    }
  }

  // ---- 详细 ----

  /** A decision was recorded (toasted by the dialog) or was stale: say why, then reload the list. */
  function afterDecision(result) {
    if (result.decided) status.replaceChildren();
    else status.replaceChildren(h('p', { class: 'alert alert-error stale-decision' }, result.message, ' 列表已刷新。'));
    load(page, { keepFocus: true });
  }

  list.addEventListener('click', (e) => {
    const btn = e.target.closest('.details-open');
    const el = btn && btn.closest('[data-id]');
    if (el) ReviewDetail.open(el.dataset.id, { opener: btn, onDone: afterDecision });
  });

  // ---- 批量通过 ----

  const dialog = $('bulk-dialog');
  const okBtn = $('bulk-confirm');
  const cancelBtn = $('bulk-cancel');
  let bulkBusy = false;

  function describe(item) {
    const p = item.person || {};
    return [p.name, item.formName, item.title, V.hours(item.claimedHours, item.unit)].filter(Boolean).join(' · ');
  }

  function closeBulk() {
    if (dialog.open && typeof dialog.close === 'function') dialog.close();
    else dialog.removeAttribute('open');
  }
  dialog.addEventListener('close', () => {
    document.body.classList.remove('has-picker');
    const target = bulk.disabled || bulk.hidden ? list.querySelector('.review-select, .details-open') || activeTab() : bulk;
    if (target) target.focus();
  });
  dialog.addEventListener('cancel', (e) => { if (bulkBusy) e.preventDefault(); });
  dialog.addEventListener('click', (e) => { if (e.target === dialog && !bulkBusy) closeBulk(); });
  cancelBtn.addEventListener('click', () => { if (!bulkBusy) closeBulk(); });

  bulk.addEventListener('click', () => {
    const chosen = [...selected].map((id) => items.get(id)).filter(Boolean);
    if (!chosen.length) return;
    $('bulk-message').textContent = `确定要通过选中的 ${chosen.length} 条申报吗？各条均按申报的学时（学分）核定。`;
    $('bulk-items').replaceChildren(...chosen.map((item) => h('li', null, describe(item))));
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    document.body.classList.add('has-picker');
    cancelBtn.focus();
  });

  okBtn.addEventListener('click', async () => {
    if (bulkBusy) return;
    const chosen = [...selected].map((id) => items.get(id)).filter(Boolean);
    if (!chosen.length) { closeBulk(); return; }
    bulkBusy = true;
    okBtn.disabled = true;
    okBtn.textContent = '正在提交…';
    try {
      const res = (await api('/review/decisions/declarations', {
        method: 'POST', body: { decision: 'approve', items: chosen.map((x) => ({ id: x.id, version: x.version })) },
      })) || {};
      const outcomes = Array.isArray(res.items) ? res.items : [];
      const failed = outcomes.filter((o) => !o.ok);
      const succeeded = res.succeeded ?? outcomes.length - failed.length;
      selected.clear();
      const summary = failed.length ? `已通过 ${succeeded} 条，${failed.length} 条未能通过：` : `已通过 ${succeeded} 条申报。`;
      status.replaceChildren(h('div', { class: `alert ${failed.length ? 'alert-error' : 'alert-success'} bulk-result`, id: 'bulk-result' },
        h('p', null, summary),
        failed.length ? h('ul', { class: 'bulk-failures' }, failed.map((o) => {
          const item = items.get(String(o.id));
          return h('li', { 'data-id': o.id }, item ? describe(item) : `申报 ${o.id}`, '：', o.message || o.stateName || '未能处理');
        })) : null));
      toast(failed.length ? `已通过 ${succeeded} 条，${failed.length} 条未能通过，原因见列表上方` : summary,
        failed.length ? 'error' : 'success', failed.length ? 8000 : 4000);
      bulkBusy = false;
      closeBulk();
      load(page, { keepFocus: true });
    } catch (e) {
      if (e.status === 401) { toLogin(); return; }
      toast(e.message, 'error', 8000);
      bulkBusy = false;
      closeBulk();
      if (e.status === 409 || e.status === 404) load(page, { keepFocus: true });
    } finally {
      bulkBusy = false;
      okBtn.disabled = false;
      okBtn.textContent = '确认通过';
    }
  });

  // ---- tabs and paging ----

  const markTab = Portal.tabs(tabs, 'state', panel, selectTab);

  function selectTab(s, focus) {
    state = s;
    markTab(s, focus);
    syncUrl();
    list.replaceChildren();
    selected.clear();
    status.replaceChildren();
    total = 0;
    errorBox.hidden = true;
    empty.hidden = true;
    load(0);
  }
  prev.addEventListener('click', () => { selected.clear(); load(page - 1); });
  next.addEventListener('click', () => { selected.clear(); load(page + 1); });
  $('review-reload').addEventListener('click', () => load());

  // ---- start ----

  $('page-loading').hidden = true;
  $('page-body').hidden = false;
  $('main').removeAttribute('aria-busy');
  selectTab(state);
});
