// 学员导入 (js/base-import.js): the lines of an attendance list as the server judged them, and downloads.
//
// ImportView.lines({table, rows, filter, order, count, empty, pager, prev, next, info}) runs the lines table: show(lines,
// results) draws the lines ({row, idNumber, name, hours, result, resultName, message}) 200 a page (a list of 10 000
// lines must not freeze a phone), one tr.import-line[data-result=<code>][data-row=<row>] each; the filter (a <select>)
// offers 全部 and each code of `results` ({result, name}, the server's words) that some line has, with its count; the
// order is 有问题的在前 (refused, then waiting, then good lines, each by row) or 按行号. The result cell is the server's
// resultName as a badge, coloured by kind: ok / declared green, waiting amber, any other code (refused) red.
//
// ImportView.totals(el, totals, labels) fills a <dl> with the figures {rows, ok, waiting, refused}: each figure in a
// <dd data-total="rows|ok|waiting|refused">, named by labels[key].
//
// ImportView.download(url, fallbackName) fetches a file of the API and saves it under the server's name; it rejects
// with the server's message. ImportView.downloadLink(url, fallbackName, label, attrs) is an <a href=url> that does so.
//
// Needs js/portal.js before it. Exposes the global `ImportView`.
(function () {
  'use strict';
  const { h, toast } = Portal;

  const PAGE_SIZE = 200;
  const GOOD = ['ok', 'declared'];
  const RANK = { refused: 0, waiting: 1, good: 2 };

  /** good (ok, declared), waiting, or refused (any other code). */
  function kind(code) {
    if (GOOD.includes(code)) return 'good';
    return code === 'waiting' ? 'waiting' : 'refused';
  }

  const BADGE = { good: 'state-approved', waiting: 'state-pending', refused: 'state-rejected' };

  /** The line's result (the server's resultName) as a badge coloured by kind. */
  function badge(code, name) {
    const k = kind(code);
    return h('span', { class: `state-badge import-result ${BADGE[k]}`, 'data-result': code, 'data-kind': k }, name || code || '');
  }

  /** The name `results` gives a code (the code itself when it has none). */
  function nameOf(results, code) {
    const r = (results || []).find((x) => x.result === code);
    return (r && r.name) || code;
  }

  // ---- totals ----

  const TOTALS = ['rows', 'ok', 'waiting', 'refused'];

  function totals(el, figures, labels) {
    const t = figures || {};
    el.replaceChildren(...TOTALS.map((key) => h('div', { class: `import-total import-total-${key}` },
      h('dt', null, labels[key] || key),
      h('dd', { 'data-total': key }, String(Number(t[key]) || 0)))));
  }

  // ---- the lines table ----

  function lines(o) {
    const columns = [...o.table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
    let all = [];
    let shown = []; // all, filtered and ordered
    let page = 0;

    const cell = (i, content, cls) => h('td', { role: 'cell', class: cls, 'data-label': columns[i] }, content);
    const dash = (v) => (v == null || v === '' ? '—' : String(v));

    function row(l) {
      const k = kind(l.result);
      return h('tr', { role: 'row', class: `import-line is-${k}`, 'data-result': l.result || '', 'data-row': l.row },
        cell(0, dash(l.row), 'line-row'),
        cell(1, dash(l.idNumber), 'line-id'),
        cell(2, dash(l.name), 'line-name'),
        cell(3, l.hours == null || l.hours === '' ? '—' : Portal.formatAmount(l.hours), 'line-hours'),
        cell(4, badge(l.result, l.resultName), 'line-result'),
        cell(5, dash(l.message), 'line-message'));
    }

    function arrange() {
      const code = o.filter.value;
      shown = code ? all.filter((l) => l.result === code) : all.slice();
      const byRow = (a, b) => (Number(a.row) || 0) - (Number(b.row) || 0);
      if (o.order.value === 'row') shown.sort(byRow);
      else shown.sort((a, b) => RANK[kind(a.result)] - RANK[kind(b.result)] || byRow(a, b));
    }

    function draw(focusTable) {
      const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
      page = Math.min(Math.max(0, page), pages - 1);
      const from = page * PAGE_SIZE;
      const slice = shown.slice(from, from + PAGE_SIZE);
      o.rows.replaceChildren(...slice.map(row));
      o.empty.hidden = slice.length > 0;
      o.empty.textContent = all.length ? '没有符合条件的行' : '名单中没有学员';
      o.table.closest('.audit-table-wrap').hidden = slice.length === 0;
      o.count.textContent = shown.length
        ? `${o.filter.value ? '符合条件的' : '全部'} ${shown.length} 行${pages > 1 ? `，本页第 ${from + 1}–${from + slice.length} 行` : ''}`
        : '';
      o.pager.hidden = pages <= 1;
      o.prev.disabled = page <= 0;
      o.next.disabled = page >= pages - 1;
      o.info.textContent = `第 ${page + 1} / ${pages} 页`;
      if (focusTable) o.table.closest('.audit-table-wrap').scrollIntoView({ block: 'start' });
    }

    function fillFilter(results) {
      const counts = new Map();
      for (const l of all) counts.set(l.result, (counts.get(l.result) || 0) + 1);
      const known = (results || []).filter((r) => r && r.result);
      // a code that came in the lines but not in `results` still gets an entry
      for (const code of counts.keys()) {
        if (!known.some((r) => r.result === code)) known.push({ result: code, name: code });
      }
      const keep = o.filter.value;
      o.filter.replaceChildren(h('option', { value: '' }, `全部（${all.length}）`),
        ...known.filter((r) => counts.get(r.result)).map((r) => h('option', { value: r.result }, `${r.name || r.result}（${counts.get(r.result)}）`)));
      o.filter.value = keep && counts.get(keep) ? keep : '';
    }

    o.filter.addEventListener('change', () => { page = 0; arrange(); draw(); });
    o.order.addEventListener('change', () => { page = 0; arrange(); draw(); });
    o.prev.addEventListener('click', () => { page -= 1; draw(true); });
    o.next.addEventListener('click', () => { page += 1; draw(true); });

    return {
      /** Show these lines (the filter back to 全部, the first page). */
      show(list, results) {
        all = Array.isArray(list) ? list : [];
        o.filter.value = '';
        fillFilter(results);
        page = 0;
        arrange();
        draw();
      },
      clear() {
        all = [];
        shown = [];
        o.rows.replaceChildren();
      },
    };
  }

  // ---- downloads ----

  /** The message of a refused download: the problem's message, else the status. */
  async function refusal(res) {
    let problem = null;
    try { problem = await res.json(); } catch (e) { problem = null; }
    const message = problem && typeof problem === 'object' && (problem.message || problem.detail || problem.title);
    const err = new Error(message || (res.status >= 500 ? `服务暂时不可用（${res.status}），请稍后重试` : `下载失败（${res.status}）`));
    err.status = res.status;
    err.problem = problem;
    return err;
  }

  /** GET `url` and hand it to the browser as a download, under the server's file name (else `fallback`). */
  async function download(url, fallback) {
    let res;
    try {
      res = await fetch(url, { credentials: 'same-origin', headers: { Accept: '*/*, application/problem+json' } });
    } catch (e) {
      throw new Error(Portal.NETWORK_ERROR);
    }
    if (res.status === 401) {
      location.replace('/login.html' + Portal.query({ next: location.pathname + location.search }));
      return;
    }
    if (!res.ok) throw await refusal(res);
    const blob = await res.blob();
    const href = URL.createObjectURL(blob);
    const a = h('a', { href, download: Portal.downloadName(res.headers.get('Content-Disposition'), fallback), hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 60000);
  }

  /** A link to a file of the API that downloads it through `download` (a refusal shows as a toast). */
  function downloadLink(url, fallback, label, attrs) {
    const a = h('a', { ...(attrs || {}), href: url, download: fallback }, label);
    a.addEventListener('click', async (e) => {
      e.preventDefault();
      if (a.getAttribute('aria-busy') === 'true') return;
      a.setAttribute('aria-busy', 'true');
      try {
        await download(url, fallback);
      } catch (err) {
        toast(err.message || Portal.NETWORK_ERROR, 'error', 6000);
      } finally {
        a.removeAttribute('aria-busy');
      }
    });
    return a;
  }

  window.ImportView = { kind, badge, nameOf, totals, lines, download, downloadLink };
})();
