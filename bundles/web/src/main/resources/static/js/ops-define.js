// 新建学习形式 / 修改 (学习形式管理, OPS): a learning form defined without Java — basic facts, the fields a person
// fills in, one rule from a small safe set (每项固定, 按数量折算, 按级别查表) and the caps — saved with
// POST /api/ops/learning-forms/definitions (a new form) or PUT .../definitions/{id} (a new version). The names of field
// types, rules, kinds and categories come from GET .../definition-choices. Field errors go next to their inputs
// (id, fields[2].type, rule.table, maxPerItem …).
//
//   OpsDefine.open(defined or null, choices, onSaved)
//
// Options of a choice field are typed one per line as names; each gets a code (o1, o2 …) that stays with its name
// when the form is revised, or 「代码=名称」 to set the code. Needs js/portal.js and the #define-dialog markup of
// ops-forms.html. Exposes the global `OpsDefine`.
(function () {
  'use strict';
  const { api, h } = Portal;
  const $ = (id) => document.getElementById(id);
  const BOUNDED = ['number', 'year', 'attachment'];

  let editing = null; // the definition being revised, or null for a new one
  let choices = null;
  let numberErrors = []; // inputs that hold no number, found while reading the form

  /** The input's text as a JSON number (the server takes no numbers in strings), null when empty. */
  function number(text, field) {
    if (text === '' || text == null) return null;
    if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
    numberErrors.push({ field, message: '请填写数字，例如 2 或 1.5' });
    return null;
  }

  function select(el, items, value, empty) {
    el.replaceChildren(...(empty ? [h('option', { value: '' }, empty)] : []),
      ...items.map((c) => h('option', { value: c.code }, c.name)));
    el.value = value == null ? '' : value;
  }

  /** Options from the textarea: 「名称」 or 「代码=名称」 per line; a name keeps the code it had. */
  function optionsOf(row) {
    const known = JSON.parse(row.dataset.options || '[]');
    const used = new Set(known.map((o) => o.value));
    let next = 1;
    const out = [];
    for (const raw of row.querySelector('[data-part=options]').value.split('\n')) {
      const line = raw.trim();
      if (!line) continue;
      const eq = line.indexOf('=');
      if (eq > 0) {
        out.push({ value: line.slice(0, eq).trim(), label: line.slice(eq + 1).trim() });
        continue;
      }
      const had = known.find((o) => o.label === line);
      if (had) { out.push({ value: had.value, label: line }); continue; }
      while (used.has(`o${next}`)) next += 1;
      used.add(`o${next}`);
      out.push({ value: `o${next}`, label: line });
    }
    return out;
  }

  /**
   * Keeps the codes the options have now with the row, beside those it had: a name keeps its code when lines move,
   * and a code once given is never given to another name (a declaration may hold it).
   */
  function remember(row) {
    const known = JSON.parse(row.dataset.options || '[]');
    for (const o of optionsOf(row)) {
      if (!known.some((k) => k.value === o.value)) known.push(o);
    }
    row.dataset.options = JSON.stringify(known);
  }

  function fieldRow(f) {
    const row = h('div', { class: 'define-field card-inset', 'data-options': JSON.stringify(f.options || []) });
    const part = (name, control, label, wide) => h('div', { class: `field${wide ? ' field-wide' : ''}`, 'data-show': name },
      h('label', {}, label), control, h('p', { class: 'field-error', role: 'alert', hidden: true, 'data-error-part': name }));
    const type = h('select', { 'data-part': 'type' });
    select(type, choices.fieldTypes, f.type || 'text');
    const options = h('textarea', { 'data-part': 'options', rows: 3 });
    options.value = (f.options || []).map((o) => o.label).join('\n');
    row.append(
      part('label', h('input', { type: 'text', 'data-part': 'label', maxlength: 30, value: f.label || '' }), '名称'),
      part('key', h('input', { type: 'text', 'data-part': 'key', maxlength: 30, value: f.key || '' }), '字段名（字母或数字）'),
      part('type', type, '类型'),
      h('div', { class: 'field field-check' }, h('label', {},
        h('input', { type: 'checkbox', 'data-part': 'required', checked: f.required !== false }), ' 必填')),
      part('min', h('input', { type: 'text', inputmode: 'decimal', 'data-part': 'min', value: f.min ?? '' }), '最小值'),
      part('max', h('input', { type: 'text', inputmode: 'decimal', 'data-part': 'max', value: f.max ?? '' }), '最大值'),
      part('options', options, '选项（每行一个）', true),
      h('button', { type: 'button', class: 'btn btn-small btn-danger', 'data-action': 'remove-field',
        onclick: () => { row.remove(); renumber(); } }, '删除此项'));
    type.addEventListener('change', () => { shapeRow(row); refreshRule(); });
    options.addEventListener('change', () => { remember(row); refreshRule(); });
    for (const p of ['key', 'label']) row.querySelector(`[data-part=${p}]`).addEventListener('change', () => refreshRule());
    shapeRow(row);
    return row;
  }

  /** Shows only the parts that apply to the row's type. */
  function shapeRow(row) {
    const type = row.querySelector('[data-part=type]').value;
    for (const el of row.querySelectorAll('[data-show=min], [data-show=max]')) el.hidden = !BOUNDED.includes(type);
    row.querySelector('[data-show=options]').hidden = type !== 'choice';
  }

  /** The rows' data-field names follow their order, so that fields[2].type lands on the third row. */
  function renumber() {
    [...$('define-fields').children].forEach((row, i) => {
      row.dataset.index = String(i);
      for (const el of row.querySelectorAll('[data-part]')) {
        el.dataset.field = `fields[${i}].${el.dataset.part}`;
        el.id = `define-field-${i}-${el.dataset.part}`;
      }
      for (const label of row.querySelectorAll('label')) {
        const control = label.parentElement.querySelector('[data-part]');
        if (control && label.parentElement.dataset.show) label.htmlFor = control.id;
      }
      for (const slot of row.querySelectorAll('[data-error-part]')) slot.dataset.errorFor = `fields[${i}].${slot.dataset.errorPart}`;
    });
    refreshRule();
  }

  function fieldsNow() {
    return [...$('define-fields').children].map((row, i) => {
      const v = (p) => row.querySelector(`[data-part=${p}]`).value.trim();
      const type = v('type');
      const f = { key: v('key'), label: v('label'), type, required: row.querySelector('[data-part=required]').checked };
      if (BOUNDED.includes(type)) {
        f.min = number(v('min'), `fields[${i}].min`);
        f.max = number(v('max'), `fields[${i}].max`);
      }
      if (type === 'choice') f.options = optionsOf(row);
      return f;
    });
  }

  /** The rule's choices follow the fields: number fields for 按数量折算, choice fields for the table. */
  function refreshRule(rule) {
    const r = rule && rule.type ? rule : null;
    const fields = fieldsNow();
    const named = (types) => fields.filter((f) => types.includes(f.type) && f.key).map((f) => ({ code: f.key, name: f.label || f.key }));
    const keep = (el) => (r ? null : el.value);
    select($('define-rule-field'), named(['number']), r ? r.field : keep($('define-rule-field')), '请选择');
    select($('define-rule-rows'), named(['choice']), r ? r.rows : keep($('define-rule-rows')), '请选择');
    select($('define-rule-columns'), named(['choice']), r ? r.columns : keep($('define-rule-columns')), '不设列');
    const type = $('define-rule-type').value;
    for (const el of $('define-form').querySelectorAll('[data-rule]')) el.hidden = el.dataset.rule !== type;
    drawTable(fields, r ? r.table : tableNow());
  }

  /** The table's cells; as numbers when `numbers` (what is sent), else as typed (what a redraw keeps). */
  function tableNow(numbers) {
    const out = {};
    for (const input of $('define-rule-table').querySelectorAll('input[data-row]')) {
      const text = input.value.trim();
      if (text === '') continue;
      (out[input.dataset.row] = out[input.dataset.row] || {})[input.dataset.column] = numbers ? number(text, 'rule.table') : text;
    }
    return out;
  }

  function drawTable(fields, values) {
    const box = $('define-rule-table');
    const rows = fields.find((f) => f.key && f.key === $('define-rule-rows').value);
    const columns = fields.find((f) => f.key && f.key === $('define-rule-columns').value);
    if (!rows || !(rows.options || []).length) {
      box.replaceChildren(h('p', { class: 'help' }, '选择作为行的单选项后，在这里填写每个组合的学时（学分）'));
      return;
    }
    const unit = (choices.kinds.find((k) => k.code === $('define-kind').value) || {}).name || '';
    const cols = columns ? columns.options : [{ value: '-', label: unit }];
    const cell = (row, col) => h('input', {
      type: 'text', inputmode: 'decimal', 'data-row': row.value, 'data-column': col.value,
      'aria-label': `${row.label}${columns ? `，${col.label}` : ''}`,
      value: ((values || {})[row.value] || {})[col.value] ?? '',
    });
    box.replaceChildren(h('table', { class: 'audit-table define-grid' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, rows.label), ...cols.map((c) => h('th', { scope: 'col' }, c.label)))),
      h('tbody', {}, ...rows.options.map((row) => h('tr', {}, h('th', { scope: 'row' }, row.label),
        ...cols.map((col) => h('td', {}, cell(row, col))))))));
  }

  function definition() {
    const v = (id) => $(id).value.trim();
    const type = v('define-rule-type');
    const rule = { type };
    numberErrors = [];
    if (type === 'per_item') rule.hours = number(v('define-rule-hours'), 'rule.hours');
    if (type === 'per_amount') {
      rule.field = v('define-rule-field') || null;
      rule.hoursPerUnit = number(v('define-rule-per-unit'), 'rule.hoursPerUnit');
    }
    if (type === 'table') {
      rule.rows = v('define-rule-rows') || null;
      rule.columns = v('define-rule-columns') || null;
      rule.table = tableNow(true);
    }
    return {
      id: editing ? editing.id : v('define-id'), name: v('define-name'), kind: v('define-kind'), category: v('define-category'),
      help: v('define-help') || null, fields: fieldsNow(), rule,
      maxPerItem: number(v('define-max-item'), 'maxPerItem'), maxPerYear: number(v('define-max-year'), 'maxPerYear'),
    };
  }

  /** An option's error (fields[1].options[2]) is shown with the field's options. */
  function placed(err) {
    if (!err || !err.problem || !Array.isArray(err.problem.errors)) return err;
    err.problem.errors = err.problem.errors.map((e) => (e && e.field
      ? { ...e, field: e.field.replace(/^(fields\[\d+\]\.options)\[\d+\]$/, '$1') } : e));
    return err;
  }

  async function save(onSaved) {
    const form = $('define-form');
    const body = definition();
    Portal.clearErrors(form);
    $('define-error').hidden = true;
    if (numberErrors.length) {
      Portal.showFieldErrors(form, numberErrors);
      return;
    }
    form.setAttribute('aria-busy', 'true');
    $('define-save').disabled = true;
    try {
      const saved = editing
        ? await api(`/ops/learning-forms/definitions/${encodeURIComponent(editing.id)}`, { method: 'PUT', body })
        : await api('/ops/learning-forms/definitions', { body });
      $('define-dialog').close();
      onSaved(saved, !editing);
    } catch (e) {
      Portal.showErrors(form, placed(e), $('define-error'));
    } finally {
      form.setAttribute('aria-busy', 'false');
      $('define-save').disabled = false;
    }
  }

  function open(defined, serverChoices, onSaved) {
    choices = serverChoices;
    const d = defined ? defined.definition : {
      kind: 'HOURS', category: 'PROFESSIONAL', rule: { type: 'per_item' },
      fields: [{ key: 'title', label: '名称', type: 'text', required: true }],
    };
    editing = defined ? d : null;
    const form = $('define-form');
    Portal.clearErrors(form);
    $('define-error').hidden = true;
    $('define-title').textContent = defined ? `修改学习形式：${d.name}（保存后为新版本）` : '新建学习形式';
    $('define-id').value = d.id || '';
    $('define-id').disabled = Boolean(defined);
    $('define-name').value = d.name || '';
    select($('define-kind'), choices.kinds, d.kind);
    select($('define-category'), choices.categories, d.category);
    $('define-help').value = d.help || '';
    select($('define-rule-type'), choices.ruleTypes, d.rule && d.rule.type);
    $('define-rule-hours').value = (d.rule && d.rule.hours) ?? '';
    $('define-rule-per-unit').value = (d.rule && d.rule.hoursPerUnit) ?? '';
    $('define-max-item').value = d.maxPerItem ?? '';
    $('define-max-year').value = d.maxPerYear ?? '';
    $('define-fields').replaceChildren(...(d.fields || []).map(fieldRow));
    renumber();
    refreshRule(d.rule);
    $('define-add-field').onclick = () => {
      $('define-fields').append(fieldRow({ type: 'text', required: true }));
      renumber();
      $('define-fields').lastElementChild.querySelector('[data-part=label]').focus();
    };
    $('define-rule-type').onchange = () => refreshRule();
    $('define-rule-rows').onchange = () => refreshRule();
    $('define-rule-columns').onchange = () => refreshRule();
    $('define-kind').onchange = () => refreshRule();
    form.onsubmit = (e) => { e.preventDefault(); save(onSaved); };
    $('define-cancel').onclick = () => $('define-dialog').close();
    if (!form.dataset.cleared) {
      Portal.clearErrorsOnInput(form);
      form.dataset.cleared = 'true';
    }
    $('define-dialog').showModal();
    (defined ? $('define-name') : $('define-id')).focus();
  }

  window.OpsDefine = { open };
}());
