// 申报进度查询: the professional's declarations by state (全部/待提交/待审核/审核通过/审核不通过) and year,
// 「详细」 in full (from each declaration's own schema), 修改/删除 a draft, 撤销 a pending one; an approved one
// shows the hours the reviewer approved (and the reviewer's note), a rejected one the reason and 复制为新申报.
// A declaration a 继续教育基地 made for the person (学员导入) carries `origin` (the server's words, shown in
// .origin-note): it can be viewed only — no 修改/删除/撤销/复制为新申报.
document.addEventListener('DOMContentLoaded', async () => {
  'use strict';
  const { api, h, query, toast, formatDateTime } = Portal;
  const V = DeclarationView;
  const $ = (id) => document.getElementById(id);

  const PAGE_SIZE = 10;
  const YEARS_SHOWN = 6;
  const FILTERS = ['all', 'draft', 'pending', 'approved', 'rejected'];
  // the states' names come from the server (GET /api/declarations/states), as do the items' stateName
  const FILTER_LABELS = { all: '全部' };

  const user = await Portal.requireLogin(['PROFESSIONAL']);
  if (!user) return;
  try {
    for (const s of (await api('/declarations/states')).items) FILTER_LABELS[s.state] = s.name;
  } catch (e) { /* the tabs then show the codes; the list still works */ }
  for (const f of FILTERS) {
    const tab = $(`filter-${f}`);
    if (tab) tab.textContent = FILTER_LABELS[f] || f;
  }

  const list = $('declarations');
  const panel = $('declarations-panel');
  const errorBox = $('declarations-error');
  const empty = $('declarations-empty');
  const count = $('declarations-count');
  const pager = $('declarations-pager');
  const prev = $('page-prev');
  const next = $('page-next');
  const pageInfo = $('page-info');
  const reload = $('declarations-reload');
  const yearFilter = $('year-filter');
  const tabs = [...document.querySelectorAll('[data-filter]')];
  const enc = encodeURIComponent;
  const VIEW = { origin: false }; // 「详细」: the row above already names who declared it (origin)

  const params = new URLSearchParams(location.search);
  let filter = FILTERS.includes(params.get('state')) ? params.get('state') : 'all';
  let year = /^\d{4}$/.test(params.get('year') || '') ? params.get('year') : '';
  let page = 0;
  let total = 0;
  let ticket = 0;
  const items = new Map(); // id → list item as last received
  const details = new Map(); // id → {version, decl} loaded for 「详细」

  function toLogin() {
    location.replace('/login.html' + query({ next: location.pathname + location.search }));
  }

  // ---- year filter: 全部年度 + this year and the years before ----

  const thisYear = new Date().getFullYear();
  const years = [];
  for (let y = thisYear; y > thisYear - YEARS_SHOWN; y--) years.push(y);
  if (year && !years.includes(Number(year))) years.push(Number(year));
  yearFilter.append(...years.sort((a, b) => b - a).map((y) => h('option', { value: y }, `${y} 年度`)));
  yearFilter.value = year;

  // ---- rows ----

  function row(item) {
    const id = String(item.id);
    const detailsId = `decl-details-${id}`;
    const unit = item.unit || '学时';
    const actions = [h('button', {
      type: 'button', class: 'btn btn-small details-toggle', 'aria-expanded': 'false', 'aria-controls': detailsId,
    }, '详细')];
    // declared by a 继续教育基地 for the person (origin): viewing only (the server refuses changes: declared_by_base)
    const own = item.origin == null;
    if (own && item.state === 'draft') {
      actions.push(
        h('a', { class: 'btn btn-small btn-primary edit', href: `/declare.html?id=${enc(id)}` }, '修改'),
        h('button', { type: 'button', class: 'btn btn-small btn-danger delete' }, '删除'));
    } else if (own && item.state === 'pending') {
      actions.push(h('button', { type: 'button', class: 'btn btn-small withdraw' }, '撤销'));
    } else if (own && item.state === 'rejected') {
      actions.push(h('a', { class: 'btn btn-small copy', href: `/declare.html?copy=${enc(id)}` }, '复制为新申报'));
    }
    const when = item.submittedAt
      ? h('span', null, '提交时间：', formatDateTime(item.submittedAt))
      : h('span', null, '最后修改：', formatDateTime(item.updatedAt) || '—');
    return h('li', { class: `reg-row decl-row${own ? '' : ' is-by-base'}`, 'data-declaration-id': id, 'data-state': item.state },
      h('div', { class: 'reg-summary' },
        h('div', { class: 'reg-main' },
          h('p', { class: 'reg-title' },
            h('strong', { class: 'decl-form' }, item.formName || '（学习形式）'),
            V.stateBadge(item.state, item.stateName)),
          item.title ? h('p', { class: 'decl-title' }, item.title) : null,
          item.origin != null ? V.originNote(item.origin, '基地申报的学时只能查看，不能修改或撤销') : null,
          h('p', { class: 'reg-meta' },
            h('span', { class: 'decl-year' }, '计入年度：', item.year != null ? `${item.year}` : '—'),
            h('span', { class: 'decl-hours' }, `申报${unit}：`, V.hours(item.claimedHours, unit)),
            item.approvedHours != null
              ? h('span', { class: 'decl-hours decl-approved-hours' }, `核定${unit}：`, V.hours(item.approvedHours, unit)) : null,
            item.categoryName ? h('span', null, '科目类别：', item.categoryName) : null,
            when,
            item.state === 'pending' && item.updatedAt && item.submittedAt && item.updatedAt > item.submittedAt
              ? h('span', null, '最后修改：', formatDateTime(item.updatedAt)) : null),
          item.state === 'rejected' ? h('p', { class: 'reg-reason' }, '不通过原因：', item.rejectReason || '未说明') : null,
          item.state !== 'rejected' && item.reviewNote ? h('p', { class: 'review-note' }, '审核意见：', item.reviewNote) : null),
        h('div', { class: 'reg-actions' }, actions)),
      h('div', { class: 'decl-details', id: detailsId, hidden: true }));
  }

  function yearText() { return year ? `${year} 年度` : ''; }

  function updateCounts() {
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const scope = [yearText(), FILTER_LABELS[filter]].filter(Boolean).join(' · ');
    count.textContent = errorBox.hidden ? `${scope}：共 ${total} 条` : '';
    $('declarations-empty-text').textContent = (year ? `${yearText()}` : '') + (filter === 'all' ? '暂无申报记录' : `暂无${FILTER_LABELS[filter] || filter}的申报`);
    empty.hidden = list.children.length > 0 || !errorBox.hidden;
    pager.hidden = total === 0;
    prev.disabled = page <= 0;
    next.disabled = page >= pages - 1;
    pageInfo.textContent = `第 ${page + 1} / ${pages} 页，共 ${total} 条`;
  }

  function setLoading(on) {
    panel.setAttribute('aria-busy', String(on));
    reload.disabled = on;
    if (on) { prev.disabled = true; next.disabled = true; }
  }

  function activeTab() {
    return tabs.find((b) => b.dataset.filter === filter);
  }

  /** Load page `p`; keyboard focus that was in the list comes back to the list (or the active filter). */
  async function load(p = page, { keepFocus = false } = {}) {
    const t = ++ticket;
    const hadFocus = keepFocus || list.contains(document.activeElement);
    setLoading(true);
    try {
      const data = (await api('/declarations' + query({
        state: filter === 'all' ? '' : filter, year, page: p, size: PAGE_SIZE,
      }))) || {};
      if (t !== ticket) return;
      const received = data.items || [];
      total = data.total ?? received.length;
      page = data.page ?? p;
      if (!received.length && page > 0 && total > 0) { // past the end (rows went away meanwhile)
        load(Math.ceil(total / PAGE_SIZE) - 1, { keepFocus: hadFocus });
        return;
      }
      errorBox.hidden = true;
      const open = new Set([...list.querySelectorAll('.details-toggle[aria-expanded="true"]')]
        .map((b) => b.closest('[data-declaration-id]').dataset.declarationId));
      items.clear();
      received.forEach((item) => items.set(String(item.id), item));
      list.replaceChildren(...received.map(row));
      // 「详细」 that were open stay open (reloaded when the declaration changed)
      for (const id of open) {
        const el = rowEl(id);
        if (el) toggleDetails(el, true);
      }
      if (hadFocus) {
        const target = list.querySelector('.details-toggle') || activeTab();
        if (target && !document.querySelector('dialog[open]')) target.focus();
      }
    } catch (e) {
      if (t !== ticket) return;
      if (e.status === 401) { toLogin(); return; }
      errorBox.replaceChildren(e.message);
      errorBox.hidden = false;
      list.replaceChildren();
      total = 0;
    } finally {
      if (t === ticket) {
        setLoading(false);
        updateCounts();
      }
    }
  }

  function rowEl(id) {
    return list.querySelector(`[data-declaration-id="${CSS.escape(String(id))}"]`);
  }

  // ---- 详细 ----

  async function fillDetails(el, box) {
    const id = el.dataset.declarationId;
    const item = items.get(id);
    const cached = details.get(id);
    if (cached && item && cached.version === item.version) {
      box.replaceChildren(V.render(cached.decl, VIEW));
      return;
    }
    box.replaceChildren(h('p', { class: 'muted details-loading' }, '正在加载详细信息…'));
    box.setAttribute('aria-busy', 'true');
    try {
      const d = await api(`/declarations/${enc(id)}`);
      details.set(id, { version: d.version, decl: d });
      if (document.contains(box)) box.replaceChildren(V.render(d, VIEW));
    } catch (e) {
      if (e.status === 401) { toLogin(); return; }
      const retry = h('button', { type: 'button', class: 'btn btn-small details-retry' }, '重试');
      retry.addEventListener('click', () => fillDetails(el, box));
      box.replaceChildren(h('p', { class: 'alert alert-error' }, `详细信息加载失败：${e.message} `, retry));
    } finally {
      box.removeAttribute('aria-busy');
    }
  }

  function toggleDetails(el, open) {
    const btn = el.querySelector('.details-toggle');
    const box = document.getElementById(btn.getAttribute('aria-controls'));
    btn.setAttribute('aria-expanded', String(open));
    btn.textContent = open ? '收起' : '详细';
    box.hidden = !open;
    el.classList.toggle('is-open', open);
    if (open) fillDetails(el, box);
  }

  // ---- 删除 / 撤销 ----

  function rowBusy(el, on) {
    el.setAttribute('aria-busy', String(on));
    el.querySelectorAll('.delete, .withdraw').forEach((b) => { b.disabled = on; });
  }

  function describe(item) {
    return [item.formName, item.title, item.year != null ? `${item.year} 年度` : null, V.hours(item.claimedHours, item.unit)]
      .filter(Boolean).join(' · ');
  }

  async function act(el, kind) {
    const id = el.dataset.declarationId;
    const item = items.get(id);
    if (!item) return;
    const withdraw = kind === 'withdraw';
    const yes = await ConfirmDialog.ask(withdraw ? { // js/confirm-dialog.js
      title: '撤销申报',
      message: '确定要撤销这条申报吗？撤销后此申报信息将变更为待提交状态，可以修改后重新提交。',
      what: describe(item), ok: '确定撤销',
    } : {
      title: '删除申报',
      message: '确定要删除这条待提交的申报吗？删除后不能恢复，已上传的附件也将一并删除。',
      what: describe(item), ok: '确定删除', danger: true,
    });
    if (!yes) return;
    rowBusy(el, true);
    try {
      if (withdraw) {
        await api(`/declarations/${enc(id)}/withdrawal`, { method: 'POST', body: { version: item.version } });
        toast('已撤销，该申报已变更为待提交状态', 'success');
      } else {
        await api(`/declarations/${enc(id)}` + query({ version: item.version }), { method: 'DELETE' });
        toast('已删除该申报', 'success');
      }
      details.delete(id);
      await load(page, { keepFocus: true });
    } catch (e) {
      if (e.status === 401) { toLogin(); return; }
      toast(e.message, 'error', 6000);
      if (e.status === 409 || e.status === 404) {
        details.delete(id);
        await load(page, { keepFocus: true });
      } else if (document.contains(el)) {
        rowBusy(el, false);
      }
    }
  }

  list.addEventListener('click', (e) => {
    const btn = e.target.closest('button');
    const el = btn && btn.closest('[data-declaration-id]');
    if (!el || btn.disabled) return;
    if (btn.classList.contains('details-toggle')) toggleDetails(el, btn.getAttribute('aria-expanded') !== 'true');
    else if (btn.classList.contains('delete')) act(el, 'delete');
    else if (btn.classList.contains('withdraw')) act(el, 'withdraw');
  });

  // ---- filters and paging ----

  function syncUrl() {
    const url = new URL(location.href);
    if (filter === 'all') url.searchParams.delete('state'); else url.searchParams.set('state', filter);
    if (year) url.searchParams.set('year', year); else url.searchParams.delete('year');
    history.replaceState(null, '', url.pathname + url.search);
  }

  const markTab = Portal.tabs(tabs, 'filter', panel, selectFilter);

  function selectFilter(f, focus) {
    filter = f;
    page = 0;
    markTab(f, focus);
    syncUrl();
    list.replaceChildren();
    total = 0;
    errorBox.hidden = true;
    empty.hidden = true;
    load(0);
  }

  yearFilter.addEventListener('change', () => {
    year = yearFilter.value;
    page = 0;
    syncUrl();
    load(0);
  });
  prev.addEventListener('click', () => load(page - 1, { keepFocus: false }));
  next.addEventListener('click', () => load(page + 1, { keepFocus: false }));
  reload.addEventListener('click', () => load());

  // ---- start ----

  $('page-loading').hidden = true;
  $('page-body').hidden = false;
  $('main').removeAttribute('aria-busy');
  selectFilter(filter);
});
