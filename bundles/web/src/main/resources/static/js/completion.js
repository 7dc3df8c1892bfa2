// 年度完成情况: one card per year (newest first) with 达标 / 未达标 (or 无要求), progress bars for
// 公需科目 / 专业科目 / 合计 (approved against required, in the year's unit), the hours still waiting for
// review, and 「详细」: the approved declarations counted in that year (GET /api/me/completion/{year}).
// 「开具学时证明」 (.completion-proof-issue) issues that year's proof (POST /api/me/proofs) and downloads its PDF;
// #proof-list shows the proofs issued so far (GET /api/me/proofs), each with its PDF and its 在线验证 page.
document.addEventListener('DOMContentLoaded', async () => {
  'use strict';
  const { api, h, query, toast, formatDateTime } = Portal;
  const $ = (id) => document.getElementById(id);

  const user = await Portal.requireLogin(['PROFESSIONAL']);
  if (!user) return;

  const list = $('completion-list');
  const panel = $('completion-panel');
  const errorBox = $('completion-error');
  const empty = $('completion-empty');
  const count = $('completion-count');
  const reload = $('completion-reload');
  const proofList = $('proof-list');
  const proofPanel = $('proof-panel');
  const proofError = $('proof-error');
  const proofEmpty = $('proof-empty');
  const proofCount = $('proof-count');
  const enc = encodeURIComponent;

  const wanted = new URLSearchParams(location.search).get('year'); // ?year=2024 opens that year's 详细
  let ticket = 0;
  let proofTicket = 0;
  let proofs = []; // GET /me/proofs → items, newest first
  const details = new Map(); // year → GET /me/completion/{year} answer

  function toLogin() {
    location.replace('/login.html' + query({ next: location.pathname + location.search }));
  }

  const { toNumber: num, formatAmount: fmt } = Portal; // 24, "24.50" → "24.5"

  // ---- one year ----

  const PARTS = [['general', '公需科目'], ['professional', '专业科目'], ['total', '合计']];

  function bar(item, key, label) {
    const unit = item.unit || '';
    const approved = num(item.approved && item.approved[key]) ?? 0;
    const required = item.required ? num(item.required[key]) : null;
    const labelId = `completion-${item.year}-${key}-label`;
    const has = required != null && required > 0;
    const text = has ? `${fmt(approved)} / ${fmt(required)} ${unit}` : `${fmt(approved)} ${unit}`;
    const done = has && approved >= required;
    const pct = has ? Math.min(100, (approved / required) * 100) : 0;
    return h('div', { class: `completion-part completion-part-${key}${done ? ' is-done' : ''}`, 'data-part': key },
      h('p', { class: 'completion-part-head' },
        h('span', { class: 'completion-part-label', id: labelId }, label),
        h('span', { class: 'completion-part-value' }, text,
          has ? null : h('span', { class: 'muted' }, required === 0 ? '（不作要求）' : '（无要求）'))),
      has ? h('div', {
        class: 'completion-bar', role: 'progressbar', 'aria-labelledby': labelId,
        'aria-valuemin': 0, 'aria-valuemax': fmt(required), 'aria-valuenow': fmt(Math.min(approved, required)),
        'aria-valuetext': `${label} ${text}${done ? '，已达到要求' : ''}`,
      }, h('span', { class: 'completion-bar-fill', style: `width: ${pct.toFixed(1)}%` })) : null);
  }


  function proofButton(item, year) {
    const approved = num(item.approved && item.approved.total) ?? 0;
    const why = approved > 0 ? null : `该年度还没有审核通过的${item.unit || '学时'}，暂不能开具学时证明`;
    return h('button', {
      type: 'button', class: 'btn btn-small completion-proof-issue', disabled: !!why, title: why,
      'aria-describedby': `completion-year-${year}`,
    }, '开具学时证明');
  }

  function row(item) {
    const year = String(item.year);
    const detailsId = `completion-details-${year}`;
    const pending = num(item.pending) ?? 0;
    return h('li', { class: 'card completion-row', 'data-year': year },
      h('div', { class: 'completion-head' },
        h('h3', { class: 'completion-year', id: `completion-year-${year}` }, `${year} 年度`),
        Portal.metBadge(item.met, item.metName, 'completion-met'),
        h('button', {
          type: 'button', class: 'btn btn-small completion-detail-open', 'aria-expanded': 'false',
          'aria-controls': detailsId, 'aria-describedby': `completion-year-${year}`,
        }, '详细'),
        proofButton(item, year)),
      item.met == null ? h('p', { class: 'completion-note muted' }, '本年度没有适用于您的学时要求，以下仅列出已完成的情况。') : null,
      h('div', { class: 'completion-parts' }, PARTS.map(([key, label]) => bar(item, key, label))),
      pending > 0
        ? h('p', { class: 'completion-pending' }, `另有 ${fmt(pending)} ${item.unit || ''}待审核（不计入）`) : null,
      h('div', { class: 'completion-details', id: detailsId, hidden: true }));
  }

  // ---- 详细: the declarations counted in a year ----

  function detailTable(data, unit) {
    const items = (data && data.items) || [];
    if (!items.length) return h('p', { class: 'list-empty' }, '该年度暂无审核通过的继续教育记录');
    const cols = ['审核通过时间', '学习形式', '项目', '科目类别', `核定${unit}`, `计入${unit}`];
    const cell = (i, cls, ...content) => h('td', { role: 'cell', class: cls, 'data-label': cols[i] }, ...content);
    const rows = [];
    for (const it of items) {
      const cut = num(it.countedHours) != null && num(it.approvedHours) != null && num(it.countedHours) < num(it.approvedHours);
      const noteId = it.capNote ? `completion-cap-${data.year ? data.year.year : ''}-${it.declarationId}` : null;
      rows.push(h('tr', { role: 'row', class: it.capNote ? 'has-cap-note' : null, 'data-declaration-id': it.declarationId },
        cell(0, 'audit-at', formatDateTime(it.decidedAt) || '—'),
        cell(1, null, it.formName || '—'),
        cell(2, 'completion-item-title', it.title || '—'),
        cell(3, null, it.categoryName || '—'),
        cell(4, 'completion-num', fmt(it.approvedHours)),
        cell(5, `completion-num${cut ? ' is-cut' : ''}`, h('span', { 'aria-describedby': noteId }, fmt(it.countedHours)))));
      if (it.capNote) {
        rows.push(h('tr', { role: 'row', class: 'completion-cap-note', 'data-note-for': it.declarationId },
          h('td', { role: 'cell', colspan: cols.length, id: noteId }, it.capNote)));
      }
    }
    return h('div', { class: 'audit-table-wrap', role: 'region', 'aria-label': '继续教育历程明细', tabindex: 0 },
      h('table', { class: 'audit-table completion-items', role: 'table' },
        h('caption', { class: 'completion-items-caption' }, '继续教育历程明细'),
        h('thead', { role: 'rowgroup' }, h('tr', { role: 'row' },
          cols.map((c) => h('th', { role: 'columnheader', scope: 'col' }, c)))),
        h('tbody', { role: 'rowgroup' }, rows)));
  }

  async function fillDetails(el, box) {
    const year = el.dataset.year;
    const unit = (el.dataset.unit) || '';
    if (details.has(year)) {
      box.replaceChildren(detailTable(details.get(year), unit));
      return;
    }
    box.replaceChildren(h('p', { class: 'muted' }, '正在加载明细…'));
    box.setAttribute('aria-busy', 'true');
    try {
      const data = await api(`/me/completion/${enc(year)}`);
      details.set(year, data);
      const u = (data && data.year && data.year.unit) || unit;
      if (document.contains(box)) box.replaceChildren(detailTable(data, u));
    } catch (e) {
      if (e.status === 401) { toLogin(); return; }
      const retry = h('button', { type: 'button', class: 'btn btn-small' }, '重试');
      retry.addEventListener('click', () => fillDetails(el, box));
      box.replaceChildren(h('p', { class: 'alert alert-error' }, `明细加载失败：${e.message} `, retry));
    } finally {
      box.removeAttribute('aria-busy');
    }
  }

  function toggleDetails(el, open) {
    const btn = el.querySelector('.completion-detail-open');
    const box = document.getElementById(btn.getAttribute('aria-controls'));
    btn.setAttribute('aria-expanded', String(open));
    btn.textContent = open ? '收起' : '详细';
    box.hidden = !open;
    el.classList.toggle('is-open', open);
    if (open) fillDetails(el, box);
  }

  list.addEventListener('click', (e) => {
    const issue = e.target.closest('.completion-proof-issue');
    if (issue) {
      const el = issue.closest('[data-year]');
      if (el && !issue.disabled) issueProof(el.dataset.year, issue);
      return;
    }
    const btn = e.target.closest('.completion-detail-open');
    const el = btn && btn.closest('[data-year]');
    if (el) toggleDetails(el, btn.getAttribute('aria-expanded') !== 'true');
  });

  // ---- 学时证明: issue, list, download ----

  /** A link target from the server: a path on this site, or an absolute http(s) URL; else null. */
  function safeHref(link) {
    const local = Portal.localHref(link);
    if (local) return local;
    try {
      const u = new URL(String(link ?? ''));
      return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  /** Start the download of a proof's PDF (the answer is an attachment: the page stays). */
  function download(proof) {
    const href = Portal.localHref(proof && proof.pdf);
    if (!href) return;
    const a = h('a', { href, download: '', hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
  }

  function proofItem(p) {
    const status = p.status || '';
    const pdf = Portal.localHref(p.pdf);
    const verify = safeHref(p.verifyUrl);
    const what = p.title || '学时证明';
    return h('li', {
      class: `proof-item${status === 'superseded' ? ' is-superseded' : ''}`, 'data-proof-code': p.code, 'data-status': status,
    },
      h('div', { class: 'proof-main' },
        h('p', { class: 'proof-what' },
          h('strong', { class: 'proof-year' }, what),
          h('span', { class: `state-badge proof-status ${status === 'valid' ? 'state-approved' : 'state-rejected'}` },
            p.statusName || status)),
        h('p', { class: 'proof-meta' },
          h('span', null, '证明编号：', h('span', { class: 'proof-code' }, p.code || '—')),
          h('span', null, '开具时间：', formatDateTime(p.issuedAt) || '—'))),
      h('p', { class: 'proof-actions' },
        pdf ? h('a', {
          class: 'btn btn-small proof-pdf', href: pdf, download: '', 'aria-label': `下载 PDF：${what} ${p.code || ''}`,
        }, '下载 PDF') : null,
        verify ? h('a', {
          class: 'btn btn-small proof-verify', href: verify, target: '_blank', rel: 'noopener',
          'aria-label': `在线验证：${what} ${p.code || ''}（在新窗口打开）`,
        }, '在线验证') : null));
  }

  function showProofs() {
    proofList.replaceChildren(...proofs.map(proofItem));
    proofEmpty.hidden = proofs.length > 0 || !proofError.hidden;
    proofCount.textContent = proofError.hidden && proofs.length ? `共 ${proofs.length} 份` : '';
  }

  async function loadProofs() {
    const t = ++proofTicket;
    proofPanel.setAttribute('aria-busy', 'true');
    try {
      const data = (await api('/me/proofs')) || {};
      if (t !== proofTicket) return;
      proofs = data.items || [];
      proofError.hidden = true;
      showProofs();
    } catch (e) {
      if (t !== proofTicket) return;
      if (e.status === 401) { toLogin(); return; }
      const retry = h('button', { type: 'button', class: 'btn btn-small proof-retry' }, '重试');
      retry.addEventListener('click', () => loadProofs());
      proofError.replaceChildren(`学时证明列表加载失败：${e.message} `, retry);
      proofError.hidden = false;
      proofs = [];
      showProofs();
    } finally {
      if (t === proofTicket) proofPanel.setAttribute('aria-busy', 'false');
    }
  }

  async function issueProof(year, btn) {
    const label = btn.textContent;
    btn.disabled = true;
    btn.textContent = '正在开具…';
    btn.setAttribute('aria-busy', 'true');
    try {
      const known = new Set(proofs.map((p) => p.code));
      const proof = await api('/me/proofs', { method: 'POST', body: { year: Number(year) } });
      const again = proof && known.has(proof.code);
      toast(again
        ? `${year} 年度的学时情况没有变化，已下载原学时证明（编号 ${proof.code}）`
        : `已开具 ${year} 年度学时证明${proof && proof.code ? `（编号 ${proof.code}）` : ''}，正在下载 PDF`, 'success', 6000);
      await loadProofs();
      download(proof);
    } catch (e) {
      if (e.status === 401) { toLogin(); return; }
      toast(e.message || Portal.NETWORK_ERROR, 'error', 8000);
    } finally {
      if (document.contains(btn)) {
        btn.disabled = false;
        btn.textContent = label;
        btn.removeAttribute('aria-busy');
      }
    }
  }

  // ---- load ----

  async function load({ first = false } = {}) {
    const t = ++ticket;
    const hadFocus = list.contains(document.activeElement);
    const open = new Set([...list.querySelectorAll('.completion-detail-open[aria-expanded="true"]')]
      .map((b) => b.closest('[data-year]').dataset.year));
    if (first && wanted) open.add(wanted);
    panel.setAttribute('aria-busy', 'true');
    reload.disabled = true;
    try {
      const data = (await api('/me/completion')) || {};
      if (t !== ticket) return;
      const items = data.items || [];
      details.clear();
      errorBox.hidden = true;
      list.replaceChildren(...items.map((item) => {
        const el = row(item);
        el.dataset.unit = item.unit || '';
        return el;
      }));
      count.textContent = `共 ${data.total ?? items.length} 个年度`;
      empty.hidden = items.length > 0;
      for (const y of open) {
        const el = list.querySelector(`[data-year="${CSS.escape(y)}"]`);
        if (el) toggleDetails(el, true);
      }
      if (first && wanted) {
        const el = list.querySelector(`[data-year="${CSS.escape(wanted)}"]`);
        if (el) { el.scrollIntoView({ block: 'start' }); el.querySelector('.completion-detail-open').focus({ preventScroll: true }); }
      } else if (hadFocus) {
        const target = list.querySelector('.completion-detail-open');
        if (target) target.focus();
      }
    } catch (e) {
      if (t !== ticket) return;
      if (e.status === 401) { toLogin(); return; }
      const retry = h('button', { type: 'button', class: 'btn btn-small completion-retry' }, '重试');
      retry.addEventListener('click', () => load());
      errorBox.replaceChildren(`年度完成情况加载失败：${e.message} `, retry);
      errorBox.hidden = false;
      list.replaceChildren();
      empty.hidden = true;
      count.textContent = '';
    } finally {
      if (t === ticket) {
        panel.setAttribute('aria-busy', 'false');
        reload.disabled = false;
      }
    }
  }

  reload.addEventListener('click', () => { load(); loadProofs(); });

  $('page-loading').hidden = true;
  $('page-body').hidden = false;
  $('main').removeAttribute('aria-busy');
  load({ first: true });
  loadProofs();
});
