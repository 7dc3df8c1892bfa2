// 学时证明验证 (public, no login): ?code=… asks GET /api/proofs/{code} and shows whether that proof is still valid
// (#verify-status, its statusName and statusNote from the server), the person and year it covers, 公需科目 / 专业科目 /
// 合计 approved against required, and the approved declarations counted. Without a code, a small form (#verify-code)
// reloads the page with ?code=.
document.addEventListener('DOMContentLoaded', async () => {
  'use strict';
  const { api, h, query, formatDateTime } = Portal;
  const $ = (id) => document.getElementById(id);
  const enc = encodeURIComponent;

  const form = $('verify-form');
  const input = $('verify-code');
  const loading = $('verify-loading');
  const errorBox = $('verify-error');
  const result = $('verify-result');
  const again = $('verify-again');

  const code = (new URLSearchParams(location.search).get('code') || '').trim();

  const { toNumber: num, formatAmount: fmt } = Portal; // 24, "24.50" → "24.5"

  /** "yyyy-MM-dd" in local time (the raw text when unparsable). */
  function formatDate(value) {
    const s = formatDateTime(value);
    return /^\d{4}-\d{2}-\d{2} /.test(s) ? s.slice(0, 10) : s;
  }

  // ---- the form ----

  function showForm(value) {
    form.hidden = false;
    input.value = value || '';
  }

  Portal.clearErrorsOnInput(form);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    Portal.clearErrors(form);
    const value = input.value.trim();
    if (!value) {
      Portal.showFieldErrors(form, [{ field: 'code', message: '请输入证明编号' }]);
      return;
    }
    location.assign(location.pathname + query({ code: value }));
  });

  // ---- the answer ----

  function dl(el, rows) {
    el.replaceChildren(...rows.filter(Boolean).flatMap(([k, v]) => {
      const none = v == null || v === '';
      return [h('dt', null, k), h('dd', { class: none ? 'none' : null }, none ? '—' : v)];
    }));
  }

  const PARTS = [['general', '公需科目'], ['professional', '专业科目'], ['total', '合计']];

  function part(v, key, label) {
    const unit = v.unit || '';
    const approved = num(v.approved && v.approved[key]) ?? 0;
    const required = v.required ? num(v.required[key]) : null;
    let text = `审核通过 ${fmt(approved)} ${unit}`;
    if (required != null && required > 0) text += `，年度要求 ${fmt(required)} ${unit}`;
    else text += required === 0 ? '（不作要求）' : '（无要求）';
    return [label, h('span', { class: `verify-num${key === 'total' ? ' verify-part-total' : ''}`, 'data-part': key }, text)];
  }


  function itemsTable(v) {
    const items = v.items || [];
    const unit = v.unit || '学时';
    if (!items.length) return h('p', { class: 'list-empty' }, '该年度没有审核通过的继续教育记录');
    const cols = ['审核通过日期', '学习形式', '名称', '类别', `计入${unit}`];
    const cell = (i, cls, ...content) => h('td', { role: 'cell', class: cls, 'data-label': cols[i] }, ...content);
    return h('div', { class: 'audit-table-wrap', role: 'region', 'aria-labelledby': 'verify-items-title', tabindex: 0 },
      h('table', { class: 'audit-table verify-items', role: 'table', 'aria-labelledby': 'verify-items-title' },
        h('thead', { role: 'rowgroup' }, h('tr', { role: 'row' },
          cols.map((c) => h('th', { role: 'columnheader', scope: 'col' }, c)))),
        h('tbody', { role: 'rowgroup' }, items.map((it) => h('tr', { role: 'row' },
          cell(0, 'audit-at', formatDate(it.decidedAt) || '—'),
          cell(1, null, it.formName || '—'),
          cell(2, 'verify-item-title', it.title || '—'),
          cell(3, null, it.categoryName || '—'),
          cell(4, 'completion-num', fmt(it.countedHours)))))));
  }

  function render(v) {
    const status = $('verify-status');
    status.dataset.status = v.status || '';
    status.replaceChildren(h('p', { class: 'verify-status-name' }, v.statusName || v.status || ''));
    if (v.statusNote) status.append(h('p', { class: 'verify-status-note' }, v.statusNote));
    dl($('verify-facts'), [
      ['证明编号', v.code ? h('span', { class: 'proof-code' }, v.code) : null],
      ['开具时间', formatDateTime(v.issuedAt)],
      ['姓名', v.name],
      ['身份证号', v.idNumber],
      ['工作单位', v.unitName],
      ['年度', v.year != null ? `${v.year} 年度` : null],
    ]);
    dl($('verify-parts'), [
      ...PARTS.map(([key, label]) => part(v, key, label)),
      ['是否达标', Portal.metBadge(v.met, v.metName, 'verify-met')],
    ]);
    $('verify-items-title').textContent = `审核通过的继续教育记录（计入${v.unit || '学时'}）`;
    $('verify-items').replaceChildren(itemsTable(v));
    result.hidden = false;
    again.hidden = false;
  }

  // ---- start ----

  $('main').removeAttribute('aria-busy');
  if (!code) {
    showForm('');
    input.focus();
    return;
  }
  loading.hidden = false;
  try {
    const v = (await api(`/proofs/${enc(code)}`)) || {};
    render(v);
  } catch (e) {
    errorBox.textContent = e.message || Portal.NETWORK_ERROR;
    errorBox.hidden = false;
    showForm(code);
  } finally {
    loading.hidden = true;
  }
});
