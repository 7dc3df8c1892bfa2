/*
 * Reusable pop-up pickers (unit, department, major). Requires /js/portal.js to be loaded first.
 *
 *   Pickers.unit({regionCode, regionName, onSelect})    onSelect({id, name, kind, kindName, regionCode})
 *   Pickers.department({unitId, unitName, onSelect})    onSelect({id, name})
 *   Pickers.major({onSelect})                           onSelect({code, name, path})
 *   Pickers.title({onSelect})                           onSelect({code, name, levelName, seriesName})
 *
 * Form field pattern (read-only text input + hidden value input + 「选择」 button):
 *
 *   <input id="unit-name" type="text" readonly> <input id="unit-id" type="hidden">
 *   <button type="button" id="pick-unit">选择</button>
 *
 *   const unitField = Pickers.bindField({
 *     type: 'unit', input: '#unit-name', hidden: '#unit-id', button: '#pick-unit',
 *     options: () => ({regionCode, regionName}),   // read when the picker opens
 *     onChange: (value) => { ... },                // value or null after set()/clear()
 *   });
 *   unitField.set(v) / unitField.clear() / unitField.get() / unitField.enable(bool)
 *
 * Test hooks: root [data-picker] with class picker-open while open, aria-busy="true" while a
 * request (or a debounced search) is pending; .picker-search, .picker-item[data-id|data-code]
 * (.selected), .picker-node[data-code], .picker-group (a title series), .picker-confirm, .picker-cancel, .picker-prev,
 * .picker-next, .picker-pageinfo, .picker-error, .picker-empty.
 */
(function () {
  'use strict';

  const { api, query, h, debounce, NETWORK_ERROR } = window.Portal;
  const UNIT_PAGE_SIZE = 10;
  const DOUBLE_TAP_MS = 450;

  let current = null; // only one picker is open at a time
  let counter = 0;

  const keyOf = (v) => String(v.id ?? v.code);

  /**
   * The modal shell shared by all pickers: dialog, search box, error line, body, optional pager,
   * footer with the current choice and 「选定」/「取消」. Tracks busy state and selection.
   */
  function createModal({ type, title, placeholder, pager, onSelect, describe }) {
    if (current) current.close();
    const titleId = `picker-title-${++counter}`;
    const values = new WeakMap(); // item element → value
    const opener = document.activeElement;

    const search = h('input', {
      type: 'search', class: 'picker-search', placeholder, 'aria-label': placeholder,
      autocomplete: 'off', enterkeyhint: 'search',
    });
    const tools = h('div', { class: 'picker-tools' }, search);
    const error = h('p', { class: 'picker-error', role: 'alert', hidden: true });
    const body = h('div', { class: 'picker-body' });
    const chosen = h('p', { class: 'picker-chosen', 'aria-live': 'polite' }, '尚未选择');
    const confirm = h('button', { type: 'button', class: 'btn btn-primary picker-confirm', disabled: true }, '选定');
    const cancel = h('button', { type: 'button', class: 'btn picker-cancel' }, '取消');
    const closeX = h('button', { type: 'button', class: 'picker-close', 'aria-label': '关闭' }, '×');
    const prev = pager ? h('button', { type: 'button', class: 'btn btn-small picker-prev', disabled: true }, '上一页') : null;
    const next = pager ? h('button', { type: 'button', class: 'btn btn-small picker-next', disabled: true }, '下一页') : null;
    const pageinfo = pager ? h('span', { class: 'picker-pageinfo', 'aria-live': 'polite' }) : null;

    const root = h('dialog', {
      class: 'picker picker-open', 'data-picker': type, 'aria-labelledby': titleId, 'aria-busy': 'false',
    }, h('div', { class: 'picker-box' },
      h('div', { class: 'picker-head' }, h('h2', { id: titleId, class: 'picker-title' }, title), closeX),
      tools, error, body,
      pager ? h('div', { class: 'picker-pager' }, prev, pageinfo, next) : null,
      h('div', { class: 'picker-foot' }, chosen, h('div', { class: 'picker-actions' }, confirm, cancel))));

    let lastTap = { el: null, time: 0 };

    const m = {
      root, search, tools, body, prev, next, pageinfo,
      selected: null, closed: false, inflight: 0, pending: false,

      /** aria-busy reflects in-flight requests and a pending (debounced) search. */
      busy() { root.setAttribute('aria-busy', String(m.inflight > 0 || m.pending)); },

      showError(message) {
        error.textContent = message || '';
        error.hidden = !message;
      },

      /**
       * GET `path`, then call render(data) — or onError(err) — before aria-busy goes back to false.
       * isCurrent() === false drops a stale response silently.
       */
      async load(path, render, { isCurrent = () => true, onError } = {}) {
        if (m.closed) return;
        m.inflight++;
        m.busy();
        try {
          const data = await api(path);
          if (!m.closed && isCurrent()) { m.showError(''); render(data || {}); }
        } catch (e) {
          if (!m.closed && isCurrent()) {
            m.showError(e.message || NETWORK_ERROR);
            if (onError) onError(e);
          }
        } finally {
          m.inflight--;
          if (!m.closed) m.busy();
        }
      },

      /** A selectable row; `attrs` carries data-id / data-code. */
      makeItem({ value, attrs, label, sub, role = 'option' }) {
        const isSel = m.selected && keyOf(m.selected) === keyOf(value);
        const el = h('li', {
          class: 'picker-item' + (isSel ? ' selected' : ''), role, tabindex: '0',
          'aria-selected': String(!!isSel), ...attrs,
        }, h('span', { class: 'picker-label' }, label), sub ? h('span', { class: 'picker-sub' }, sub) : null);
        values.set(el, value);
        return el;
      },

      /** Replace `container` content by a list of rows, or the empty state. */
      renderItems(entries, emptyText, container = body) {
        if (!entries.length) {
          container.replaceChildren(h('p', { class: 'picker-empty' }, emptyText));
          return;
        }
        container.replaceChildren(h('ul', { class: 'picker-list', role: 'listbox', 'aria-label': title },
          entries.map((e) => m.makeItem(e))));
      },

      select(el) {
        root.querySelectorAll('.picker-item.selected').forEach((other) => {
          other.classList.remove('selected');
          other.setAttribute('aria-selected', 'false');
        });
        el.classList.add('selected');
        el.setAttribute('aria-selected', 'true');
        m.selected = values.get(el);
        confirm.disabled = false;
        chosen.textContent = '已选：' + describe(m.selected);
      },

      commit() {
        if (!m.selected || m.closed) return;
        const value = m.selected;
        m.close();
        if (onSelect) onSelect(value);
      },

      close() {
        if (m.closed) return;
        m.closed = true;
        root.classList.remove('picker-open');
        if (root.open && typeof root.close === 'function') root.close();
        root.remove();
        document.body.classList.remove('has-picker');
        if (current === m) current = null;
        if (opener && opener.focus && document.contains(opener)) opener.focus();
      },
    };

    // Row activation: click/tap selects; a second click/tap on the same row (double-click,
    // double-tap) confirms.
    function activate(el) {
      const now = Date.now();
      const twice = lastTap.el === el && now - lastTap.time < DOUBLE_TAP_MS;
      lastTap = { el, time: now };
      m.select(el);
      if (twice) m.commit();
    }
    body.addEventListener('click', (e) => {
      const el = e.target.closest('.picker-item');
      if (el && body.contains(el)) activate(el);
    });
    body.addEventListener('dblclick', (e) => {
      const el = e.target.closest('.picker-item');
      if (el && !m.closed) { m.select(el); m.commit(); }
    });
    body.addEventListener('keydown', (e) => {
      const el = e.target.closest('.picker-item, .picker-node');
      if (!el) return;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const all = [...body.querySelectorAll('.picker-item, .picker-node')].filter((x) => x.offsetParent !== null);
        const i = all.indexOf(el) + (e.key === 'ArrowDown' ? 1 : -1);
        if (i >= 0 && i < all.length) all[i].focus();
        else if (i < 0) search.focus();
      } else if (el.classList.contains('picker-item') && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        if (e.key === 'Enter' && el.classList.contains('selected')) m.commit();
        else m.select(el);
      }
    });
    search.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown') {
        const first = body.querySelector('.picker-item, .picker-node');
        if (first) { e.preventDefault(); first.focus(); }
      }
    });

    confirm.addEventListener('click', () => m.commit());
    cancel.addEventListener('click', () => m.close());
    closeX.addEventListener('click', () => m.close());
    root.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') { e.preventDefault(); m.close(); }
    });
    root.addEventListener('cancel', (e) => { e.preventDefault(); m.close(); });
    // A click on the dialog element itself is a click on the backdrop.
    root.addEventListener('click', (e) => { if (e.target === root) m.close(); });

    document.body.append(root);
    if (typeof root.showModal === 'function') root.showModal();
    else root.setAttribute('open', '');
    document.body.classList.add('has-picker');
    search.focus();
    current = m;
    return m;
  }

  // ---- unit ----

  function unit({ regionCode, regionName, onSelect } = {}) {
    const m = createModal({
      type: 'unit', title: `选择所在单位 — ${regionName || ''}`, placeholder: '输入单位名称关键字',
      pager: true, onSelect, describe: (v) => v.name,
    });
    let page = 0;
    let q = '';
    let ticket = 0;

    function load(p) {
      const t = ++ticket;
      m.pending = false;
      const path = `/directory/regions/${encodeURIComponent(regionCode)}/units` + query({ q, page: p, size: UNIT_PAGE_SIZE });
      m.load(path, (data) => {
        const items = data.items || [];
        const total = data.total ?? items.length;
        const pages = Math.max(1, Math.ceil(total / UNIT_PAGE_SIZE));
        page = data.page ?? p;
        m.renderItems(items.map((u) => ({
          value: { id: u.id, name: u.name, kind: u.kind, kindName: u.kindName, regionCode: u.regionCode },
          attrs: { 'data-id': u.id }, label: u.name, sub: u.kindName,
        })), '没有找到匹配的单位');
        m.body.scrollTop = 0;
        m.prev.disabled = page <= 0;
        m.next.disabled = page >= pages - 1;
        m.pageinfo.textContent = `第 ${page + 1} / ${pages} 页，共 ${total} 个单位`;
      }, { isCurrent: () => t === ticket });
    }

    const searchNow = () => {
      searchLater.cancel();
      q = m.search.value.trim();
      load(0);
    };
    const searchLater = debounce(searchNow, 300);
    m.search.addEventListener('input', () => { m.pending = true; m.busy(); searchLater(); });
    m.search.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') { e.preventDefault(); searchNow(); }
    });
    m.prev.addEventListener('click', () => load(page - 1));
    m.next.addEventListener('click', () => load(page + 1));
    load(0);
    return m;
  }

  // ---- department ----

  function department({ unitId, unitName, onSelect } = {}) {
    const m = createModal({
      type: 'department', title: `选择所属工作部门 — ${unitName || ''}`, placeholder: '输入部门名称筛选',
      onSelect, describe: (v) => v.name,
    });
    let all = null;
    function render() {
      const q = m.search.value.trim();
      const list = all.filter((d) => !q || String(d.name).includes(q));
      m.renderItems(list.map((d) => ({
        value: { id: d.id, name: d.name }, attrs: { 'data-id': d.id }, label: d.name,
      })), all.length ? '没有找到匹配的部门' : '该单位尚未登记部门');
    }
    m.search.addEventListener('input', () => { if (all) render(); });
    m.load(`/directory/units/${encodeURIComponent(unitId)}/departments`, (data) => {
      all = data.items || [];
      render();
    });
    return m;
  }

  // ---- major ----

  function major({ onSelect } = {}) {
    const m = createModal({
      type: 'major', title: '选择所学专业', placeholder: '输入专业名称或代码搜索',
      onSelect, describe: (v) => v.path || v.name,
    });
    const tree = h('ul', { class: 'picker-tree', role: 'tree', 'aria-label': '专业目录' });
    const results = h('div', { class: 'picker-results', hidden: true });
    m.body.append(h('p', { class: 'picker-hint' }, '按学科门类、专业类逐级展开，选择具体专业；也可直接搜索。'), tree, results);
    const hint = m.body.firstChild;

    // One tree entry: a leaf is a selectable .picker-item, anything else an expandable .picker-node.
    function entry(n, label) {
      if (n.leaf) {
        return m.makeItem({
          value: { code: n.code, name: n.name, path: n.path || n.name },
          attrs: { 'data-code': n.code }, label, sub: n.code, role: 'treeitem',
        });
      }
      const node = h('div', {
        class: 'picker-node', role: 'treeitem', tabindex: '0', 'aria-expanded': 'false', 'data-code': n.code,
      }, h('span', { class: 'picker-twisty', 'aria-hidden': 'true' }),
      h('span', { class: 'picker-label' }, label), h('span', { class: 'picker-sub' }, n.code));
      return h('li', { class: 'picker-branch', role: 'none' }, node, h('ul', { role: 'group', hidden: true }));
    }

    function fill(list, items, useLabel) {
      list.replaceChildren(...items.map((n) => entry(n, useLabel(n))));
      if (!items.length) list.append(h('li', { class: 'picker-none', role: 'none' }, '（无下级专业）'));
    }

    function toggle(node) {
      const group = node.nextElementSibling;
      if (node.getAttribute('aria-expanded') === 'true') {
        node.setAttribute('aria-expanded', 'false');
        group.hidden = true;
        return;
      }
      node.setAttribute('aria-expanded', 'true');
      group.hidden = false;
      if (node.dataset.state === 'loaded' || node.dataset.state === 'loading') return;
      node.dataset.state = 'loading';
      group.replaceChildren(h('li', { class: 'picker-none', role: 'none' }, '加载中…'));
      m.load('/directory/majors' + query({ parent: node.dataset.code }), (data) => {
        fill(group, data.items || [], (n) => n.name);
        node.dataset.state = 'loaded';
      }, {
        onError: () => {
          delete node.dataset.state;
          node.setAttribute('aria-expanded', 'false');
          group.hidden = true;
          group.replaceChildren();
        },
      });
    }

    m.body.addEventListener('click', (e) => {
      const node = e.target.closest('.picker-node');
      if (node) toggle(node);
    });
    m.body.addEventListener('keydown', (e) => {
      const node = e.target.closest('.picker-node');
      if (!node) return;
      const open = node.getAttribute('aria-expanded') === 'true';
      if (e.key === 'Enter' || e.key === ' ' || (e.key === 'ArrowRight' && !open) || (e.key === 'ArrowLeft' && open)) {
        e.preventDefault();
        toggle(node);
      }
    });

    let ticket = 0;
    function showTree(on) {
      tree.hidden = !on;
      hint.hidden = !on;
      results.hidden = on;
    }
    const searchNow = () => {
      searchLater.cancel();
      m.pending = false;
      const q = m.search.value.trim();
      const t = ++ticket;
      if (!q) { showTree(true); m.showError(''); m.busy(); return; }
      m.load('/directory/majors' + query({ q }), (data) => {
        const items = data.items || [];
        showTree(false);
        if (!items.length) {
          results.replaceChildren(h('p', { class: 'picker-empty' }, '没有找到匹配的专业'));
          return;
        }
        const list = h('ul', { class: 'picker-tree', role: 'tree', 'aria-label': '搜索结果' });
        fill(list, items, (n) => n.path || n.name);
        const total = data.total ?? items.length;
        // (replaceChildren would write a null as the text "null")
        results.replaceChildren(...[
          total > items.length ? h('p', { class: 'picker-hint' }, `共匹配 ${total} 项，仅显示前 ${items.length} 项，请输入更准确的关键字。`) : null,
          list].filter(Boolean));
      }, { isCurrent: () => t === ticket });
    };
    const searchLater = debounce(searchNow, 300);
    m.search.addEventListener('input', () => {
      if (!m.search.value.trim()) { searchNow(); return; }
      m.pending = true;
      m.busy();
      searchLater();
    });
    m.search.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') { e.preventDefault(); searchNow(); }
    });

    m.load('/directory/majors', (data) => fill(tree, data.items || [], (n) => n.name));
    return m;
  }

  // ---- title (专业技术职务): one list per series, filtered as you type ----

  function title({ onSelect } = {}) {
    const m = createModal({
      type: 'title', title: '选择专业技术职务', placeholder: '输入职务、系列或级别筛选',
      onSelect, describe: (v) => (v.levelName ? `${v.name}（${v.levelName}）` : v.name),
    });
    let all = null;
    function render() {
      const q = m.search.value.trim();
      const hits = all.filter((t) => !q || [t.name, t.seriesName, t.levelName].some((s) => String(s || '').includes(q)));
      if (!hits.length) {
        m.body.replaceChildren(h('p', { class: 'picker-empty' }, all.length ? '没有找到匹配的职务' : '暂无专业技术职务'));
        return;
      }
      const groups = new Map();
      for (const t of hits) {
        const key = t.seriesCode || t.seriesName || '';
        if (!groups.has(key)) groups.set(key, { name: t.seriesName || '其他', items: [] });
        groups.get(key).items.push(t);
      }
      m.body.replaceChildren(...[...groups.values()].map((g) => h('section', { class: 'picker-group' },
        h('h3', { class: 'picker-group-title' }, g.name),
        h('ul', { class: 'picker-list', role: 'listbox', 'aria-label': g.name }, g.items.map((t) => m.makeItem({
          value: { code: t.code, name: t.name, levelName: t.levelName, seriesName: t.seriesName },
          attrs: { 'data-code': t.code }, label: t.name, sub: t.levelName,
        }))))));
    }
    m.search.addEventListener('input', () => { if (all) render(); });
    m.load('/directory/titles', (data) => {
      all = data.items || [];
      render();
    });
    return m;
  }

  // ---- form field binding ----

  function bindField({ type, input, hidden, button, options, onChange, display }) {
    const $ = (x) => (typeof x === 'string' ? document.querySelector(x) : x);
    const nameEl = $(input);
    const valueEl = $(hidden);
    const btn = $(button);
    const key = type === 'major' || type === 'title' ? 'code' : 'id';
    const show = display || ((v) => v.name);
    let value = null;

    const field = {
      get: () => value,
      set(v) {
        value = v || null;
        nameEl.value = value ? show(value) : '';
        nameEl.title = value && value.path ? value.path : '';
        valueEl.value = value ? String(value[key]) : '';
        valueEl.dispatchEvent(new Event('change', { bubbles: true }));
        if (onChange) onChange(value);
      },
      clear() { field.set(null); },
      enable(on) {
        btn.disabled = !on;
        nameEl.classList.toggle('is-disabled', !on);
      },
      open() {
        if (btn.disabled) return;
        const opts = typeof options === 'function' ? options() : options || {};
        if (opts === false) return;
        btn.focus();
        Pickers[type]({ ...opts, onSelect: (v) => field.set(v) });
      },
    };
    nameEl.readOnly = true;
    btn.addEventListener('click', field.open);
    nameEl.addEventListener('click', field.open);
    nameEl.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); field.open(); }
    });
    return field;
  }

  const Pickers = { unit, department, major, title, bindField, close: () => current && current.close() };
  window.Pickers = Pickers;
})();
