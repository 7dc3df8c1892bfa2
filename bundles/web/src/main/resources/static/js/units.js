// 单位管理 (ops): the province's units, searched by 单位名称 and 所属区域 (GET /api/directory/units), 20 a page.
// 新增单位 (#unit-new) and 编辑 (.unit-edit) open one form (#unit-dialog): POST /api/directory/units adds a unit with
// its departments, PUT /api/directory/units/{id} changes its name, region and kind and adds the departments typed
// (the existing ones are listed; none is removed). 导入 sends a CSV file (POST /api/directory/units/import, text/csv)
// and shows what was added, or every bad line as the server names it. Region and kind names are the server's
// (GET /api/directory/regions, /api/directory/unit-kinds). The list and the form's saving are js/list-page.js's.
document.addEventListener('DOMContentLoaded', async () => {
  'use strict';
  const { api, h } = Portal;
  const { dash } = ListPage;
  const $ = (id) => document.getElementById(id);

  const user = await Portal.requireLogin(['OPS']);
  if (!user) return;

  const regionFilter = $('units-region');
  const loadFailed = (what) => (e) => {
    if (e.status !== 401) Portal.toast(`${what}加载失败：${e.message}`, 'error', 6000);
    return [];
  };
  const regions = api('/directory/regions').then((d) => (d && d.items) || [], loadFailed('区域列表'));
  const kinds = api('/directory/unit-kinds').then((d) => (d && d.items) || [], loadFailed('单位类型'));

  function ensureOption(select, code, name) {
    if (!code || [...select.options].some((o) => o.value === code)) return;
    select.append(h('option', { value: code }, name || code));
  }

  // ---- the list ----

  function row(u, saved) {
    const { cell } = list;
    return h('tr', { role: 'row', class: `unit-row${saved ? ' is-saved' : ''}`, 'data-unit-id': u.id, 'data-name': u.name },
      cell(0, dash(u.name), 'unit-name'),
      cell(1, dash(u.regionName || u.regionCode), 'unit-region'),
      cell(2, dash(u.kindName || u.kind), 'unit-kind'),
      cell(3, h('button', {
        type: 'button', class: 'btn btn-small unit-edit', 'aria-haspopup': 'dialog', 'aria-label': `编辑：${u.name || ''}`,
      }, '编辑'), 'unit-actions'));
  }

  const list = ListPage.create({
    prefix: 'units',
    path: '/directory/units',
    noun: '单位',
    empty: '暂无单位，点击「新增单位」添加，或从 CSV 文件导入。',
    filters: [{ key: 'regionCode', param: 'region', control: regionFilter }],
    row,
    idAttribute: 'data-unit-id',
    editButton: '.unit-edit',
  });

  // ---- the form: 新增单位 and 编辑 ----

  const inputs = { name: $('unit-name'), regionCode: $('unit-region'), kind: $('unit-kind') };
  const departments = $('unit-departments');
  let shown = 0; // which fill the departments list answers

  async function showDepartments(u) {
    const ticket = ++shown;
    $('unit-departments-now').hidden = !u;
    $('unit-departments-label').textContent = u ? '新增部门（每行一个，可不填）' : '部门（每行一个，可不填）';
    $('unit-departments-list').replaceChildren();
    if (!u) return;
    try {
      const d = await api(`/directory/units/${encodeURIComponent(u.id)}/departments`);
      if (ticket !== shown) return;
      const items = (d && d.items) || [];
      $('unit-departments-list').replaceChildren(...(items.length ? items.map((x) => h('li', {}, x.name))
        : [h('li', { class: 'muted' }, '暂无部门')]));
    } catch (e) {
      if (ticket === shown) $('unit-departments-list').replaceChildren(h('li', { class: 'muted' }, `部门加载失败：${e.message}`));
    }
  }

  function fill(u) {
    ensureOption(inputs.regionCode, u && u.regionCode, u && u.regionName);
    for (const [field, input] of Object.entries(inputs)) input.value = (u && u[field]) || '';
    departments.value = '';
    showDepartments(u);
  }

  function read() {
    const body = {};
    for (const [field, input] of Object.entries(inputs)) body[field] = input.value.trim();
    body.departments = departments.value.split('\n').map((d) => d.trim()).filter(Boolean);
    return body;
  }

  function localErrors(body) {
    const errors = [];
    if (!body.name) errors.push({ field: 'name', message: '请填写单位名称' });
    if (!body.regionCode) errors.push({ field: 'regionCode', message: '请选择所属区域' });
    if (!body.kind) errors.push({ field: 'kind', message: '请选择单位类型' });
    return errors;
  }

  EditDialog.create({
    prefix: 'unit',
    noun: '单位',
    list,
    notFound: '未找到该单位',
    first: inputs.name,
    fill,
    read,
    check: localErrors,
    conflicts: { unit_exists: 'name' },
    async reload(id) {
      return api(`/directory/units/${encodeURIComponent(id)}`);
    },
  });

  // ---- 导入 ----

  const importForm = $('units-import-form');
  importForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    Portal.clearErrors(importForm);
    $('units-import-result').hidden = true;
    $('units-import-errors').hidden = true;
    const file = $('units-file').files[0];
    if (!file) {
      Portal.showFieldErrors(importForm, [{ field: 'file', message: '请选择 CSV 文件' }]);
      return;
    }
    $('units-import').disabled = true;
    importForm.setAttribute('aria-busy', 'true');
    try {
      const r = await api('/directory/units/import', { body: file, headers: { 'Content-Type': 'text/csv' }, timeout: 120000 });
      $('units-import-result').textContent =
        `导入完成：新增单位 ${r.unitsCreated} 个，已有单位 ${r.unitsExisting} 个，新增部门 ${r.departmentsCreated} 个`;
      $('units-import-result').hidden = false;
      $('units-import-result').focus();
      importForm.reset();
      list.load();
    } catch (err) {
      if (err.status === 401) { location.replace(`/login.html${Portal.query({ next: location.pathname })}`); return; }
      const lines = (err.problem && Array.isArray(err.problem.errors)) ? err.problem.errors : [];
      if (lines.length === 1 && lines[0].field === 'file') {
        Portal.showFieldErrors(importForm, lines);
      } else {
        $('units-import-summary').textContent = err.message;
        $('units-import-lines').replaceChildren(...lines.map((l) => h('li', {}, l.message)));
        $('units-import-errors').hidden = false;
        $('units-import-errors').focus();
      }
    } finally {
      $('units-import').disabled = false;
      importForm.setAttribute('aria-busy', 'false');
    }
  });

  // ---- start ----

  list.start();
  const [regionItems, kindItems] = await Promise.all([regions, kinds]);
  const kept = { region: inputs.regionCode.value, kind: inputs.kind.value }; // the form may be open already
  for (const r of regionItems) {
    ensureOption(regionFilter, r.code, r.name);
    ensureOption(inputs.regionCode, r.code, r.name);
  }
  for (const k of kindItems) ensureOption(inputs.kind, k.code, k.name);
  inputs.regionCode.value = kept.region;
  inputs.kind.value = kept.kind;
  regionFilter.value = list.value('regionCode');
});
