// 审计日志 (unit admins: their unit's records, as the server decides; ops: everything): records newest first,
// filtered by person (姓名或账号), action and a date range, 20 a page; 导出 CSV downloads the same filters'
// records (GET /review/audit/export), first checking the answer so that a refusal (too many rows) is shown.
document.addEventListener('DOMContentLoaded', async () => {
  'use strict';
  const { api, h, query, toast, formatDateTime } = Portal;
  const $ = (id) => document.getElementById(id);

  const PAGE_SIZE = 20;
  const EXPORT_TIMEOUT_MS = 120000;
  const DATE = /^\d{4}-\d{2}-\d{2}$/;
  // the table's column headings, repeated on each cell for the stacked (phone) layout
  const COLUMNS = [...document.querySelectorAll('#audit-table thead th')].map((th) => th.textContent.trim());

  const user = await Portal.requireLogin(['UNIT_ADMIN', 'OPS']);
  if (!user) return;

  const form = $('audit-filters');
  const personInput = $('audit-person');
  const actionSelect = $('audit-action');
  const fromInput = $('audit-from');
  const toInput = $('audit-to');
  const panel = $('audit-panel');
  const list = $('audit-list');
  const tableWrap = $('audit-table-wrap');
  const count = $('audit-count');
  const errorBox = $('audit-error');
  const empty = $('audit-empty');
  const exportLink = $('audit-export');
  const pager = $('audit-pager');
  const prev = $('audit-page-prev');
  const next = $('audit-page-next');
  const pageInfo = $('audit-page-info');

  if (user.role === 'UNIT_ADMIN' && user.unitName) {
    $('audit-lead').textContent = `查看「${user.unitName}」人员的登录、注册、申报以及本单位审核等操作的记录，最新的记录在前。`
      + '可以按人员、操作和日期筛选，并导出为 CSV 文件。';
  }

  // the action names for the filter come from the server
  const actions = await api('/review/audit/actions').then((d) => (d && Array.isArray(d.items) ? d.items : []), () => []);
  actionSelect.append(...actions.map((a) => h('option', { value: a.action }, a.name || a.action)));

  // ---- filters (kept in the page's URL) ----

  const params = new URLSearchParams(location.search);
  const filters = { person: '', action: '', from: '', to: '' };
  let page = 0;
  let total = 0;
  let ticket = 0;
  let listFailed = false;
  let exporting = false;

  personInput.value = (params.get('person') || '').trim();
  const wantedAction = params.get('action') || '';
  if (wantedAction && !actions.some((a) => a.action === wantedAction)) {
    actionSelect.append(h('option', { value: wantedAction }, wantedAction));
  }
  actionSelect.value = wantedAction;
  fromInput.value = DATE.test(params.get('from') || '') ? params.get('from') : '';
  toInput.value = DATE.test(params.get('to') || '') ? params.get('to') : '';

  function toLogin() {
    location.replace('/login.html' + query({ next: location.pathname + location.search }));
  }

  /** Take the filters from the fields and put them in the URL. */
  function readFilters() {
    filters.person = personInput.value.trim();
    filters.action = actionSelect.value;
    filters.from = fromInput.value;
    filters.to = toInput.value;
    const url = new URL(location.href);
    for (const [k, v] of Object.entries(filters)) {
      if (v) url.searchParams.set(k, v); else url.searchParams.delete(k);
    }
    history.replaceState(null, '', url.pathname + url.search);
  }

  /** The date fields' own problems (an unfinished date, an end before the start), shown next to them. */
  function checkDates() {
    const errors = [];
    if (fromInput.validity && fromInput.validity.badInput) errors.push({ field: 'from', message: '请输入完整的开始日期' });
    if (toInput.validity && toInput.validity.badInput) errors.push({ field: 'to', message: '请输入完整的结束日期' });
    if (!errors.length && fromInput.value && toInput.value && toInput.value < fromInput.value) {
      errors.push({ field: 'to', message: '结束日期不能早于开始日期' });
    }
    Portal.clearErrors(form);
    Portal.showFieldErrors(form, errors);
    return errors.length === 0;
  }

  function search() {
    if (!checkDates()) return;
    readFilters();
    load(0);
  }

  form.addEventListener('submit', (e) => { e.preventDefault(); search(); });
  actionSelect.addEventListener('change', search);
  // the end date's picker starts at the start date, and the other way round
  fromInput.addEventListener('change', () => { toInput.min = fromInput.value; });
  toInput.addEventListener('change', () => { fromInput.max = toInput.value; });
  $('audit-reset').addEventListener('click', () => {
    personInput.value = '';
    actionSelect.value = '';
    fromInput.value = '';
    toInput.value = '';
    toInput.min = '';
    fromInput.max = '';
    search();
    personInput.focus();
  });
  Portal.clearErrorsOnInput(form);

  // ---- rows: a table on wide screens, stacked cards on phones (CSS) ----

  const dash = (v) => (v == null || v === '' ? '—' : String(v));

  function cell(i, content, cls) {
    return h('td', { role: 'cell', class: cls || null, 'data-label': COLUMNS[i] }, content);
  }

  function row(item) {
    const at = formatDateTime(item.at);
    return h('tr', { role: 'row', class: 'audit-row', 'data-id': item.id, 'data-action': item.action || null },
      cell(0, item.at ? h('time', { datetime: item.at }, at) : '—', 'audit-at'),
      cell(1, dash(item.actorName), 'audit-name'),
      cell(2, dash(item.actorLogin), 'audit-login'),
      cell(3, dash(item.actionName || item.action), 'audit-action'),
      cell(4, dash(item.subject), 'audit-subject'),
      cell(5, item.outcome || item.outcomeName
        ? h('span', { class: 'audit-outcome', 'data-outcome': item.outcome || '' }, item.outcomeName || item.outcome)
        : '—', 'audit-result'),
      cell(6, dash(item.address), 'audit-address'));
  }

  // ---- loading ----

  const filtered = () => Object.values(filters).some(Boolean);

  function exportHref() {
    const { person, action, from, to } = filters;
    return '/api/review/audit/export' + query({ person, action, from, to });
  }

  function updateView() {
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const rows = list.children.length;
    count.textContent = listFailed ? '' : `共 ${total} 条`;
    tableWrap.hidden = rows === 0;
    empty.textContent = filtered() ? '没有符合条件的记录' : '暂无审计记录';
    empty.hidden = rows > 0 || listFailed;
    pager.hidden = listFailed || (total <= PAGE_SIZE && page === 0);
    prev.disabled = page <= 0;
    next.disabled = page >= pages - 1;
    pageInfo.textContent = `第 ${page + 1} / ${pages} 页`;
    exportLink.href = exportHref();
    const none = listFailed || total === 0;
    if (none) exportLink.setAttribute('aria-disabled', 'true'); else exportLink.removeAttribute('aria-disabled');
  }

  /** Load page `p`. `from` is the pager button that asked (the focus stays on the pager). */
  async function load(p = page, { from: opener = null } = {}) {
    const t = ++ticket;
    panel.setAttribute('aria-busy', 'true');
    prev.disabled = true;
    next.disabled = true;
    try {
      const data = (await api('/review/audit' + query({ ...filters, page: p, size: PAGE_SIZE }))) || {};
      if (t !== ticket) return;
      const received = Array.isArray(data.items) ? data.items : [];
      total = data.total ?? received.length;
      page = data.page ?? p;
      if (!received.length && page > 0 && total > 0) { // past the end
        load(Math.ceil(total / PAGE_SIZE) - 1, { from: opener });
        return;
      }
      listFailed = false;
      errorBox.hidden = true;
      Portal.clearErrors(form);
      list.replaceChildren(...received.map(row));
    } catch (e) {
      if (t !== ticket) return;
      if (e.status === 401) { toLogin(); return; }
      listFailed = true;
      list.replaceChildren();
      total = 0;
      Portal.showErrors(form, e, errorBox); // field errors (e.g. a bad date) next to the date fields
    } finally {
      if (t === ticket) {
        panel.setAttribute('aria-busy', 'false');
        updateView();
        if (opener) afterPaging(opener);
      }
    }
  }

  /** Keep the keyboard on the pager (the other button when this one is now disabled) and show the list's top. */
  function afterPaging(opener) {
    const target = !opener.disabled ? opener : [prev, next].find((b) => !b.disabled && !pager.hidden);
    if (target && (document.activeElement === document.body || document.activeElement === opener)) {
      target.focus({ preventScroll: true });
    }
    if (panel.getBoundingClientRect().top < 0) panel.scrollIntoView({ block: 'start' });
  }

  prev.addEventListener('click', () => load(page - 1, { from: prev }));
  next.addEventListener('click', () => load(page + 1, { from: next }));

  // ---- 导出 CSV ----

  function setExporting(on) {
    exporting = on;
    exportLink.setAttribute('aria-busy', String(on));
    exportLink.classList.toggle('is-busy', on);
    exportLink.textContent = on ? '正在导出…' : '导出 CSV';
  }

  /** A refused export: the message in the alert, field errors (e.g. 「请缩小日期范围」) next to the dates. */
  function showExportError(e) {
    Portal.showErrors(form, e, errorBox);
  }

  exportLink.addEventListener('click', async (e) => {
    e.preventDefault();
    if (exporting || exportLink.getAttribute('aria-disabled') === 'true') return;
    const url = exportLink.href;
    setExporting(true);
    errorBox.hidden = true;
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), EXPORT_TIMEOUT_MS);
    try {
      const res = await fetch(url, {
        credentials: 'same-origin', signal: ctrl.signal, headers: { Accept: 'text/csv, application/problem+json' },
      });
      if (res.status === 401) { toLogin(); return; }
      if (!res.ok) {
        let problem = null;
        try { problem = await res.json(); } catch (err) { problem = null; }
        const err = new Error((problem && problem.message) || `导出失败（${res.status}），请稍后重试`);
        err.problem = problem;
        err.status = res.status;
        showExportError(err);
        return;
      }
      const blob = await res.blob();
      const href = URL.createObjectURL(blob);
      const name = Portal.downloadName(res.headers.get('Content-Disposition'), `audit-${new Date().toISOString().slice(0, 10)}.csv`);
      const a = h('a', { href, download: name, hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(href), 60000);
      toast('导出完成，文件已开始下载', 'success');
    } catch (err) {
      showExportError(new Error(ctrl.signal.aborted ? '导出超时，请缩小日期范围后重试' : Portal.NETWORK_ERROR));
    } finally {
      clearTimeout(timer);
      setExporting(false);
    }
  });

  // ---- start ----

  toInput.min = fromInput.value;
  fromInput.max = toInput.value;
  readFilters();
  $('page-loading').hidden = true;
  $('page-body').hidden = false;
  $('main').removeAttribute('aria-busy');
  load(0);
});
