// 全省统计报表 (provincial ops). Year and region live in the URL (?year=2026&region=410300).
// Without a region: the province (GET /api/ops/reports/regions?year=): summary cards (人数, 达标 with the rate, 未达标,
// 本年度待审核申报, the approved amounts per unit), charts (达标率 by region #chart-regions and by unit kind #chart-kinds,
// declarations per month #chart-months and per learning form #chart-forms), the regions (each a link to its own view)
// and the learning forms; 导出 CSV / Excel (#province-export-csv, #province-export-xlsx) are plain links.
// With a region: its units (js/province-region.js). Both: 人员明细导出 (js/people-export.js).
document.addEventListener('DOMContentLoaded', async () => {
  'use strict';
  const { api, h, query, formatDateTime } = Portal;
  const { toNumber: num, formatAmount: fmt } = Portal;
  const { count0, percent, stat, number } = ReportKit;
  const $ = (id) => document.getElementById(id);

  const user = await Portal.requireLogin(['OPS']);
  if (!user) return;
  const has = await Portal.installed();
  const charts = window.Charts && Charts.available() ? Charts : null;

  const params = new URLSearchParams(location.search);
  const region = (params.get('region') || '').trim(); // '' = the whole province
  const form = $('province-filters');
  const yearSelect = $('province-year');
  const errorBox = $('province-error');
  const note = $('province-note');
  const peopleScope = $('people-export-scope');

  // ---- state shared by both views ----

  let year = /^\d{4}$/.test(params.get('year') || '') ? params.get('year') : ''; // '' = the server's default year
  let shownYear = ''; // the year of the last answer
  let answeredOnce = false;
  let people = 0; // summary.people of the view shown: the people export's total

  function toLogin() {
    location.replace('/login.html' + query({ next: location.pathname + location.search }));
  }

  const keepYear = (y, label) => {
    if (![...yearSelect.options].some((o) => o.value === y)) yearSelect.append(h('option', { value: y }, label));
  };

  /** What the two views share: the URL, the year, the filters form and how an answer or a failure is shown. */
  const ctx = {
    region, params, has, charts, form, toLogin,
    /** The year to ask for ('' = the server's default). */
    requested: () => year,
    /** The year of the figures shown (links and downloads), else the one asked for. */
    year: () => shownYear || year,
    /** An answer arrived: its years, its time, its scope (全省 or the region's name) and its people. */
    answered(data, scope, count) {
      answeredOnce = true;
      errorBox.hidden = true;
      Portal.clearErrors(form);
      shownYear = data.year != null ? String(data.year) : year;
      ReportKit.fillYears(yearSelect, data.years, shownYear);
      people = count0(count);
      $('province-scope').textContent = scope || '';
      $('province-note-year').textContent = `${shownYear} 年度`;
      const at = $('province-generated-at');
      at.textContent = data.generatedAt ? formatDateTime(data.generatedAt) : '—';
      if (data.generatedAt) at.setAttribute('datetime', data.generatedAt); else at.removeAttribute('datetime');
      note.hidden = false;
      peopleScope.textContent = scope || '';
    },
    /** A call failed: a bad filter next to it, the message above the report. */
    failed(e) {
      note.hidden = true;
      people = 0;
      shownYear = ''; // nothing shown: links and downloads take the year asked for
      if (!answeredOnce) keepYear('', '最新年度'); // a year the server refused: a way back to its default year
      Portal.showErrors(form, e, errorBox);
    },
  };

  // controls as the URL says, before the first answer
  if (year) keepYear(year, `${year} 年度`);
  yearSelect.value = year;

  // ---- the province ----

  function provinceView() {
    const section = $('province-view');
    const summary = $('province-summary');
    const regionRows = $('province-regions-rows');
    const regionTotal = $('province-regions-total');
    const formRows = $('province-forms-rows');
    const exportLinks = { csv: $('province-export-csv'), xlsx: $('province-export-xlsx') };
    let ticket = 0;
    let failed = false;

    const list = (items) => (Array.isArray(items) ? items : []);
    const numCell = (content, cls) => h('td', { class: `report-num${cls ? ` ${cls}` : ''}` }, content);
    const regionHref = (code) => '/province-report.html' + query({ region: code, year: ctx.year() });

    function showSummary(s) {
      const noRule = count0(s.noRule);
      const pending = count0(s.pendingReviews);
      summary.replaceChildren(
        stat('people', '人数', number(count0(s.people), '人'),
          noRule > 0 ? h('p', { class: 'report-stat-sub' }, `其中 ${noRule} 人无学时要求`) : null),
        stat('met', '达标', number(count0(s.met), '人'),
          h('p', { class: 'report-stat-sub' }, '达标率 ', h('span', { class: 'report-rate', id: 'province-met-rate' }, percent(s.metRate)))),
        stat('notMet', '未达标', number(count0(s.notMet), '人')),
        stat('pendingReviews', '本年度待审核申报', number(pending, '条'),
          pending > 0 && has('/review/declarations')
            ? h('p', { class: 'report-stat-sub' }, h('a', { href: '/review-declarations.html', id: 'province-review-link' }, '去审核'))
            : null),
        ...list(s.totals).map(ReportKit.totalsStat));
    }

    function shareCells(s) {
      return [
        numCell(String(count0(s.people)), 'report-people-count'),
        numCell(String(count0(s.met)), 'report-met-count'),
        numCell(String(count0(s.notMet)), 'report-not-met-count'),
        numCell(percent(s.metRate), 'report-rate'),
      ];
    }

    function regionRow(r) {
      const code = r.key == null ? '' : String(r.key);
      return h('tr', { 'data-code': code },
        h('th', { scope: 'row', class: 'report-name' }, code
          ? h('a', { class: 'province-region-link', 'data-code': code, href: regionHref(code) }, r.name || code)
          : r.name || '—'),
        ...shareCells(r));
    }

    function showRegions(data) {
      const regions = list(data.regions);
      regionRows.replaceChildren(...regions.map(regionRow));
      const s = data.summary || {};
      regionTotal.replaceChildren(h('tr', { class: 'report-total-row' },
        h('th', { scope: 'row', class: 'report-name' }, '全省'), ...shareCells(s)));
      regionRows.closest('.report-table-wrap').hidden = regions.length === 0;
      $('province-regions-empty').hidden = regions.length > 0;
    }

    function showForms(data) {
      const forms = list(data.forms);
      formRows.replaceChildren(...forms.map((f) => h('tr', { 'data-form-id': f.formId, 'data-kind': f.kind },
        h('th', { scope: 'row', class: 'report-name' }, f.formName || f.formId || '—'),
        numCell(String(count0(f.declarations))),
        numCell(String(count0(f.approved))),
        numCell(`${fmt(f.approvedHours)}${f.unit ? ` ${f.unit}` : ''}`, 'report-amount'))));
      formRows.closest('.report-table-wrap').hidden = forms.length === 0;
      $('province-forms-empty').hidden = forms.length > 0;
    }

    function drawCharts(data) {
      if (!charts) return;
      const regions = list(data.regions);
      const kinds = list(data.unitKinds);
      const months = list(data.months);
      charts.bars($('chart-regions'), {
        categories: regions.map((r) => r.name || r.key), values: regions.map((r) => r.metRate), percent: true,
      });
      charts.bars($('chart-kinds'), {
        categories: kinds.map((k) => k.name || k.key), values: kinds.map((k) => k.metRate), percent: true,
      });
      charts.line($('chart-months'), {
        categories: months.map((m) => m.name || String(m.month ?? '')),
        series: [
          { name: '申报数', values: months.map((m) => num(m.submitted) ?? 0) },
          { name: '审核通过', values: months.map((m) => num(m.approved) ?? 0) },
        ],
      });
      charts.pie($('chart-forms'), {
        name: '申报数', items: list(data.forms).map((f) => ({ name: f.formName || f.formId, value: f.declarations })),
      });
    }

    function showLinks() {
      for (const [format, link] of Object.entries(exportLinks)) {
        link.href = `/api/ops/reports/regions.${format}` + query({ year: ctx.year() });
        if (failed) link.setAttribute('aria-disabled', 'true'); else link.removeAttribute('aria-disabled');
      }
    }

    async function load() {
      const t = ++ticket;
      section.setAttribute('aria-busy', 'true');
      try {
        const data = (await api('/ops/reports/regions' + query({ year }))) || {};
        if (t !== ticket) return;
        failed = false;
        const s = data.summary || {};
        ctx.answered(data, '全省', s.people);
        showSummary(s);
        showRegions(data);
        showForms(data);
        section.hidden = false;
        drawCharts(data); // after showing the section: the charts take the size of their boxes
        history.replaceState(null, '', location.pathname + query({ year: shownYear }));
      } catch (e) {
        if (t !== ticket) return;
        if (e.status === 401) { toLogin(); return; }
        failed = true;
        section.hidden = true; // the figures of another year would mislead
        ctx.failed(e);
      } finally {
        if (t === ticket) {
          section.setAttribute('aria-busy', 'false');
          showLinks();
        }
      }
    }

    for (const link of Object.values(exportLinks)) {
      link.addEventListener('click', (e) => {
        if (link.getAttribute('aria-disabled') === 'true') e.preventDefault();
      });
    }
    $('province-reload').addEventListener('click', () => load());
    showLinks();
    return { load, apply: load };
  }

  // ---- start ----

  const view = region ? ProvinceRegion.create(ctx) : provinceView();

  function applyYear() {
    year = yearSelect.value || '';
    view.apply();
  }
  form.addEventListener('submit', (e) => { e.preventDefault(); applyYear(); });
  yearSelect.addEventListener('change', applyYear);

  PeopleExport.attach({
    csv: $('people-export-csv'),
    xlsx: $('people-export-xlsx'),
    progress: $('people-export-progress'),
    bar: $('people-export-bar'),
    text: $('people-export-text'),
    errorBox: $('people-export-error'),
    url: (format) => `/api/ops/reports/people.${format}` + query({ year: ctx.year(), regionCode: region }),
    total: () => people,
    toLogin,
  });
  peopleScope.textContent = region ? '本地区' : '全省';
  $('people-export').hidden = false;

  $('page-loading').hidden = true;
  $('page-body').hidden = false;
  $('main').removeAttribute('aria-busy');
  view.load(0);
});
