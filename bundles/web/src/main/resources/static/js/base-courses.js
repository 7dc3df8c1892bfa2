// 班次管理 (base admins): the training courses of one's own 继续教育基地 (the base comes from the session: GET /api/me
// baseName is shown in the title), searched by name (GET /api/base/courses), 20 a page. 新增班次 (#course-new) and
// 编辑 (.course-edit) open one form (#course-dialog, #course-form): POST /api/base/courses adds a course,
// PUT /api/base/courses/{id} (with the version as read) changes one. 计入年度 (#course-year) offers the years of the
// course's dates, by default the year it ends. Category names are the server's (categoryName). The list, the pager
// and the form's saving are js/list-page.js's (ListPage, EditDialog). Each row links to 学员导入 of its course
// (a.course-import → /base-import.html?courseId=N).
document.addEventListener('DOMContentLoaded', async () => {
  'use strict';
  const { api, h } = Portal;
  const { dash } = ListPage;
  const $ = (id) => document.getElementById(id);

  const HOURS = /^(?:\d+(?:\.\d{1,2})?|\.\d{1,2})$/;
  const MAX_HOURS = 1000;

  const user = await Portal.requireLogin(['BASE_ADMIN']);
  if (!user) return;

  // the base's name, as the server gives it
  if (user.baseName) {
    $('courses-base').textContent = user.baseName;
    $('courses-base').hidden = false;
    Portal.info().then((cfg) => { document.title = `班次管理 · ${user.baseName} - ${cfg.name}`; });
  }

  // ---- the list: a table on wide screens, stacked cards on phones (CSS) ----

  function dates(c) {
    if (c.from && c.from === c.to) return h('span', { class: 'nowrap' }, c.from);
    return h('span', { class: 'course-dates-text' },
      h('span', { class: 'nowrap' }, dash(c.from)), ' 至 ', h('span', { class: 'nowrap' }, dash(c.to)));
  }

  function row(c, saved) {
    const { cell } = list;
    return h('tr', {
      role: 'row', class: `course-row${saved ? ' is-saved' : ''}`, 'data-course-id': c.id, 'data-category': c.category || null,
    },
    cell(0, dash(c.name), 'course-name'),
    cell(1, dates(c), 'course-dates'),
    cell(2, Portal.formatAmount(c.hours), 'course-hours'),
    cell(3, dash(c.categoryName || c.category), 'course-category'),
    cell(4, c.year == null ? '—' : `${c.year} 年`, 'course-year'),
    cell(5, [
      h('a', {
        class: 'btn btn-small course-import', href: `/base-import.html?courseId=${encodeURIComponent(c.id)}`,
        'aria-label': `学员导入：${c.name || ''}`,
      }, '学员导入'),
      h('button', {
        type: 'button', class: 'btn btn-small course-edit', 'aria-haspopup': 'dialog', 'aria-label': `编辑：${c.name || ''}`,
      }, '编辑')], 'course-actions'));
  }

  const list = ListPage.create({
    prefix: 'courses',
    path: '/base/courses',
    noun: '班次',
    empty: '暂无班次，点击「新增班次」添加。',
    row,
    idAttribute: 'data-course-id',
    editButton: '.course-edit',
  });

  // ---- the form: 新增班次 and 编辑 ----

  const inputs = {
    name: $('course-name'), from: $('course-from'), to: $('course-to'), hours: $('course-hours'),
    category: $('course-category'), year: $('course-year'),
  };
  let yearChosen = false; // the year was picked (or read with the course), not just the default

  // ---- 计入年度: the years from the start to the end date ----

  /** The year of a date the server accepts (1990 to 2100), else null. */
  function yearOf(date) {
    const y = /^\d{4}-\d{2}-\d{2}$/.test(date || '') ? Number(date.slice(0, 4)) : null;
    return y != null && y >= 1990 && y <= 2100 ? y : null;
  }

  /**
   * Offer the years of the dates; keep the chosen year (or `wanted`) while the dates still span it,
   * else take the year of the end.
   */
  function refreshYears(wanted) {
    const a = yearOf(inputs.from.value);
    const b = yearOf(inputs.to.value);
    const select = inputs.year;
    const current = wanted != null ? String(wanted) : select.value;
    const years = [];
    if (a != null || b != null) {
      const lo = Math.min(a ?? b, b ?? a);
      const hi = Math.max(a ?? b, b ?? a);
      for (let y = lo; y <= hi; y++) years.push(String(y));
    }
    select.replaceChildren(...(years.length ? [] : [h('option', { value: '' }, '请先填写日期')]),
      ...years.map((y) => h('option', { value: y }, `${y} 年`)));
    if (yearChosen && years.includes(current)) select.value = current;
    else {
      yearChosen = false;
      select.value = b != null ? String(b) : years[years.length - 1] || '';
    }
  }
  for (const input of [inputs.from, inputs.to]) {
    input.addEventListener('input', () => refreshYears());
    input.addEventListener('change', () => refreshYears());
  }
  inputs.year.addEventListener('change', () => { yearChosen = true; });

  function fill(c) {
    // a category the form does not offer (yet) shows with the server's name
    if (c && c.category && ![...inputs.category.options].some((o) => o.value === c.category)) {
      inputs.category.append(h('option', { value: c.category }, c.categoryName || c.category));
    }
    for (const [field, input] of Object.entries(inputs)) {
      if (field !== 'year') input.value = c && c[field] != null ? String(c[field]) : '';
    }
    if (c && c.hours != null) inputs.hours.value = Portal.formatAmount(c.hours);
    yearChosen = !!(c && c.year != null);
    refreshYears(c && c.year != null ? c.year : '');
    // a year the dates no longer span (should not happen) still shows as it is saved
    if (c && c.year != null && inputs.year.value !== String(c.year)) {
      inputs.year.append(h('option', { value: String(c.year) }, `${c.year} 年`));
      inputs.year.value = String(c.year);
    }
  }

  function read() {
    const year = inputs.year.value;
    const body = {
      name: inputs.name.value.trim(),
      from: inputs.from.value,
      to: inputs.to.value,
      hours: inputs.hours.value.trim(),
      category: inputs.category.value,
      year: year ? Number(year) : null,
    };
    inputs.hours.value = body.hours;
    return body;
  }

  /** What the page can tell before asking the server (the server checks everything again). */
  function localErrors(body) {
    const errors = [];
    const add = (field, message) => errors.push({ field, message });
    if (!body.name) add('name', '请填写班次名称');
    // an <input type=date> with a half-typed date has an empty value but reports badInput
    if (!body.from) add('from', inputs.from.validity.badInput ? '请填写完整的开始日期' : '请填写开始日期');
    if (!body.to) add('to', inputs.to.validity.badInput ? '请填写完整的结束日期' : '请填写结束日期');
    if (body.from && body.to && body.to < body.from) add('to', '结束日期不能早于开始日期');
    const n = Number(body.hours);
    if (!body.hours) add('hours', '请填写学时');
    else if (!HOURS.test(body.hours)) add('hours', '学时应是数字，最多两位小数，例如 24 或 1.5');
    else if (!(n > 0) || n > MAX_HOURS) add('hours', `学时应大于 0、不超过 ${MAX_HOURS}`);
    if (!body.category) add('category', '请选择类别');
    if (body.year == null && body.from && body.to) add('year', '请选择计入年度');
    return errors;
  }

  EditDialog.create({
    prefix: 'course',
    noun: '班次',
    list,
    notFound: '未找到该班次',
    first: inputs.name,
    fill,
    read,
    check: localErrors,
    /** After a stale version: this course as it is saved now (GET /api/base/courses/{id}), and the list again. */
    async reload(id) {
      const fresh = await api(`/base/courses/${encodeURIComponent(id)}`);
      list.load();
      return fresh;
    },
  });

  // ---- start ----

  list.start();
});
