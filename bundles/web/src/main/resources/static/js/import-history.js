// 学员导入 (js/base-import.js): 导入记录, the imports of one course, newest first, 20 a page
// (GET /api/base/courses/{courseId}/imports?page=&size= → {items: [Summary], total, page, size}).
//
// Each import is a tr[data-import-id] in #import-history-rows: 导入时间, 文件, 总行数/已申报/待注册/未导入 (td.history-rows,
// .history-declared, .history-waiting, .history-refused), and a.history-file 下载原文件 (/api/base/imports/{id}/file),
// a.history-refused-csv 未导入名单 (/api/base/imports/{id}/refused.csv, only when lines were refused) and
// button.history-view 查看, which calls onView(summary, button). The row shown in the lines table is marked
// (.is-shown, aria-current) with mark(id). Also #import-history-count, -reload, -error, -empty, -pager
// (#history-prev, #history-info, #history-next).
//
// Needs js/portal.js and js/import-view.js before it. Exposes the global `ImportHistory`.
(function () {
  'use strict';
  const { api, h, query, formatDateTime } = Portal;

  const PAGE_SIZE = 20;

  function create({ courseId, onView, toLogin }) {
    const $ = (id) => document.getElementById(id);
    const panel = $('import-history');
    const rows = $('import-history-rows');
    const wrap = $('import-history-wrap');
    const errorBox = $('import-history-error');
    const empty = $('import-history-empty');
    const count = $('import-history-count');
    const pager = $('import-history-pager');
    const prev = $('history-prev');
    const next = $('history-next');
    const columns = [...$('import-history-list').querySelectorAll('thead th')].map((th) => th.textContent.trim());
    const enc = encodeURIComponent;

    let page = 0;
    let total = 0;
    let ticket = 0;
    let marked = null; // the id of the import the lines table shows
    const shown = new Map(); // id → Summary

    const cell = (i, content, cls) => h('td', { role: 'cell', class: cls, 'data-label': columns[i] }, content);
    const figure = (n) => String(Number(n) || 0);

    function row(s) {
      const id = String(s.id);
      const base = `/api/base/imports/${enc(id)}`;
      const file = s.fileName || `学员名单.${s.fileType || 'xlsx'}`;
      const refused = Number(s.refused) || 0;
      const on = marked === id;
      return h('tr', {
        role: 'row', class: `import-history-row${on ? ' is-shown' : ''}`, 'data-import-id': id, 'aria-current': on ? 'true' : null,
      },
      cell(0, h('time', { datetime: s.createdAt || null }, formatDateTime(s.createdAt) || '—'), 'history-at'),
      cell(1, file, 'history-file-name'),
      cell(2, figure(s.rows), 'history-rows'),
      cell(3, figure(s.declared), 'history-declared'),
      cell(4, figure(s.waiting), 'history-waiting'),
      cell(5, figure(s.refused), `history-refused${refused ? ' has-refused' : ''}`),
      cell(6, [
        h('button', { type: 'button', class: 'btn btn-small history-view', 'aria-label': `查看：${file}` }, '查看'),
        ImportView.downloadLink(`${base}/file`, file, '下载原文件', { class: 'btn btn-small history-file', 'aria-label': `下载原文件：${file}` }),
        refused ? ImportView.downloadLink(`${base}/refused.csv`, `未导入的学员-${id}.csv`, '未导入名单',
          { class: 'btn btn-small history-refused-csv', 'aria-label': `未导入名单：${file}` }) : null,
      ], 'history-actions'));
    }

    function updateCounts(failed) {
      const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
      count.textContent = failed ? '' : `共 ${total} 次导入`;
      wrap.hidden = rows.children.length === 0;
      empty.hidden = failed || rows.children.length > 0;
      pager.hidden = failed || (total <= PAGE_SIZE && page === 0);
      prev.disabled = page <= 0;
      next.disabled = page >= pages - 1;
      $('history-info').textContent = `第 ${page + 1} / ${pages} 页，共 ${total} 次`;
    }

    async function load(p = page) {
      const t = ++ticket;
      panel.setAttribute('aria-busy', 'true');
      let failed = false;
      try {
        const data = (await api(`/base/courses/${enc(courseId)}/imports` + query({ page: p, size: PAGE_SIZE }))) || {};
        if (t !== ticket) return;
        const items = Array.isArray(data.items) ? data.items : [];
        total = data.total ?? items.length;
        page = data.page ?? p;
        if (!items.length && page > 0 && total > 0) { load(Math.ceil(total / PAGE_SIZE) - 1); return; }
        errorBox.hidden = true;
        shown.clear();
        items.forEach((s) => shown.set(String(s.id), s));
        rows.replaceChildren(...items.map(row));
      } catch (e) {
        if (t !== ticket) return;
        if (e.status === 401) { toLogin(); return; }
        failed = true;
        errorBox.textContent = e.message || Portal.NETWORK_ERROR;
        errorBox.hidden = false;
        rows.replaceChildren();
        shown.clear();
        total = 0;
      } finally {
        if (t === ticket) {
          panel.setAttribute('aria-busy', 'false');
          updateCounts(failed);
        }
      }
    }

    rows.addEventListener('click', (e) => {
      const btn = e.target.closest('button.history-view');
      const tr = btn && btn.closest('tr[data-import-id]');
      const s = tr && shown.get(tr.dataset.importId);
      if (s) onView(s, btn);
    });
    prev.addEventListener('click', () => load(page - 1));
    next.addEventListener('click', () => load(page + 1));
    $('import-history-reload').addEventListener('click', () => load());

    return {
      load,
      /** Mark the import whose lines the table shows (null: none of the history). */
      mark(id) {
        marked = id == null ? null : String(id);
        for (const tr of rows.querySelectorAll('tr[data-import-id]')) {
          const on = tr.dataset.importId === marked;
          tr.classList.toggle('is-shown', on);
          if (on) tr.setAttribute('aria-current', 'true');
          else tr.removeAttribute('aria-current');
        }
      },
    };
  }

  window.ImportHistory = { create };
})();
