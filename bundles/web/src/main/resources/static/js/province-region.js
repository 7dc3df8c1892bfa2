/*
 * 全省统计报表, one region (province-report.html?region=CODE&year=Y): GET /api/ops/reports/regions/{code}/units —
 * the region's summary, its units 20 a page (searched by name #region-units-q, sorted by a column header, each a
 * link to the unit's report), a 达标率 chart of the page's units (#chart-units) and 导出 CSV / Excel of all the
 * units with the same filters (#region-export-csv, #region-export-xlsx). q, sort, dir and page live in the URL.
 * Started by js/province-report.js (ProvinceRegion.create(ctx)); exposes the global `ProvinceRegion`.
 */
(function () {
  'use strict';

  function create(ctx) {
    const { api, h, query } = Portal;
    const { toNumber: num } = Portal;
    const { count0, percent, stat, number } = ReportKit;
    const $ = (id) => document.getElementById(id);

    const PAGE_SIZE = 20;
    const SORTS = ['name', 'kind', 'people', 'met', 'not_met', 'met_rate'];
    const DIRS = ['asc', 'desc'];
    const DEFAULT_SORT = 'name'; // the server's order when none is asked for (ascending)
    // the table's column headings, repeated on each cell for the stacked (phone) layout
    const COLUMNS = [...document.querySelectorAll('#region-units thead th')].map((th) => th.textContent.trim());

    const code = ctx.region;
    const form = ctx.form;
    const section = $('region-view');
    const summary = $('region-summary');
    const panel = $('region-panel');
    const rows = $('region-units-rows');
    const tableWrap = $('region-units-wrap');
    const count = $('region-units-count');
    const empty = $('region-units-empty');
    const qInput = $('region-units-q');
    const pager = $('region-pager');
    const prev = $('region-page-prev');
    const next = $('region-page-next');
    const pageInfo = $('region-page-info');
    const backLink = $('province-back');
    const exportLinks = { csv: $('region-export-csv'), xlsx: $('region-export-xlsx') };
    const sortButtons = [...document.querySelectorAll('#region-units .report-sort')];

    // ---- state (kept in the page's URL) ----

    const params = ctx.params;
    const pick = (key, allowed) => (allowed.includes(params.get(key)) ? params.get(key) : '');
    let q = (params.get('q') || '').trim();
    let sort = pick('sort', SORTS);
    let dir = sort ? pick('dir', DIRS) || 'asc' : '';
    let page = Math.max(0, Math.floor(Number(params.get('page'))) || 0);
    let size = PAGE_SIZE;
    let total = 0;
    let failed = false;
    let ticket = 0;
    let regionName = '';

    const base = `/ops/reports/regions/${encodeURIComponent(code)}/units`;

    function syncUrl() {
      history.replaceState(null, '', location.pathname + query({
        region: code, year: ctx.year(), q, sort, dir, page: page > 0 ? page : '',
      }));
    }

    function exportHref(format) {
      return `/api${base}.${format}` + query({ year: ctx.year(), q, sort, dir });
    }

    const unitHref = (u) => '/unit-report.html' + query({ unitId: u.unitId, year: ctx.year(), region: code });

    // ---- the frame: this region's heading, the way back ----

    $('region-units-q-field').hidden = false;
    $('region-units-actions').hidden = false;
    $('province-back-bar').hidden = false;
    $('province-lead').textContent = '按年度统计本地区各用人单位专业技术人员的继续教育完成情况。只有审核通过的申报计入完成情况；'
      + '点击单位名称，查看该单位的统计报表。';
    qInput.value = q;

    function showName(name) {
      regionName = name || regionName || code;
      $('province-title').textContent = `${regionName}统计报表`;
      $('region-overview-title').textContent = `${regionName}概览`;
      $('province-breadcrumb').replaceChildren(h('a', { href: '/' }, '首页'), ' › ', h('a', { href: '/home.html' }, '个人后台'),
        ' › ', h('a', { href: '/province-report.html' + query({ year: ctx.year() }) }, '全省统计报表'), ' › ', regionName);
    }

    // ---- sorting: the column headers ----

    const showSort = () => ReportKit.showSort(sortButtons, sort || DEFAULT_SORT, dir);

    sortButtons.forEach((b) => b.addEventListener('click', () => {
      if ((sort || DEFAULT_SORT) === b.dataset.sort) { sort = b.dataset.sort; dir = dir === 'desc' ? 'asc' : 'desc'; }
      else { sort = b.dataset.sort; dir = 'asc'; }
      showSort();
      load(0);
    }));

    // ---- summary, units, chart ----

    function showSummary(s) {
      const noRule = Math.max(0, count0(s.people) - count0(s.met) - count0(s.notMet));
      summary.replaceChildren(
        stat('people', '人数', number(count0(s.people), '人'),
          noRule > 0 ? h('p', { class: 'report-stat-sub' }, `其中 ${noRule} 人无学时要求`) : null),
        stat('met', '达标', number(count0(s.met), '人'),
          h('p', { class: 'report-stat-sub' }, '达标率 ', h('span', { class: 'report-rate', id: 'region-met-rate' }, percent(s.metRate)))),
        stat('notMet', '未达标', number(count0(s.notMet), '人')));
    }

    function cell(i, content, cls) {
      return h('td', { role: 'cell', class: cls || null, 'data-label': COLUMNS[i] }, content);
    }

    function row(u) {
      return h('tr', { role: 'row', class: 'report-row region-unit-row', 'data-unit-id': u.unitId, 'data-kind': u.kind || null },
        cell(0, h('a', { class: 'region-unit-link', href: unitHref(u), 'data-unit-id': u.unitId }, u.name || '—'), 'region-unit-name'),
        cell(1, u.kindName || '—', 'region-unit-kind'),
        cell(2, String(count0(u.people)), 'report-num report-people-count'),
        cell(3, String(count0(u.met)), 'report-num report-met-count'),
        cell(4, String(count0(u.notMet)), 'report-num report-not-met-count'),
        cell(5, percent(u.metRate), 'report-num report-rate'));
    }

    function drawChart(items) {
      if (!ctx.charts) return;
      ctx.charts.bars($('chart-units'), {
        categories: items.map((u) => u.name || String(u.unitId ?? '')), values: items.map((u) => u.metRate), percent: true,
        labelWidth: 150,
      });
    }

    // ---- loading ----

    function updateView() {
      const pages = Math.max(1, Math.ceil(total / size));
      const shown = rows.children.length;
      count.textContent = failed ? '' : `${q ? '符合条件的单位' : '本地区单位'}：共 ${total} 个`;
      tableWrap.hidden = shown === 0;
      empty.textContent = q ? '没有符合条件的单位' : '本地区暂无用人单位';
      empty.hidden = shown > 0 || failed;
      pager.hidden = failed || (total <= size && page === 0);
      prev.disabled = page <= 0;
      next.disabled = page >= pages - 1;
      pageInfo.textContent = `第 ${page + 1} / ${pages} 页，共 ${total} 个单位`;
      for (const [format, link] of Object.entries(exportLinks)) {
        link.href = exportHref(format);
        if (failed || total === 0) link.setAttribute('aria-disabled', 'true');
        else link.removeAttribute('aria-disabled');
      }
      backLink.href = '/province-report.html' + query({ year: ctx.year() });
      showSort();
    }

    /** Load page `p` with the current filters. `from`: the pager button that asked (the focus stays on the pager). */
    async function load(p = page, { from: opener = null } = {}) {
      const t = ++ticket;
      section.setAttribute('aria-busy', 'true');
      panel.setAttribute('aria-busy', 'true');
      prev.disabled = true;
      next.disabled = true;
      try {
        const data = (await api(base + query({
          year: ctx.requested(), q, sort, dir, page: p, size: PAGE_SIZE,
        }))) || {};
        if (t !== ticket) return;
        const units = data.units || {};
        const items = Array.isArray(units.items) ? units.items : [];
        size = num(units.size) || PAGE_SIZE;
        total = num(units.total) ?? items.length;
        page = num(units.page) ?? p;
        if (!items.length && page > 0 && total > 0) { // past the end
          load(Math.ceil(total / size) - 1, { from: opener });
          return;
        }
        failed = false;
        const s = data.summary || {};
        ctx.answered(data, data.regionName || s.name || code, s.people);
        showName(data.regionName || s.name);
        showSummary(s);
        rows.replaceChildren(...items.map(row));
        section.hidden = false;
        drawChart(items); // after showing the section: the chart takes the size of its box
        syncUrl();
      } catch (e) {
        if (t !== ticket) return;
        if (e.status === 401) { ctx.toLogin(); return; }
        failed = true;
        rows.replaceChildren();
        total = 0;
        section.hidden = true; // the figures of other filters would mislead
        ctx.failed(e);
      } finally {
        if (t === ticket) {
          section.setAttribute('aria-busy', 'false');
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

    /** The filters changed (year, name): the first page. */
    function apply() {
      q = qInput.value.trim();
      Portal.clearErrors(form);
      load(0);
    }

    $('region-units-reset').addEventListener('click', () => {
      qInput.value = '';
      apply();
      qInput.focus();
    });
    prev.addEventListener('click', () => load(page - 1, { from: prev }));
    next.addEventListener('click', () => load(page + 1, { from: next }));
    $('region-reload').addEventListener('click', () => load());
    for (const link of Object.values(exportLinks)) {
      link.addEventListener('click', (e) => {
        if (link.getAttribute('aria-disabled') === 'true') e.preventDefault();
      });
    }

    showName('');
    updateView();
    return { load, apply };
  }

  window.ProvinceRegion = { create };
})();
