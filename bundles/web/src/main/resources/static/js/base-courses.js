// 班次管理 (base admins): the training courses of one's own 继续教育基地 (the base comes from the session: GET /api/me
// baseName is shown in the title), searched by name (GET /api/base/courses), 20 a page. 新增班次 (#course-new) and
// 编辑 (.course-edit) open one form (#course-dialog, #course-form): POST /api/base/courses adds a course,
// PUT /api/base/courses/{id} (with the version as read) changes one. 计入年度 (#course-year) offers the years of the
// course's dates, by default the year it ends. Category names are the server's (categoryName).
document.addEventListener('DOMContentLoaded', async () => {
  'use strict';
  const { api, h, query } = Portal;
  const $ = (id) => document.getElementById(id);

  const PAGE_SIZE = 20;
  // the table's column headings, repeated on each cell for the stacked (phone) layout
  const COLUMNS = [...document.querySelectorAll('#courses-list thead th')].map((th) => th.textContent.trim());
  const HOURS = /^(?:\d+(?:\.\d{1,2})?|\.\d{1,2})$/;
  const MAX_HOURS = 1000;

  const user = await Portal.requireLogin(['BASE_ADMIN']);
  if (!user) return;

  const filters = $('courses-filters');
  const qInput = $('courses-q');
  const list = $('courses-rows');
  const tableWrap = $('courses-table-wrap');
  const panel = $('courses-panel');
  const errorBox = $('courses-error');
  const savedNote = $('courses-saved-note');
  const empty = $('courses-empty');
  const count = $('courses-count');
  const pager = $('courses-pager');
  const prev = $('page-prev');
  const next = $('page-next');

  // the base's name, as the server gives it
  if (user.baseName) {
    $('courses-base').textContent = user.baseName;
    $('courses-base').hidden = false;
    Portal.info().then((cfg) => { document.title = `班次管理 · ${user.baseName} - ${cfg.name}`; });
  }

  const params = new URLSearchParams(location.search);
  let q = (params.get('q') || '').trim();
  let page = Math.max(0, Math.floor(Number(params.get('page'))) || 0);
  let total = 0;
  let ticket = 0;
  let listFailed = false;
  const shown = new Map(); // id → Course, as the table shows it
  qInput.value = q;

  function toLogin() {
    location.replace('/login.html' + query({ next: location.pathname + location.search }));
  }

  function syncUrl() {
    history.replaceState(null, '', location.pathname + query({ q, page: page > 0 ? page : '' }));
  }

  // ---- search ----

  function apply() {
    q = qInput.value.trim();
    Portal.clearErrors(filters);
    load(0);
  }
  filters.addEventListener('submit', (e) => { e.preventDefault(); apply(); });
  $('courses-reset').addEventListener('click', () => {
    qInput.value = '';
    apply();
    qInput.focus();
  });
  Portal.clearErrorsOnInput(filters);

  // ---- rows: a table on wide screens, stacked cards on phones (CSS) ----

  const dash = (v) => (v == null || v === '' ? '—' : String(v));

  function cell(i, content, cls) {
    return h('td', { role: 'cell', class: cls || null, 'data-label': COLUMNS[i] }, content);
  }

  function dates(c) {
    if (c.from && c.from === c.to) return h('span', { class: 'nowrap' }, c.from);
    return h('span', { class: 'course-dates-text' },
      h('span', { class: 'nowrap' }, dash(c.from)), ' 至 ', h('span', { class: 'nowrap' }, dash(c.to)));
  }

  function row(c, saved) {
    return h('tr', {
      role: 'row', class: `course-row${saved ? ' is-saved' : ''}`, 'data-course-id': c.id, 'data-category': c.category || null,
    },
    cell(0, dash(c.name), 'course-name'),
    cell(1, dates(c), 'course-dates'),
    cell(2, Portal.formatAmount(c.hours), 'course-hours'),
    cell(3, dash(c.categoryName || c.category), 'course-category'),
    cell(4, c.year == null ? '—' : `${c.year} 年`, 'course-year'),
    cell(5, h('button', {
      type: 'button', class: 'btn btn-small course-edit', 'aria-haspopup': 'dialog', 'aria-label': `编辑：${c.name || ''}`,
    }, '编辑'), 'course-actions'));
  }

  function updateCounts() {
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const rows = list.children.length;
    count.textContent = listFailed ? '' : `${q ? '符合条件的班次' : '全部班次'}：共 ${total} 个`;
    tableWrap.hidden = rows === 0;
    empty.textContent = q ? '没有符合条件的班次' : '暂无班次，点击「新增班次」添加。';
    empty.hidden = rows > 0 || listFailed;
    pager.hidden = listFailed || (total <= PAGE_SIZE && page === 0);
    prev.disabled = page <= 0;
    next.disabled = page >= pages - 1;
    $('page-info').textContent = `第 ${page + 1} / ${pages} 页，共 ${total} 个`;
  }

  /** Show page `p`; `saved` (a Course just saved) is marked, and shown on top when it is not on that page. */
  async function load(p = page, saved = null) {
    const t = ++ticket;
    const hadFocus = list.contains(document.activeElement);
    panel.setAttribute('aria-busy', 'true');
    try {
      const data = (await api('/base/courses' + query({ q, page: p, size: PAGE_SIZE }))) || {};
      if (t !== ticket) return;
      const items = Array.isArray(data.items) ? data.items : [];
      total = data.total ?? items.length;
      page = data.page ?? p;
      if (!items.length && page > 0 && total > 0) { load(Math.ceil(total / PAGE_SIZE) - 1, saved); return; }
      listFailed = false;
      errorBox.hidden = true;
      shown.clear();
      items.forEach((c) => shown.set(String(c.id), c));
      const onPage = saved && shown.has(String(saved.id));
      if (saved && !onPage) shown.set(String(saved.id), saved);
      list.replaceChildren(...(saved && !onPage ? [row(saved, true)] : []),
        ...items.map((c) => row(c, saved && String(c.id) === String(saved.id))));
      savedNote.textContent = saved && !onPage
        ? '刚保存的班次不在当前查询结果的这一页，暂时显示在列表顶部。' : '';
      savedNote.hidden = !savedNote.textContent;
      syncUrl();
      const mark = saved && list.querySelector(`tr[data-course-id="${CSS.escape(String(saved.id))}"]`);
      if (mark) {
        mark.scrollIntoView({ block: 'center' });
        mark.querySelector('.course-edit').focus({ preventScroll: true });
      } else if (hadFocus) {
        const first = list.querySelector('.course-edit');
        if (first) first.focus();
      }
    } catch (e) {
      if (t !== ticket) return;
      if (e.status === 401) { toLogin(); return; }
      listFailed = true;
      Portal.showErrors(filters, e, errorBox); // a bad query: next to it; the message above the list
      list.replaceChildren();
      shown.clear();
      savedNote.hidden = true;
      total = 0;
    } finally {
      if (t === ticket) {
        panel.setAttribute('aria-busy', 'false');
        updateCounts();
      }
    }
  }
  prev.addEventListener('click', () => load(page - 1));
  next.addEventListener('click', () => load(page + 1));
  $('courses-reload').addEventListener('click', () => load());

  // ---- the form: 新增班次 and 编辑 ----

  const dialog = $('course-dialog');
  const form = $('course-form');
  const formError = $('course-form-error');
  const saveBtn = $('course-save');
  const cancelBtn = $('course-cancel');
  const inputs = {
    name: $('course-name'), from: $('course-from'), to: $('course-to'), hours: $('course-hours'),
    category: $('course-category'), year: $('course-year'),
  };
  let editing = null; // the Course being changed (null: a new one)
  let opener = null;
  let busy = false;
  let handingOver = false; // the form closes because the saved row takes the focus
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

  function clearFormErrors() {
    Portal.clearErrors(form);
    formError.className = 'alert alert-error';
    formError.replaceChildren();
    formError.hidden = true;
  }

  function openForm(c, btn) {
    editing = c || null;
    opener = btn || null;
    $('course-form-title').textContent = c ? '编辑班次' : '新增班次';
    clearFormErrors();
    fill(c);
    setBusy(false);
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    document.body.classList.add('has-picker');
    inputs.name.focus();
  }

  function closeForm() {
    if (dialog.open && typeof dialog.close === 'function') dialog.close();
    else if (dialog.hasAttribute('open')) { dialog.removeAttribute('open'); onClosed(); }
  }
  function onClosed() {
    document.body.classList.remove('has-picker');
    const target = opener && document.contains(opener) ? opener : $('course-new');
    opener = null;
    editing = null;
    if (handingOver) handingOver = false;
    else if (target) target.focus();
  }
  dialog.addEventListener('close', onClosed);
  dialog.addEventListener('cancel', (e) => { if (busy) e.preventDefault(); });
  cancelBtn.addEventListener('click', () => { if (!busy) closeForm(); });
  Portal.clearErrorsOnInput(form);

  function setBusy(on) {
    busy = on;
    form.setAttribute('aria-busy', String(on));
    saveBtn.disabled = on;
    cancelBtn.disabled = on;
    saveBtn.textContent = on ? '正在保存…' : '保存';
  }

  function showFormError(...content) {
    formError.replaceChildren(...content);
    formError.hidden = false;
    formError.focus();
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

  /** 重新加载 after a stale version: the list again, and this course as it is saved now in the form. */
  async function reloadStale(id) {
    if (busy) return;
    clearFormErrors();
    setBusy(true);
    let fresh;
    try {
      fresh = await api(`/base/courses/${encodeURIComponent(id)}`);
    } catch (e) {
      setBusy(false);
      if (e.status === 401) { toLogin(); return; }
      if (e.status !== 404) { showFormError(e.message || Portal.NETWORK_ERROR); return; }
      closeForm();
      Portal.toast(e.message || '未找到该班次', 'error', 6000);
      load();
      return;
    }
    setBusy(false);
    load();
    if (!dialog.open || !fresh) return;
    editing = fresh;
    fill(fresh);
    showFormError('已载入该班次的最新内容，请核对后重新修改并保存。');
    formError.className = 'alert alert-info';
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (busy) return;
    clearFormErrors();
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
    const errors = localErrors(body);
    if (errors.length) { Portal.showFieldErrors(form, errors); return; }
    const course = editing;
    const from = opener;
    if (course) body.version = course.version;
    setBusy(true);
    try {
      const saved = course
        ? await api(`/base/courses/${encodeURIComponent(course.id)}`, { method: 'PUT', body })
        : await api('/base/courses', { method: 'POST', body });
      setBusy(false);
      handingOver = true;
      closeForm();
      Portal.toast('已保存', 'success');
      await load(page, saved && saved.id != null ? saved : null);
      if (!list.querySelector('tr.is-saved')) (from && document.contains(from) ? from : $('course-new')).focus();
    } catch (err) {
      setBusy(false);
      const code = err.problem && err.problem.code;
      if (err.status === 401) { toLogin(); return; }
      if (err.status === 409 && code === 'stale_version') {
        const reload = h('button', { type: 'button', class: 'btn btn-small', id: 'course-stale-reload' }, '重新加载');
        reload.addEventListener('click', () => reloadStale(course.id));
        showFormError(err.message, ' ', reload);
      } else if (err.status === 404 && course) {
        closeForm();
        Portal.toast(err.message || '未找到该班次', 'error', 6000);
        load();
      } else if (!Portal.showErrors(form, err, formError)) {
        formError.focus(); // nothing to show next to a field: the message (with any other errors) above them
      }
    }
  });

  $('course-new').addEventListener('click', (e) => openForm(null, e.currentTarget));
  list.addEventListener('click', (e) => {
    const btn = e.target.closest('.course-edit');
    const tr = btn && btn.closest('tr[data-course-id]');
    const c = tr && shown.get(tr.dataset.courseId);
    if (c) openForm(c, btn);
  });

  // ---- start ----

  $('page-loading').hidden = true;
  $('page-body').hidden = false;
  $('main').removeAttribute('aria-busy');
  load(page);
});
