// 单位统计报表 (unit admins): the unit's continuing-education completion for a year (GET /api/unit/reports/completion):
// summary cards (人数, 达标 with the rate, 未达标, 待审核申报, the approved amounts per unit — 学时 and 学分 never added
// together), 按部门 and 按职称级别 tables (a department's name filters the list to it) with their 达标率 charts
// (#chart-departments, #chart-levels), and the people, 20 a page, sorted by a column header (.report-sort).
// Filters, sort and page live in the page's URL; 导出 CSV / 导出 Excel (#report-export-csv, #report-export-xlsx) are
// plain links to GET /api/unit/reports/completion.csv|.xlsx with the same filters.
// Provincial ops open any unit's report from 全省统计报表 as unit-report.html?unitId=ID&year=Y&region=CODE: the same
// page over GET /api/ops/reports/units/{unitId}/completion(.csv|.xlsx), with a link back (#report-back).
document.addEventListener('DOMContentLoaded', async () => {
  'use strict';
  const { api, h, query, formatDateTime } = Portal;
  const { toNumber: num, formatAmount: fmt } = Portal; // 24, "24.50" → "24.5"
  const { count0, percent, stat, number } = ReportKit;
  const $ = (id) => document.getElementById(id);

  const PAGE_SIZE = 20;
  const SORTS = ['name', 'department', 'title', 'general', 'professional', 'total', 'met'];
  const DIRS = ['asc', 'desc'];
  const DEFAULT_SORT = 'name'; // the server's order when none is asked for (ascending)
  // the people table's column headings, repeated on each cell for the stacked (phone) layout
  const COLUMNS = [...document.querySelectorAll('#report-people thead th')].map((th) => th.textContent.trim());

  const user = await Portal.requireLogin(['UNIT_ADMIN', 'OPS']);
  if (!user) return;
  const params = new URLSearchParams(location.search);
  const urlYear = /^\d{4}$/.test(params.get('year') || '') ? params.get('year') : ''; // '' = the server's default year

  // ops: the unit of the URL (without one: the province report, where units are chosen)
  const ops = user.role === 'OPS';
  const unitId = ops && /^\d{1,18}$/.test(params.get('unitId') || '') ? params.get('unitId') : '';
  if (ops && !unitId) {
    location.replace('/province-report.html' + query({ year: urlYear }));
    return;
  }
  const regionCode = ops ? (params.get('region') || '').trim() : '';
  // kept in the URL besides the filters (year: a place holder, so that the URL reads unitId, year, region, …)
  const fixed = ops ? { unitId, year: '', region: regionCode } : {};
  const API_PATH = ops ? `/ops/reports/units/${encodeURIComponent(unitId)}/completion` : '/unit/reports/completion';
  const has = await Portal.installed();

  const form = $('report-filters');
  const yearSelect = $('report-year');
  const deptSelect = $('report-department');
  const qInput = $('report-q');
  const notMetBox = $('report-not-met');
  const errorBox = $('report-error');
  const overview = $('report-overview');
  const note = $('report-note');
  const summary = $('report-summary');
  const deptRows = $('report-by-department-rows');
  const levelRows = $('report-by-level-rows');
  const panel = $('report-panel');
  const peopleTitle = $('report-people-title');
  const rows = $('report-people-rows');
  const tableWrap = $('report-people-wrap');
  const count = $('report-count');
  const empty = $('report-people-empty');
  const exportLink = $('report-export-csv');
  const xlsxLink = $('report-export-xlsx');
  const exportLinks = [exportLink, xlsxLink];
  const backLink = $('report-back');
  const charts = window.Charts && Charts.available() ? Charts : null;
  const pager = $('report-pager');
  const prev = $('report-page-prev');
  const next = $('report-page-next');
  const pageInfo = $('report-page-info');
  const sortButtons = [...document.querySelectorAll('#report-people .report-sort')];

  function showLead(unitName) {
    if (!unitName) return;
    $('report-lead').textContent = `按年度统计「${unitName}」专业技术人员的继续教育完成情况。只有审核通过的申报计入完成情况；`
      + '可以按部门筛选、只看未达标的人员，并导出为 CSV 或 Excel 文件。';
  }
  if (!ops) showLead(user.unitName);
  $('report-charts').hidden = !charts;

  // ---- state (kept in the page's URL) ----

  const pick = (key, allowed) => (allowed.includes(params.get(key)) ? params.get(key) : '');
  let year = urlYear;
  let departmentId = params.get('departmentId') || '';
  let met = pick('met', ['true', 'false']);
  let q = (params.get('q') || '').trim();
  let sort = pick('sort', SORTS);
  let dir = sort ? pick('dir', DIRS) || 'asc' : '';
  let page = Math.max(0, Math.floor(Number(params.get('page'))) || 0);
  let size = PAGE_SIZE;
  let total = 0;
  let shownYear = ''; // the year of the last answer
  let failed = false;
  let ticket = 0;
  const departments = new Map(); // id → name, from the answers' byDepartment (first seen first)

  function toLogin() {
    location.replace('/login.html' + query({ next: location.pathname + location.search }));
  }

  /** The filters as the URL and the CSV link carry them; `change` overrides some. */
  function state(change) {
    return { year, departmentId, met, q, sort, dir, ...(change || {}) };
  }

  function syncUrl() {
    history.replaceState(null, '', location.pathname + query({ ...fixed, ...state({ page: page > 0 ? page : '' }) }));
  }

  const keep = (select, v, label) => {
    if (v && ![...select.options].some((o) => o.value === v)) select.append(h('option', { value: v }, label || v));
  };

  // a row of byDepartment / byTitleLevel (`key` and `name` also understood, for a server that names them so)
  const departmentOf = (d) => {
    const id = d.departmentId !== undefined ? d.departmentId : d.key;
    return id == null || id === '' ? null : String(id); // null: the people without a department
  };
  const levelOf = (l) => (l.level !== undefined ? l.level : l.key) ?? null;
  const levelNameOf = (l) => l.levelName || l.name || l.level || '—';

  /** The departments for the filter: every department an answer named, the chosen one always there. */
  function fillDepartments(items) {
    for (const d of Array.isArray(items) ? items : []) {
      const id = d && departmentOf(d);
      if (id != null && !departments.has(id)) departments.set(id, d.name || id);
    }
    deptSelect.replaceChildren(h('option', { value: '' }, '全部部门'),
      ...[...departments].map(([id, name]) => h('option', { value: id }, name)));
    keep(deptSelect, departmentId);
    deptSelect.value = departmentId;
  }

  // controls as the URL says, before the first answer
  keep(yearSelect, year, `${year} 年度`);
  yearSelect.value = year;
  keep(deptSelect, departmentId);
  deptSelect.value = departmentId;
  qInput.value = q;
  notMetBox.checked = met === 'false';

  // ---- filters ----

  function apply() {
    year = yearSelect.value || year;
    departmentId = deptSelect.value;
    met = notMetBox.checked ? 'false' : '';
    q = qInput.value.trim();
    Portal.clearErrors(form);
    load(0);
  }
  form.addEventListener('submit', (e) => { e.preventDefault(); apply(); });
  yearSelect.addEventListener('change', apply);
  deptSelect.addEventListener('change', apply);
  notMetBox.addEventListener('change', apply);
  $('report-reset').addEventListener('click', () => {
    if (failed) { year = ''; yearSelect.value = ''; } // a year the server refused: back to its default year
    qInput.value = '';
    deptSelect.value = '';
    notMetBox.checked = false;
    apply();
    qInput.focus();
  });

  // ---- sorting: the column headers ----

  const showSort = () => ReportKit.showSort(sortButtons, sort || DEFAULT_SORT, dir);

  sortButtons.forEach((b) => b.addEventListener('click', () => {
    if ((sort || DEFAULT_SORT) === b.dataset.sort) { sort = b.dataset.sort; dir = dir === 'desc' ? 'asc' : 'desc'; }
    else { sort = b.dataset.sort; dir = 'asc'; }
    showSort();
    load(0);
  }));

  // ---- overview: summary cards, 按部门, 按职称级别, the 达标率 charts ----

  function showSummary(data) {
    const s = data.summary || {};
    const noRule = count0(s.noRule);
    const pending = count0(s.pendingReviews);
    const totals = Array.isArray(s.totals) ? s.totals : [];
    summary.replaceChildren(
      stat('people', '人数', number(count0(s.people), '人'),
        noRule > 0 ? h('p', { class: 'report-stat-sub' }, `其中 ${noRule} 人无学时要求`) : null),
      stat('met', '达标', number(count0(s.met), '人'),
        h('p', { class: 'report-stat-sub' }, '达标率 ', h('span', { class: 'report-rate', id: 'report-met-rate' }, percent(s.metRate)))),
      stat('notMet', '未达标', number(count0(s.notMet), '人')),
      stat('pendingReviews', '待审核申报', number(pending, '条'),
        pending > 0 && has('/review/declarations')
          ? h('p', { class: 'report-stat-sub' }, h('a', { href: '/review-declarations.html', id: 'report-review-link' }, '去审核'))
          : null),
      ...totals.map(ReportKit.totalsStat));

    const at = data.generatedAt;
    note.replaceChildren(
      h('span', { class: 'report-note-unit' }, data.unitName || user.unitName || ''),
      h('span', { class: 'report-note-year' }, `${data.year ?? shownYear} 年度`),
      h('span', { class: 'report-note-time' }, '统计时间：', at ? h('time', { datetime: at }, formatDateTime(at)) : '—'),
      ...(totals.length > 1 ? [h('span', { class: 'report-note-units' }, '学时与学分分别统计，不相加')] : [])); // (a null would show as "null")
  }

  /** The link that filters the list to a department (a real link: it also opens in a new tab). */
  function departmentHref(id) {
    return location.pathname + query({ ...fixed, ...state({ departmentId: id }) });
  }

  const numCell = (content, cls) => h('td', { class: `report-num${cls ? ` ${cls}` : ''}` }, content);

  function departmentRow(d) {
    const id = departmentOf(d);
    const current = id != null && id === departmentId;
    const name = d.name || '—';
    return h('tr', { 'data-department-id': id, class: current ? 'is-current' : null },
      h('th', { scope: 'row', class: 'report-name' }, id == null ? name : h('a', {
        class: 'report-department-link', href: departmentHref(id), 'aria-current': current ? 'true' : null,
      }, name)),
      numCell(String(count0(d.people)), 'report-people-count'),
      numCell(String(count0(d.met)), 'report-met-count'),
      numCell(percent(d.metRate), 'report-rate'));
  }

  function levelRow(l) {
    return h('tr', { 'data-level': levelOf(l) },
      h('th', { scope: 'row', class: 'report-name' }, levelNameOf(l)),
      numCell(String(count0(l.people)), 'report-people-count'),
      numCell(String(count0(l.met)), 'report-met-count'),
      numCell(percent(l.metRate), 'report-rate'));
  }

  function showBreakdown(tbody, items, build, emptyId) {
    const list = Array.isArray(items) ? items : [];
    tbody.replaceChildren(...list.map(build));
    tbody.closest('.report-table-wrap').hidden = list.length === 0;
    $(emptyId).hidden = list.length > 0;
  }

  /** 达标率 by department and by title level (a group nobody there has a rule for: no bar). */
  function drawCharts(data) {
    if (!charts) return;
    const list = (items) => (Array.isArray(items) ? items : []);
    const depts = list(data.byDepartment);
    const levels = list(data.byTitleLevel);
    charts.bars($('chart-departments'), {
      categories: depts.map((d) => d.name || '—'), values: depts.map((d) => d.metRate), percent: true,
    });
    charts.bars($('chart-levels'), {
      categories: levels.map(levelNameOf), values: levels.map((l) => l.metRate), percent: true,
    });
  }

  deptRows.addEventListener('click', (e) => {
    const link = e.target.closest('.report-department-link');
    const tr = link && link.closest('tr[data-department-id]');
    if (!tr || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return; // new tab: as a link
    e.preventDefault();
    departmentId = tr.dataset.departmentId;
    deptSelect.value = departmentId;
    Portal.clearErrors(form);
    load(0, { reveal: true });
  });

  // ---- people ----

  function cell(i, content, cls) {
    return h('td', { role: 'cell', class: cls || null, 'data-label': COLUMNS[i] }, content);
  }

  /** Approved (of required, when there is a requirement) in the row's unit. */
  function amount(p, key) {
    const approved = num(p.approved && p.approved[key]) ?? 0;
    const required = p.required ? num(p.required[key]) : null;
    const ruled = required != null && required > 0;
    // one element: the stacked (phone) cell is a grid of its label and its content
    return h('span', { class: 'report-amount-value' },
      h('span', { class: `report-approved${ruled && approved < required ? ' is-short' : ''}` }, fmt(approved)),
      ruled ? h('span', { class: 'report-required' }, ` / ${fmt(required)}`) : null,
      p.unit ? h('span', { class: 'report-unit' }, ` ${p.unit}`) : null);
  }


  function row(p) {
    return h('tr', { role: 'row', class: 'report-row', 'data-account-id': p.accountId, 'data-unit': p.unit || null },
      cell(0, h('strong', null, p.name || '—'), 'report-person'),
      cell(1, p.departmentName || '未填写', 'report-department'),
      cell(2, p.titleName || '未填写', 'report-title'),
      cell(3, amount(p, 'general'), 'report-amount report-general'),
      cell(4, amount(p, 'professional'), 'report-amount report-professional'),
      cell(5, amount(p, 'total'), 'report-amount report-total'),
      cell(6, Portal.metBadge(p.met, p.metName, 'report-met'), 'report-met-cell'));
  }

  // ---- loading ----

  const filtered = () => !!(departmentId || met || q);

  /** The download of the list with the current filters; `format`: csv or xlsx. */
  function exportHref(format) {
    const s = state({ year: shownYear || year });
    return `/api${API_PATH}.${format}` + query({
      year: s.year, departmentId: s.departmentId, met: s.met, q: s.q, sort: s.sort, dir: s.dir,
    });
  }

  /** ops: back to the region's units (or to the province, when the URL named no region), in the year shown. */
  function showBack() {
    if (!ops) return;
    backLink.href = '/province-report.html' + query({ region: regionCode, year: shownYear || year });
    backLink.textContent = regionCode ? '返回地区单位列表' : '返回全省统计';
    $('report-back-bar').hidden = false;
  }

  function updateView() {
    const pages = Math.max(1, Math.ceil(total / size));
    const shown = rows.children.length;
    const here = ops ? '该单位' : '本单位';
    count.textContent = failed ? '' : `${filtered() ? '符合条件的人员' : `${here}人员`}：共 ${total} 人`;
    tableWrap.hidden = shown === 0;
    empty.textContent = filtered() ? '没有符合条件的人员' : `${here}暂无专业技术人员`;
    empty.hidden = shown > 0 || failed;
    pager.hidden = failed || (total <= size && page === 0);
    prev.disabled = page <= 0;
    next.disabled = page >= pages - 1;
    pageInfo.textContent = `第 ${page + 1} / ${pages} 页，共 ${total} 人`;
    exportLink.href = exportHref('csv');
    xlsxLink.href = exportHref('xlsx');
    for (const link of exportLinks) {
      if (failed || total === 0) link.setAttribute('aria-disabled', 'true');
      else link.removeAttribute('aria-disabled');
    }
    showBack();
    showSort();
  }

  /**
   * Load page `p` with the current filters. `from`: the pager button that asked (the focus stays on the pager);
   * `reveal`: show the list (a department chosen in 按部门).
   */
  async function load(p = page, { from: opener = null, reveal = false } = {}) {
    const t = ++ticket;
    overview.setAttribute('aria-busy', 'true');
    panel.setAttribute('aria-busy', 'true');
    prev.disabled = true;
    next.disabled = true;
    try {
      const data = (await api(API_PATH + query(state({ page: p, size: PAGE_SIZE })))) || {};
      if (t !== ticket) return;
      const people = data.people || {};
      const items = Array.isArray(people.items) ? people.items : [];
      size = num(people.size) || PAGE_SIZE;
      total = num(people.total) ?? items.length;
      page = num(people.page) ?? p;
      if (!items.length && page > 0 && total > 0) { // past the end
        load(Math.ceil(total / size) - 1, { from: opener, reveal });
        return;
      }
      failed = false;
      errorBox.hidden = true;
      Portal.clearErrors(form);
      shownYear = data.year != null ? String(data.year) : year;
      ReportKit.fillYears(yearSelect, data.years, shownYear);
      fillDepartments(data.byDepartment);
      if (ops) showLead(data.unitName);
      showSummary(data);
      showBreakdown(deptRows, data.byDepartment, departmentRow, 'report-by-department-empty');
      showBreakdown(levelRows, data.byTitleLevel, levelRow, 'report-by-level-empty');
      overview.hidden = false;
      drawCharts(data); // after showing the overview: the charts take the size of their boxes
      rows.replaceChildren(...items.map(row));
      syncUrl();
    } catch (e) {
      if (t !== ticket) return;
      if (e.status === 401) { toLogin(); return; }
      failed = true;
      rows.replaceChildren();
      total = 0;
      overview.hidden = true; // the figures of other filters would mislead
      Portal.showErrors(form, e, errorBox); // a bad filter: next to it; the message above the report
    } finally {
      if (t === ticket) {
        overview.setAttribute('aria-busy', 'false');
        panel.setAttribute('aria-busy', 'false');
        updateView();
        if (opener) afterPaging(opener);
        if (reveal && !failed) peopleTitle.focus();
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
  $('report-reload').addEventListener('click', () => load());

  // 导出 CSV / Excel: plain links (the server answers with an attachment); nothing to export: nothing happens
  for (const link of exportLinks) {
    link.addEventListener('click', (e) => {
      if (link.getAttribute('aria-disabled') === 'true') e.preventDefault();
    });
  }

  // ---- start ----

  if (ops) {
    // ops came from 全省统计报表: the way back there, and the unit's own links from the start
    $('report-breadcrumb').replaceChildren(h('a', { href: '/' }, '首页'), ' › ', h('a', { href: '/home.html' }, '个人后台'),
      ' › ', h('a', { href: '/province-report.html' + query({ year }) }, '全省统计报表'), ' › 单位统计报表');
    exportLink.href = exportHref('csv');
    xlsxLink.href = exportHref('xlsx');
    showBack();
  }
  showSort();
  $('page-loading').hidden = true;
  $('page-body').hidden = false;
  $('main').removeAttribute('aria-busy');
  load(page);
});
