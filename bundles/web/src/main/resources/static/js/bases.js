// 基地管理 (ops): the accredited continuing-education bases, searched by 名称或认定编号 and 所在地区
// (GET /api/ops/bases), 20 a page. 新增基地 (#base-new) and 编辑 (.base-edit) open one form (#base-dialog, #base-form):
// POST /api/ops/bases adds a base, PUT /api/ops/bases/{id} (with the version as read) changes one. Region and status
// names are the server's (regionName, statusName; regions from GET /api/directory/regions).
document.addEventListener('DOMContentLoaded', async () => {
  'use strict';
  const { api, h, query } = Portal;
  const $ = (id) => document.getElementById(id);

  const PAGE_SIZE = 20;
  // the table's column headings, repeated on each cell for the stacked (phone) layout
  const COLUMNS = [...document.querySelectorAll('#bases-list thead th')].map((th) => th.textContent.trim());
  // badge colour by status (the words come from the server)
  const TONES = { VALID: 'state-approved', LAPSED: 'state-rejected' };

  const user = await Portal.requireLogin(['OPS']);
  if (!user) return;

  const filters = $('bases-filters');
  const qInput = $('bases-q');
  const regionFilter = $('bases-region');
  const list = $('bases-rows');
  const tableWrap = $('bases-table-wrap');
  const panel = $('bases-panel');
  const errorBox = $('bases-error');
  const savedNote = $('bases-saved-note');
  const empty = $('bases-empty');
  const count = $('bases-count');
  const pager = $('bases-pager');
  const prev = $('page-prev');
  const next = $('page-next');

  const params = new URLSearchParams(location.search);
  let q = (params.get('q') || '').trim();
  let regionCode = (params.get('region') || '').trim();
  let page = Math.max(0, Math.floor(Number(params.get('page'))) || 0);
  let total = 0;
  let ticket = 0;
  let listFailed = false;
  const shown = new Map(); // id → Base, as the table shows it
  qInput.value = q;

  function toLogin() {
    location.replace('/login.html' + query({ next: location.pathname + location.search }));
  }

  function syncUrl() {
    history.replaceState(null, '', location.pathname + query({ q, region: regionCode, page: page > 0 ? page : '' }));
  }

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

  // ---- filters ----

  function apply() {
    q = qInput.value.trim();
    regionCode = regionFilter.value;
    Portal.clearErrors(filters);
    load(0);
  }
  filters.addEventListener('submit', (e) => { e.preventDefault(); apply(); });
  regionFilter.addEventListener('change', apply);
  $('bases-reset').addEventListener('click', () => {
    qInput.value = '';
    regionFilter.value = '';
    apply();
    qInput.focus();
  });
  Portal.clearErrorsOnInput(filters);

  // ---- rows: a table on wide screens, stacked cards on phones (CSS) ----

  const dash = (v) => (v == null || v === '' ? '—' : String(v));

  function cell(i, content, cls) {
    return h('td', { role: 'cell', class: cls || null, 'data-label': COLUMNS[i] }, content);
  }

  function badge(b) {
    return h('span', { class: `state-badge base-status ${TONES[b.status] || ''}`.trim(), 'data-status': b.status || null },
      b.statusName || b.status || '—');
  }

  function row(b, saved) {
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

  function updateCounts() {
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const rows = list.children.length;
    const filtered = !!(q || regionCode);
    count.textContent = listFailed ? '' : `${filtered ? '符合条件的基地' : '全部基地'}：共 ${total} 个`;
    tableWrap.hidden = rows === 0;
    empty.textContent = filtered ? '没有符合条件的基地' : '暂无基地，点击「新增基地」添加。';
    empty.hidden = rows > 0 || listFailed;
    pager.hidden = listFailed || (total <= PAGE_SIZE && page === 0);
    prev.disabled = page <= 0;
    next.disabled = page >= pages - 1;
    $('page-info').textContent = `第 ${page + 1} / ${pages} 页，共 ${total} 个`;
  }

  /** Show page `p`; `saved` (a Base just saved) is marked, and shown on top when it is not on that page. */
  async function load(p = page, saved = null) {
    const t = ++ticket;
    const hadFocus = list.contains(document.activeElement);
    panel.setAttribute('aria-busy', 'true');
    try {
      const data = (await api('/ops/bases' + query({ q, regionCode, page: p, size: PAGE_SIZE }))) || {};
      if (t !== ticket) return;
      const items = Array.isArray(data.items) ? data.items : [];
      total = data.total ?? items.length;
      page = data.page ?? p;
      if (!items.length && page > 0 && total > 0) { load(Math.ceil(total / PAGE_SIZE) - 1, saved); return; }
      listFailed = false;
      errorBox.hidden = true;
      shown.clear();
      items.forEach((b) => shown.set(String(b.id), b));
      const onPage = saved && shown.has(String(saved.id));
      if (saved) shown.set(String(saved.id), onPage ? shown.get(String(saved.id)) : saved);
      list.replaceChildren(...(saved && !onPage ? [row(saved, true)] : []),
        ...items.map((b) => row(b, saved && String(b.id) === String(saved.id))));
      savedNote.textContent = saved && !onPage
        ? '刚保存的基地不在当前查询结果的这一页，暂时显示在列表顶部。' : '';
      savedNote.hidden = !savedNote.textContent;
      syncUrl();
      const mark = saved && list.querySelector(`tr[data-base-id="${CSS.escape(String(saved.id))}"]`);
      if (mark) {
        mark.scrollIntoView({ block: 'center' });
        mark.querySelector('.base-edit').focus({ preventScroll: true });
      } else if (hadFocus) {
        const first = list.querySelector('.base-edit');
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
  $('bases-reload').addEventListener('click', () => load());

  // ---- the form: 新增基地 and 编辑 ----

  const dialog = $('base-dialog');
  const form = $('base-form');
  const formError = $('base-form-error');
  const saveBtn = $('base-save');
  const cancelBtn = $('base-cancel');
  const inputs = {
    name: $('base-name'), regionCode: $('base-region'), accreditationNo: $('base-accreditation'),
    validFrom: $('base-valid-from'), validTo: $('base-valid-to'),
  };
  let editing = null; // the Base being changed (null: a new one)
  let opener = null;
  let busy = false;
  let handingOver = false; // the form closes because the saved row takes the focus

  function fill(b) {
    ensureOption(inputs.regionCode, b && b.regionCode, b && b.regionName);
    for (const [field, input] of Object.entries(inputs)) input.value = (b && b[field]) || '';
  }

  function clearFormErrors() {
    Portal.clearErrors(form);
    formError.className = 'alert alert-error';
    formError.replaceChildren();
    formError.hidden = true;
  }

  function openForm(b, btn) {
    editing = b || null;
    opener = btn || null;
    $('base-form-title').textContent = b ? '编辑基地' : '新增基地';
    clearFormErrors();
    fill(b);
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
    const target = opener && document.contains(opener) ? opener : $('base-new');
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

  /** 重新加载 after a stale version: the list again, and this base as it is saved now in the form. */
  async function reloadStale(id) {
    if (busy) return;
    clearFormErrors();
    setBusy(true);
    try { await load(); } finally { setBusy(false); }
    if (!dialog.open) return;
    const fresh = shown.get(String(id));
    if (!fresh) {
      closeForm();
      Portal.toast('该基地不在当前列表中，请查询后再编辑。', 'error', 6000);
      return;
    }
    editing = fresh;
    fill(fresh);
    showFormError('已载入该基地的最新内容，请核对后重新修改并保存。');
    formError.className = 'alert alert-info';
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (busy) return;
    clearFormErrors();
    const body = {};
    for (const [field, input] of Object.entries(inputs)) body[field] = input.value.trim();
    const errors = localErrors(body);
    if (errors.length) { Portal.showFieldErrors(form, errors); return; }
    const base = editing;
    const from = opener;
    if (base) body.version = base.version;
    setBusy(true);
    try {
      const saved = base
        ? await api(`/ops/bases/${encodeURIComponent(base.id)}`, { method: 'PUT', body })
        : await api('/ops/bases', { method: 'POST', body });
      setBusy(false);
      handingOver = true;
      closeForm();
      Portal.toast('已保存', 'success');
      await load(page, saved && saved.id != null ? saved : null);
      if (!list.querySelector('tr.is-saved')) (from && document.contains(from) ? from : $('base-new')).focus();
    } catch (err) {
      setBusy(false);
      const code = err.problem && err.problem.code;
      if (err.status === 401) { toLogin(); return; }
      if (err.status === 409 && code === 'accreditation_taken') {
        Portal.showFieldErrors(form, [{ field: 'accreditationNo', message: err.message }]);
      } else if (err.status === 409 && code === 'stale_version') {
        const reload = h('button', { type: 'button', class: 'btn btn-small', id: 'base-stale-reload' }, '重新加载');
        reload.addEventListener('click', () => reloadStale(base.id));
        showFormError(err.message, ' ', reload);
      } else if (err.status === 404 && base) {
        closeForm();
        Portal.toast(err.message || '未找到该继续教育基地', 'error', 6000);
        load();
      } else if (!Portal.showErrors(form, err, formError)) {
        formError.focus(); // nothing to show next to a field: the message (with any other errors) above them
      }
    }
  });

  $('base-new').addEventListener('click', (e) => openForm(null, e.currentTarget));
  list.addEventListener('click', (e) => {
    const btn = e.target.closest('.base-edit');
    const tr = btn && btn.closest('tr[data-base-id]');
    const b = tr && shown.get(tr.dataset.baseId);
    if (b) openForm(b, btn);
  });

  // ---- start ----

  $('page-loading').hidden = true;
  $('page-body').hidden = false;
  $('main').removeAttribute('aria-busy');
  load(page);
  const items = await regions;
  const kept = inputs.regionCode.value; // the form may be open already
  addRegions(regionFilter, items);
  addRegions(inputs.regionCode, items);
  inputs.regionCode.value = kept;
  const known = [...shown.values()].find((b) => b.regionCode === regionCode);
  ensureOption(regionFilter, regionCode, known && known.regionName);
  regionFilter.value = regionCode;
});
