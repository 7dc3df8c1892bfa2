// The searchable, paged list and its add/edit dialog, shared by 基地管理 (js/bases.js) and 班次管理 (js/base-courses.js).
//
// ListPage.create({prefix, path, noun, empty, filters, row, idAttribute, editButton}) runs the list of a page whose
// elements are named after `prefix`: the search form #<prefix>-filters (#<prefix>-q, #<prefix>-reset), the panel
// #<prefix>-panel (aria-busy while loading) with #<prefix>-count, #<prefix>-reload, #<prefix>-error, #<prefix>-saved-note,
// #<prefix>-table-wrap around the table #<prefix>-list (its headings label the stacked cells on phones) and its body
// #<prefix>-rows, #<prefix>-empty, and the pager #<prefix>-pager (#page-prev, #page-info, #page-next). The query — q,
// the `filters` ({key, param, control}: a select that searches as soon as it changes) and the page — is read from the
// address and kept there; GET <path>?q=…&<key>=…&page=…&size=20 answers {items, total, page}. `row(item, saved)` draws
// one <tr> carrying `idAttribute` (data-…-id) and `editButton`, and the class is-saved when `saved`. The texts name
// the `noun` (符合条件的<noun>, 全部<noun>, 没有符合条件的<noun>, 刚保存的<noun>不在当前查询结果的这一页…);
// `empty` is what an empty list without a query says.
//
// EditDialog.create({prefix, noun, list, notFound, first, fill, read, check, conflicts, reload}) runs the add/edit
// form #<prefix>-dialog (#<prefix>-form, #<prefix>-form-title 新增<noun>/编辑<noun>, #<prefix>-form-error, #<prefix>-save,
// #<prefix>-cancel), opened by #<prefix>-new and by the rows' edit buttons of `list`: `fill(item)` puts an item (null: a
// new one) in the fields, `read()` takes the body from them, `check(body)` answers the field errors the page can tell
// itself ([{field, message}]). POST <list path> adds, PUT <list path>/{id} with the version as read changes; a 409
// whose code `conflicts` maps to a field shows next to that field, a 409 stale_version offers 重新加载
// (#<prefix>-stale-reload): `reload(id)` answers the item as it is saved now (null: nothing to show; it may throw the
// API's error), which fills the form again. A 404 on saving closes the form with the server's message, else `notFound`.
//
// Needs js/portal.js before it. Exposes the globals `ListPage` and `EditDialog`.
(function () {
  'use strict';
  const { api, h, query } = Portal;

  const PAGE_SIZE = 20;

  function toLogin() {
    location.replace('/login.html' + query({ next: location.pathname + location.search }));
  }

  /** A value as a cell shows it: 「—」 when there is none. */
  const dash = (v) => (v == null || v === '' ? '—' : String(v));

  // ---- the list ----

  function createList(o) {
    const $ = (part) => document.getElementById(`${o.prefix}-${part}`);
    const filters = $('filters');
    const qInput = $('q');
    const rows = $('rows');
    const tableWrap = $('table-wrap');
    const panel = $('panel');
    const errorBox = $('error');
    const savedNote = $('saved-note');
    const empty = $('empty');
    const count = $('count');
    const pager = $('pager');
    const prev = document.getElementById('page-prev');
    const next = document.getElementById('page-next');
    // the table's column headings, repeated on each cell for the stacked (phone) layout
    const columns = [...document.querySelectorAll(`#${o.prefix}-list thead th`)].map((th) => th.textContent.trim());
    const extras = o.filters || [];

    const params = new URLSearchParams(location.search);
    const values = { q: (params.get('q') || '').trim() }; // the query as the API takes it: q, then the filters' keys
    for (const f of extras) values[f.key] = (params.get(f.param || f.key) || '').trim();
    let page = Math.max(0, Math.floor(Number(params.get('page'))) || 0);
    let total = 0;
    let ticket = 0;
    let listFailed = false;
    const shown = new Map(); // id → item, as the table shows it
    qInput.value = values.q;

    /** The query in the address: q, the filters under their param names, the page (when not the first). */
    function syncUrl() {
      const state = { q: values.q };
      for (const f of extras) state[f.param || f.key] = values[f.key];
      state.page = page > 0 ? page : '';
      history.replaceState(null, '', location.pathname + query(state));
    }

    // ---- search ----

    function apply() {
      values.q = qInput.value.trim();
      for (const f of extras) values[f.key] = f.control.value;
      Portal.clearErrors(filters);
      load(0);
    }
    filters.addEventListener('submit', (e) => { e.preventDefault(); apply(); });
    for (const f of extras) f.control.addEventListener('change', apply);
    $('reset').addEventListener('click', () => {
      qInput.value = '';
      for (const f of extras) f.control.value = '';
      apply();
      qInput.focus();
    });
    Portal.clearErrorsOnInput(filters);

    // ---- rows: a table on wide screens, stacked cards on phones (CSS) ----

    /** The i-th cell of a row, labelled with its column's heading. */
    function cell(i, content, cls) {
      return h('td', { role: 'cell', class: cls || null, 'data-label': columns[i] }, content);
    }

    function updateCounts() {
      const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
      const rowCount = rows.children.length;
      const filtered = Object.values(values).some(Boolean);
      count.textContent = listFailed ? '' : `${filtered ? `符合条件的${o.noun}` : `全部${o.noun}`}：共 ${total} 个`;
      tableWrap.hidden = rowCount === 0;
      empty.textContent = filtered ? `没有符合条件的${o.noun}` : o.empty;
      empty.hidden = rowCount > 0 || listFailed;
      pager.hidden = listFailed || (total <= PAGE_SIZE && page === 0);
      prev.disabled = page <= 0;
      next.disabled = page >= pages - 1;
      document.getElementById('page-info').textContent = `第 ${page + 1} / ${pages} 页，共 ${total} 个`;
    }

    /** Show page `p`; `saved` (an item just saved) is marked, and shown on top when it is not on that page. */
    async function load(p = page, saved = null) {
      const t = ++ticket;
      const hadFocus = rows.contains(document.activeElement);
      panel.setAttribute('aria-busy', 'true');
      try {
        const data = (await api(o.path + query({ ...values, page: p, size: PAGE_SIZE }))) || {};
        if (t !== ticket) return;
        const items = Array.isArray(data.items) ? data.items : [];
        total = data.total ?? items.length;
        page = data.page ?? p;
        if (!items.length && page > 0 && total > 0) { load(Math.ceil(total / PAGE_SIZE) - 1, saved); return; }
        listFailed = false;
        errorBox.hidden = true;
        shown.clear();
        items.forEach((item) => shown.set(String(item.id), item));
        const savedId = saved && String(saved.id);
        const onPage = saved && shown.has(savedId);
        if (saved && !onPage) shown.set(savedId, saved);
        rows.replaceChildren(...(saved && !onPage ? [o.row(saved, true)] : []),
          ...items.map((item) => o.row(item, saved && String(item.id) === savedId)));
        savedNote.textContent = saved && !onPage
          ? `刚保存的${o.noun}不在当前查询结果的这一页，暂时显示在列表顶部。` : '';
        savedNote.hidden = !savedNote.textContent;
        syncUrl();
        const mark = saved && rows.querySelector(`tr[${o.idAttribute}="${CSS.escape(savedId)}"]`);
        if (mark) {
          mark.scrollIntoView({ block: 'center' });
          mark.querySelector(o.editButton).focus({ preventScroll: true });
        } else if (hadFocus) {
          const first = rows.querySelector(o.editButton);
          if (first) first.focus();
        }
      } catch (e) {
        if (t !== ticket) return;
        if (e.status === 401) { toLogin(); return; }
        listFailed = true;
        Portal.showErrors(filters, e, errorBox); // a bad query: next to it; the message above the list
        rows.replaceChildren();
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
    $('reload').addEventListener('click', () => load());

    return {
      path: o.path,
      cell,
      load,
      get page() { return page; },
      /** The current value of the query's `key` (q or a filter's key). */
      value: (key) => values[key],
      /** The item the table shows with this id (undefined: none). */
      item: (id) => shown.get(String(id)),
      /** The items the table shows. */
      items: () => [...shown.values()],
      /** The current page again with `saved` marked; answers whether its row is shown (and has the focus). */
      async showSaved(saved) {
        await load(page, saved && saved.id != null ? saved : null);
        return !!rows.querySelector('tr.is-saved');
      },
      /** Call `handler(item, button)` when a row's edit button is clicked. */
      onEdit(handler) {
        rows.addEventListener('click', (e) => {
          const btn = e.target.closest(o.editButton);
          const tr = btn && btn.closest(`tr[${o.idAttribute}]`);
          const item = tr && shown.get(tr.getAttribute(o.idAttribute));
          if (item) handler(item, btn);
        });
      },
      /** Show the page (it is hidden while the login is checked) and its first list. */
      start() {
        document.getElementById('page-loading').hidden = true;
        document.getElementById('page-body').hidden = false;
        document.getElementById('main').removeAttribute('aria-busy');
        load(page);
      },
    };
  }

  // ---- the add/edit dialog ----

  function createDialog(o) {
    const $ = (part) => document.getElementById(`${o.prefix}-${part}`);
    const list = o.list;
    const dialog = $('dialog');
    const form = $('form');
    const formError = $('form-error');
    const saveBtn = $('save');
    const cancelBtn = $('cancel');
    const newBtn = $('new');
    let editing = null; // the item being changed (null: a new one)
    let opener = null;
    let busy = false;
    let handingOver = false; // the form closes because the saved row takes the focus

    function clearFormErrors() {
      Portal.clearErrors(form);
      formError.className = 'alert alert-error';
      formError.replaceChildren();
      formError.hidden = true;
    }

    function show(item, btn) {
      editing = item || null;
      opener = btn || null;
      $('form-title').textContent = item ? `编辑${o.noun}` : `新增${o.noun}`;
      clearFormErrors();
      o.fill(editing);
      setBusy(false);
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      document.body.classList.add('has-picker');
      o.first.focus();
    }

    function close() {
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
      else if (dialog.hasAttribute('open')) { dialog.removeAttribute('open'); onClosed(); }
    }
    function onClosed() {
      document.body.classList.remove('has-picker');
      const target = opener && document.contains(opener) ? opener : newBtn;
      opener = null;
      editing = null;
      if (handingOver) handingOver = false;
      else if (target) target.focus();
    }
    dialog.addEventListener('close', onClosed);
    dialog.addEventListener('cancel', (e) => { if (busy) e.preventDefault(); });
    cancelBtn.addEventListener('click', () => { if (!busy) close(); });
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

    /** The item is gone (404): close the form, say so and show the list as it is now. */
    function gone(err) {
      close();
      Portal.toast(err.message || o.notFound, 'error', 6000);
      list.load();
    }

    /** 重新加载 after a stale version: the item as it is saved now, in the form. */
    async function reloadStale(id) {
      if (busy) return;
      clearFormErrors();
      setBusy(true);
      let fresh;
      try {
        fresh = await o.reload(id);
      } catch (e) {
        setBusy(false);
        if (e.status === 401) { toLogin(); return; }
        if (e.status !== 404) { showFormError(e.message || Portal.NETWORK_ERROR); return; }
        gone(e);
        return;
      }
      setBusy(false);
      if (!dialog.open || !fresh) return;
      editing = fresh;
      o.fill(fresh);
      showFormError(`已载入该${o.noun}的最新内容，请核对后重新修改并保存。`);
      formError.className = 'alert alert-info';
    }

    /** The field a 409 with this code belongs to (null: none). */
    const conflictField = (code) =>
      (o.conflicts && Object.prototype.hasOwnProperty.call(o.conflicts, code) ? o.conflicts[code] : null);

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (busy) return;
      clearFormErrors();
      const body = o.read();
      const errors = o.check(body);
      if (errors.length) { Portal.showFieldErrors(form, errors); return; }
      const item = editing;
      const from = opener;
      if (item) body.version = item.version;
      setBusy(true);
      try {
        const saved = item
          ? await api(`${list.path}/${encodeURIComponent(item.id)}`, { method: 'PUT', body })
          : await api(list.path, { method: 'POST', body });
        setBusy(false);
        handingOver = true;
        close();
        Portal.toast('已保存', 'success');
        if (!(await list.showSaved(saved))) (from && document.contains(from) ? from : newBtn).focus();
      } catch (err) {
        setBusy(false);
        const code = err.problem && err.problem.code;
        if (err.status === 401) { toLogin(); return; }
        if (err.status === 409 && conflictField(code)) {
          Portal.showFieldErrors(form, [{ field: conflictField(code), message: err.message }]);
        } else if (err.status === 409 && code === 'stale_version') {
          const reload = h('button', { type: 'button', class: 'btn btn-small', id: `${o.prefix}-stale-reload` }, '重新加载');
          reload.addEventListener('click', () => reloadStale(item.id));
          showFormError(err.message, ' ', reload);
        } else if (err.status === 404 && item) {
          gone(err);
        } else if (!Portal.showErrors(form, err, formError)) {
          formError.focus(); // nothing to show next to a field: the message (with any other errors) above them
        }
      }
    });

    newBtn.addEventListener('click', (e) => show(null, e.currentTarget));
    list.onEdit(show);

    return {
      show,
      close,
      get isOpen() { return !!dialog.open; },
    };
  }

  window.ListPage = { create: createList, dash };
  window.EditDialog = { create: createDialog };
})();
