// 基地管理 (ops): the accredited continuing-education bases, searched by 名称或认定编号 and 所在地区
// (GET /api/ops/bases), 20 a page. 新增基地 (#base-new) and 编辑 (.base-edit) open one form (#base-dialog, #base-form):
// POST /api/ops/bases adds a base, PUT /api/ops/bases/{id} (with the version as read) changes one. Region and status
// names are the server's (regionName, statusName; regions from GET /api/directory/regions). The list, the pager and
// the form's saving are js/list-page.js's (ListPage, EditDialog).
document.addEventListener('DOMContentLoaded', async () => {
  'use strict';
  const { api, h } = Portal;
  const { dash } = ListPage;
  const $ = (id) => document.getElementById(id);

  // badge colour by status (the words come from the server)
  const TONES = { VALID: 'state-approved', LAPSED: 'state-rejected' };

  const user = await Portal.requireLogin(['OPS']);
  if (!user) return;

  const regionFilter = $('bases-region');

  // ---- regions (both selects) ----

  const regions = api('/directory/regions').then((d) => (d && Array.isArray(d.items) ? d.items : []), (e) => {
    if (e.status !== 401) Portal.toast(`地区列表加载失败：${e.message}`, 'error', 6000);
    return [];
  });

  /** Make sure `select` offers `code` (a region no longer in the directory shows with the server's name). */
  function ensureOption(select, code, name) {
    if (!code || [...select.options].some((o) => o.value === code)) return;
    select.append(h('option', { value: code }, name || code));
  }

  function addRegions(select, items) {
    for (const r of items) ensureOption(select, r.code, r.name);
  }

  // ---- the list: a table on wide screens, stacked cards on phones (CSS) ----

  function badge(b) {
    return h('span', { class: `state-badge base-status ${TONES[b.status] || ''}`.trim(), 'data-status': b.status || null },
      b.statusName || b.status || '—');
  }

  function row(b, saved) {
    const { cell } = list;
    return h('tr', {
      role: 'row', class: `base-row${saved ? ' is-saved' : ''}`, 'data-base-id': b.id, 'data-status': b.status || null,
    },
    cell(0, dash(b.name), 'base-name'),
    cell(1, dash(b.regionName || b.regionCode), 'base-region'),
    cell(2, dash(b.accreditationNo), 'base-accreditation'),
    cell(3, h('span', { class: 'base-validity-text' },
      h('span', { class: 'nowrap' }, dash(b.validFrom)), ' 至 ', h('span', { class: 'nowrap' }, dash(b.validTo))), 'base-validity'),
    cell(4, badge(b), 'base-state'),
    cell(5, h('button', {
      type: 'button', class: 'btn btn-small base-edit', 'aria-haspopup': 'dialog', 'aria-label': `编辑：${b.name || ''}`,
    }, '编辑'), 'base-actions'));
  }

  const list = ListPage.create({
    prefix: 'bases',
    path: '/ops/bases',
    noun: '基地',
    empty: '暂无基地，点击「新增基地」添加。',
    filters: [{ key: 'regionCode', param: 'region', control: regionFilter }],
    row,
    idAttribute: 'data-base-id',
    editButton: '.base-edit',
  });

  // ---- the form: 新增基地 and 编辑 ----

  const inputs = {
    name: $('base-name'), regionCode: $('base-region'), accreditationNo: $('base-accreditation'),
    validFrom: $('base-valid-from'), validTo: $('base-valid-to'),
  };

  function fill(b) {
    ensureOption(inputs.regionCode, b && b.regionCode, b && b.regionName);
    for (const [field, input] of Object.entries(inputs)) input.value = (b && b[field]) || '';
  }

  function read() {
    const body = {};
    for (const [field, input] of Object.entries(inputs)) body[field] = input.value.trim();
    return body;
  }

  /** What the page can tell before asking the server: the missing fields, an end before the start. */
  function localErrors(body) {
    const errors = [];
    if (!body.name) errors.push({ field: 'name', message: '请填写基地名称' });
    if (!body.regionCode) errors.push({ field: 'regionCode', message: '请选择基地所在地区' });
    if (!body.accreditationNo) errors.push({ field: 'accreditationNo', message: '请填写认定编号' });
    // an <input type=date> with a half-typed date has an empty value but reports badInput
    if (!body.validFrom) errors.push({ field: 'validFrom', message: inputs.validFrom.validity.badInput ? '请填写完整的开始日期' : '请填写认定有效期的开始日期' });
    if (!body.validTo) errors.push({ field: 'validTo', message: inputs.validTo.validity.badInput ? '请填写完整的结束日期' : '请填写认定有效期的结束日期' });
    if (body.validFrom && body.validTo && body.validTo < body.validFrom) errors.push({ field: 'validTo', message: '结束日期不能早于开始日期' });
    return errors;
  }

  const editor = EditDialog.create({
    prefix: 'base',
    noun: '基地',
    list,
    notFound: '未找到该继续教育基地',
    first: inputs.name,
    fill,
    read,
    check: localErrors,
    conflicts: { accreditation_taken: 'accreditationNo' },
    /** After a stale version: the list again, and this base as it now shows there. */
    async reload(id) {
      await list.load();
      const fresh = list.item(id);
      if (!fresh && editor.isOpen) {
        editor.close();
        Portal.toast('该基地不在当前列表中，请查询后再编辑。', 'error', 6000);
      }
      return fresh;
    },
  });

  // ---- start ----

  list.start();
  const items = await regions;
  const kept = inputs.regionCode.value; // the form may be open already
  addRegions(regionFilter, items);
  addRegions(inputs.regionCode, items);
  inputs.regionCode.value = kept;
  const regionCode = list.value('regionCode');
  const known = list.items().find((b) => b.regionCode === regionCode);
  ensureOption(regionFilter, regionCode, known && known.regionName);
  regionFilter.value = regionCode;
});
