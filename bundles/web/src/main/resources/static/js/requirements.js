// 学时要求设置 (OPS): the rules of how many hours (credits) a professional must complete a year, as one
// editable table (起始年度, 职称系列, 单位, 总学时, 公需科目不少于, 专业科目不少于). 「保存」 replaces the whole set
// (PUT /api/ops/requirements); field errors (items[i].field) show in a summary and next to their inputs.
document.addEventListener('DOMContentLoaded', async () => {
  'use strict';
  const { api, h, query } = Portal;
  const $ = (id) => document.getElementById(id);

  const user = await Portal.requireLogin(['OPS']);
  if (!user) return;

  const form = $('requirements-form');
  const tbody = $('requirements-rows');
  const table = $('requirements-table');
  const empty = $('requirements-empty');
  const message = $('requirements-message');
  const errorBox = $('requirements-error');
  const addBtn = $('requirements-add');
  const saveBtn = $('requirements-save');
  const resetBtn = $('requirements-reset');

  const FIELDS = ['fromYear', 'titleSeries', 'kind', 'total', 'general', 'professional'];
  // column headers of the page, by field (the page's own wording, read from the table head)
  const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
  const columnName = (field) => headers[FIELDS.indexOf(field)] || field;

  let rules = []; // what the table shows: {id, fromYear, titleSeries, kind, total, general, professional} (strings)
  let dirty = false;
  let busy = false;
  const series = new Map(); // seriesCode → seriesName
  const kinds = new Map(); // kind → unit label

  function toLogin() {
    location.replace('/login.html' + query({ next: location.pathname + location.search }));
  }

  // ---- option lists ----

  for (const o of $('kind-options').content.querySelectorAll('option')) kinds.set(o.value, o.textContent);

  async function loadSeries() {
    try {
      const data = await api('/directory/titles');
      for (const t of (data && data.items) || []) {
        if (t.seriesCode && !series.has(t.seriesCode)) series.set(t.seriesCode, t.seriesName || t.seriesCode);
      }
      return true;
    } catch (e) {
      if (e.status === 401) { toLogin(); return false; }
      Portal.toast(`职称系列加载失败：${e.message}`, 'error', 6000);
      return true;
    }
  }

  /** Take the names the server gives with the rules (series not in the directory, unit of each kind). */
  function learn(items) {
    for (const r of items) {
      if (r.titleSeries && !series.has(r.titleSeries)) series.set(r.titleSeries, r.titleSeriesName || r.titleSeries);
      if (r.kind && r.unit) kinds.set(r.kind, r.unit);
    }
  }

  // ---- numbers: 24, "24.50" → "24.5" ----

  function text(value) {
    if (value == null || value === '') return '';
    const n = Number(value);
    return Number.isFinite(n) ? String(Math.round(n * 100) / 100) : String(value);
  }

  function fromServer(r) {
    return {
      id: r.id ?? null, fromYear: text(r.fromYear), titleSeries: r.titleSeries || '', kind: r.kind || '',
      total: text(r.total), general: text(r.general), professional: text(r.professional),
    };
  }

  function toServer(r) {
    const n = (v) => (String(v).trim() === '' || !Number.isFinite(Number(v)) ? null : Number(v));
    return {
      id: r.id ?? null, fromYear: n(r.fromYear), titleSeries: r.titleSeries || null, kind: r.kind || null,
      total: n(r.total), general: n(r.general), professional: n(r.professional),
    };
  }

  // ---- table ----

  function path(i, field) { return `items[${i}].${field}`; }
  function inputId(i, field) { return `req-${i}-${field}`; }

  function errorSlot(i, field) {
    const key = field ? path(i, field) : `items[${i}]`;
    return h('p', {
      class: 'field-error', id: `${field ? inputId(i, field) : `req-${i}`}-error`, 'data-error-for': key, role: 'alert', hidden: true,
    });
  }

  function cell(i, field, control) {
    control.id = inputId(i, field);
    control.dataset.field = path(i, field);
    control.dataset.key = field;
    control.setAttribute('aria-label', `第 ${i + 1} 条规则 ${columnName(field)}`);
    control.setAttribute('aria-describedby', `${inputId(i, field)}-error`);
    return h('td', { role: 'cell', class: `req-${field}`, 'data-label': columnName(field) }, control, errorSlot(i, field));
  }

  function numberInput(value, { step = '0.5', min = '0', inputmode = 'decimal' } = {}) {
    return h('input', { type: 'number', value, step, min, inputmode });
  }

  function seriesSelect(value) {
    const sel = h('select', null, h('option', { value: '' }, '全部人员'),
      [...series].map(([code, name]) => h('option', { value: code }, name)));
    sel.value = value || '';
    return sel;
  }

  function kindSelect(value) {
    const sel = h('select', null,
      value ? null : h('option', { value: '' }, '请选择'),
      [...kinds].map(([code, label]) => h('option', { value: code }, label)));
    sel.value = value || '';
    return sel;
  }

  function row(r, i) {
    return h('tr', { role: 'row', class: 'req-row', 'data-index': i, 'data-id': r.id ?? null },
      cell(i, 'fromYear', numberInput(r.fromYear, { step: '1', min: '1900', inputmode: 'numeric' })),
      cell(i, 'titleSeries', seriesSelect(r.titleSeries)),
      cell(i, 'kind', kindSelect(r.kind)),
      cell(i, 'total', numberInput(r.total)),
      cell(i, 'general', numberInput(r.general)),
      cell(i, 'professional', numberInput(r.professional)),
      h('td', { role: 'cell', class: 'req-actions' },
        h('button', { type: 'button', class: 'btn btn-small btn-danger req-delete', 'aria-label': `删除第 ${i + 1} 条规则` }, '删除'),
        errorSlot(i, null)));
  }

  function render() {
    tbody.replaceChildren(...rules.map(row));
    empty.hidden = rules.length > 0;
    table.hidden = rules.length === 0;
  }

  function setDirty(on) {
    dirty = on;
    resetBtn.disabled = busy || !on;
    if (on) message.replaceChildren();
  }

  function setBusy(on) {
    busy = on;
    form.setAttribute('aria-busy', String(on));
    saveBtn.disabled = on;
    addBtn.disabled = on;
    resetBtn.disabled = on || !dirty;
    saveBtn.textContent = on ? '正在保存…' : '保存';
  }

  function clearAllErrors() {
    Portal.clearErrors(form);
    errorBox.replaceChildren();
    errorBox.hidden = true;
  }

  // edits go into `rules` at once; a changed field loses its error
  const onEdit = (e) => {
    const t = e.target;
    const tr = t.closest && t.closest('tr[data-index]');
    if (!tr || !t.dataset.key) return;
    rules[Number(tr.dataset.index)][t.dataset.key] = t.value;
    Portal.clearErrors(form, t.dataset.field);
    setDirty(true);
  };
  tbody.addEventListener('input', onEdit);
  tbody.addEventListener('change', onEdit);

  tbody.addEventListener('click', (e) => {
    const btn = e.target.closest('.req-delete');
    const tr = btn && btn.closest('tr[data-index]');
    if (!tr || busy) return;
    const i = Number(tr.dataset.index);
    rules.splice(i, 1);
    clearAllErrors(); // the row numbers of earlier errors no longer hold
    render();
    setDirty(true);
    message.replaceChildren(h('p', { class: 'muted' }, `已删除第 ${i + 1} 条规则，点击「保存」后生效。`));
    const next = tbody.querySelector(`tr[data-index="${Math.min(i, rules.length - 1)}"] .req-delete`);
    (next || addBtn).focus();
  });

  addBtn.addEventListener('click', () => {
    const years = rules.map((r) => Number(r.fromYear)).filter(Number.isFinite);
    const last = rules[rules.length - 1];
    rules.push({
      id: null, fromYear: String(years.length ? Math.max(...years) + 1 : new Date().getFullYear()),
      titleSeries: '', kind: (last && last.kind) || kinds.keys().next().value || '', total: '', general: '', professional: '',
    });
    render();
    setDirty(true);
    const input = $(inputId(rules.length - 1, 'fromYear'));
    if (input) { input.focus(); input.select(); }
  });

  // ---- errors ----

  /** Summary of the failure: every error with its rule number and column, each a link to its input. */
  function showFailure(err) {
    clearAllErrors();
    const rowOf = (e) => { const m = /^items\[(\d+)\]/.exec(e.field || ''); return m ? Number(m[1]) : -1; };
    const errors = (err && err.problem && Array.isArray(err.problem.errors) ? err.problem.errors.filter(Boolean) : [])
      .map((e, k) => ({ e, k })).sort((a, b) => rowOf(a.e) - rowOf(b.e) || a.k - b.k).map((x) => x.e); // by rule
    const entries = errors.map((e) => {
      const m = /^items\[(\d+)\](?:\.(\w+))?$/.exec(e.field || '');
      if (!m) return h('li', null, e.message);
      const i = Number(m[1]);
      const field = m[2];
      const where = `第 ${i + 1} 条规则${field ? ` ${columnName(field)}` : ''}`;
      const target = field && $(inputId(i, field)) ? inputId(i, field) : null;
      return h('li', null, target
        ? h('a', { href: `#${target}`, 'data-target': target }, where)
        : where, `：${e.message}`);
    });
    errorBox.replaceChildren(
      h('p', null, (err && err.message) || Portal.NETWORK_ERROR),
      entries.length ? h('ul', { class: 'requirements-error-list' }, entries) : null);
    errorBox.hidden = false;
    const placed = errors.filter((e) => e.field && /^items\[\d+\]/.test(e.field));
    if (placed.length) Portal.showFieldErrors(form, placed);
    else errorBox.focus();
  }

  errorBox.addEventListener('click', (e) => {
    const a = e.target.closest('a[data-target]');
    const control = a && $(a.dataset.target);
    if (!control) return;
    e.preventDefault();
    control.scrollIntoView({ block: 'center' });
    control.focus({ preventScroll: true });
  });

  // ---- load and save ----

  async function load() {
    setBusy(true);
    try {
      const data = await api('/ops/requirements');
      const items = (data && data.items) || [];
      learn(items);
      rules = items.map(fromServer);
      clearAllErrors();
      render();
      setDirty(false);
      return true;
    } catch (e) {
      if (e.status === 401) { toLogin(); return false; }
      const retry = h('button', { type: 'button', class: 'btn btn-small' }, '重试');
      retry.addEventListener('click', () => load());
      errorBox.replaceChildren(`学时要求加载失败：${e.message} `, retry);
      errorBox.hidden = false;
      return false;
    } finally {
      setBusy(false);
    }
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (busy) return;
    clearAllErrors();
    message.replaceChildren();
    setBusy(true);
    try {
      const data = await api('/ops/requirements', { method: 'PUT', body: { items: rules.map(toServer) } });
      let items = data && Array.isArray(data.items) ? data.items : null;
      if (!items) items = ((await api('/ops/requirements')) || {}).items || [];
      learn(items);
      rules = items.map(fromServer);
      render();
      setDirty(false);
      message.replaceChildren(h('p', { class: 'alert alert-success' }, `已保存，共 ${rules.length} 条规则。`));
      message.focus();
      Portal.toast('学时要求已保存', 'success');
    } catch (err) {
      if (err.status === 401) { toLogin(); return; }
      showFailure(err);
    } finally {
      setBusy(false);
    }
  });

  resetBtn.addEventListener('click', async () => {
    if (busy || !dirty) return;
    message.replaceChildren();
    if (await load()) {
      message.replaceChildren(h('p', { class: 'muted' }, '已放弃修改，显示的是已保存的规则。'));
      addBtn.focus();
    }
  });

  window.addEventListener('beforeunload', (e) => {
    if (!dirty) return;
    e.preventDefault();
    e.returnValue = '';
  });

  // ---- start ----

  if (!(await loadSeries())) return;
  $('page-loading').hidden = true;
  $('page-body').hidden = false;
  $('main').removeAttribute('aria-busy');
  load();
});
