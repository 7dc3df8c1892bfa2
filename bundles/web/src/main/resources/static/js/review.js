// 审核中心 (unit admins, ops): one card per review subject with its pending count, how long the
// oldest item waits, the server's summary and a link to the subject's review page.
document.addEventListener('DOMContentLoaded', async () => {
  'use strict';
  const { api, h, query, formatDateTime } = Portal;
  const $ = (id) => document.getElementById(id);

  const user = await Portal.requireLogin(['UNIT_ADMIN', 'OPS']);
  if (!user) return;

  const list = $('review-inbox');
  const panel = $('inbox-panel');
  const errorBox = $('inbox-error');
  const empty = $('inbox-empty');
  const totalLine = $('inbox-total');
  const reload = $('inbox-reload');
  let ticket = 0;

  if (user.unitName) {
    $('inbox-lead').textContent = `「${user.unitName}」的待审核事项一览。请优先处理等待时间较长的事项。`;
  }
  // the audit log is for the same reviewers: a link under the lead
  $('inbox-lead').after(h('p', { class: 'lead-links' },
    h('a', { href: '/audit.html', id: 'review-audit-link' }, '查看审计日志'), '（登录、申报、审核等操作记录）'));

  /** "3 天" / "5 小时" / "不到 1 小时" since an ISO instant ('' when unknown). */
  function waited(iso) {
    const t = iso ? new Date(iso).getTime() : NaN;
    if (Number.isNaN(t)) return '';
    const hours = Math.floor(Math.max(0, Date.now() - t) / 3600000);
    if (hours < 1) return '不到 1 小时';
    if (hours < 48) return `${hours} 小时`;
    return `${Math.floor(hours / 24)} 天`;
  }

  function card(item, i) {
    const pending = Math.max(0, Number(item.pending) || 0);
    const href = Portal.localHref(item.link);
    const titleId = `inbox-title-${i}`;
    const wait = pending > 0 ? waited(item.oldestSubmittedAt) : '';
    return h('li', { class: `inbox-card card${pending > 0 ? ' has-pending' : ''}`, 'data-subject': item.subject || '' },
    h('h3', { class: 'inbox-label', id: titleId }, item.label || item.subject || ''),
    h('p', { class: 'inbox-count' },
      h('span', { class: 'inbox-pending', 'data-count': pending }, String(pending)),
      h('span', { class: 'inbox-unit' }, ' 条待审核')),
    wait ? h('p', { class: 'inbox-wait' }, '最早一条已等待 ', h('strong', null, wait),
      h('time', { class: 'inbox-since', datetime: item.oldestSubmittedAt }, `（${formatDateTime(item.oldestSubmittedAt)} 提交）`))
      : pending > 0 ? null : h('p', { class: 'inbox-wait muted' }, '目前没有等待审核的事项'),
    item.summary ? h('p', { class: 'inbox-summary' }, item.summary) : null,
    href ? h('p', { class: 'inbox-actions' },
      h('a', { class: `btn ${pending > 0 ? 'btn-primary' : ''} inbox-go`, href, 'aria-describedby': titleId }, '去审核'))
      : null);
  }

  async function load() {
    const t = ++ticket;
    panel.setAttribute('aria-busy', 'true');
    try {
      const data = (await api('/review/inbox')) || {};
      if (t !== ticket) return;
      const items = Array.isArray(data.items) ? data.items : [];
      errorBox.hidden = true;
      list.replaceChildren(...items.map(card));
      const pending = items.reduce((n, x) => n + (Math.max(0, Number(x.pending) || 0)), 0);
      totalLine.textContent = pending ? `共有 ${pending} 条待审核事项` : '所有事项均已审核完毕';
      empty.hidden = items.length > 0;
    } catch (e) {
      if (t !== ticket) return;
      if (e.status === 401) {
        location.replace('/login.html' + query({ next: location.pathname + location.search }));
        return;
      }
      errorBox.textContent = e.message;
      errorBox.hidden = false;
      totalLine.textContent = '';
      empty.hidden = true;
    } finally {
      if (t === ticket) panel.setAttribute('aria-busy', 'false');
    }
  }

  reload.addEventListener('click', load);
  // Coming back to this tab (e.g. after reviewing in another one): show current counts.
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') load(); });

  $('page-loading').hidden = true;
  $('page-body').hidden = false;
  $('main').removeAttribute('aria-busy');
  load();
});
