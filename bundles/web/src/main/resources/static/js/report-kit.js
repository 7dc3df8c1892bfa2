/*
 * Pieces shared by the report pages (单位统计报表, 全省统计报表): counts and rates as shown, the summary
 * cards, the approved amounts of one unit (学时 or 学分, never added together), the state of the
 * sortable column headers (.report-sort) and the year choices. Needs portal.js; exposes the global `ReportKit`.
 */
(function () {
  'use strict';
  const { h, toNumber: num, formatAmount: fmt } = Portal;

  /** A count from a JSON value; 0 when there is none. */
  const count0 = (v) => num(v) ?? 0;

  /** A rate 0..1 as a percentage with one decimal, 「—」 when there is none. */
  function percent(rate) {
    const r = num(rate);
    return r == null ? '—' : `${(r * 100).toFixed(1)}%`;
  }

  /** A summary card: .report-stat-<key>, data-stat=<key>. */
  function stat(key, label, value, ...extra) {
    return h('div', { class: `report-stat report-stat-${key}`, 'data-stat': key },
      h('p', { class: 'report-stat-label' }, label),
      h('p', { class: 'report-stat-value' }, value),
      ...extra);
  }

  /** A big number and its unit (人, 条). */
  const number = (n, unit) => [h('span', { class: 'report-stat-number' }, String(n)), unit ? ` ${unit}` : null];

  /** The card of the approved amounts of one unit ({unit, general, professional, total}); data-unit=<unit>. */
  function totalsStat(t) {
    const unit = (t && t.unit) || '';
    const el = stat('totals', `审核通过的${unit}`,
      `公需 ${fmt(t && t.general)} / 专业 ${fmt(t && t.professional)} / 合计 ${fmt(t && t.total)} ${unit}`);
    el.dataset.unit = unit;
    return el;
  }

  /**
   * Show which .report-sort button sorts the table (`current`, in direction `dir`): aria-sort on its
   * header, the arrow, and a title that says what a click does.
   */
  function showSort(buttons, current, dir) {
    for (const b of buttons) {
      const th = b.closest('th');
      const on = b.dataset.sort === current;
      if (on) th.setAttribute('aria-sort', dir === 'desc' ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
      b.classList.toggle('is-sorted', on);
      b.querySelector('.report-sort-dir').textContent = on ? (dir === 'desc' ? '▼' : '▲') : '';
      const label = b.firstChild.textContent.trim();
      b.title = on && dir !== 'desc' ? `按${label}降序排列` : `按${label}升序排列`;
    }
  }

  /**
   * Fill a year <select> with the answer's `years` (newest first), `shown` chosen (and added when the
   * answer does not list it).
   */
  function fillYears(select, years, shown) {
    const list = (Array.isArray(years) ? years : []).map(String);
    if (shown && !list.includes(shown)) {
      list.push(shown);
      list.sort((a, b) => Number(b) - Number(a));
    }
    select.replaceChildren(...list.map((y) => h('option', { value: y }, `${y} 年度`)));
    select.value = shown || list[0] || '';
  }

  window.ReportKit = { count0, percent, stat, number, totalsStat, showSort, fillYears };
})();
