// 消息中心 (anyone logged in): the person's messages, newest first; unread ones in bold. Opening a message's
// link marks it read first; a message without a link has 标为已读; #read-all marks every message read.
// The header's unread badge (Portal.refreshUnread) follows every change.
document.addEventListener('DOMContentLoaded', async () => {
  'use strict';
  const { api, h, query, toast, formatDateTime } = Portal;
  const $ = (id) => document.getElementById(id);
  const enc = encodeURIComponent;

  const PAGE_SIZE = 20;
  const READ_WAIT_MS = 3000; // how long a click on a link waits for 「已读」 before it navigates anyway

  const user = await Portal.requireLogin();
  if (!user) return;

  const list = $('message-list');
  const panel = $('messages-panel');
  const errorBox = $('messages-error');
  const empty = $('messages-empty');
  const count = $('messages-count');
  const pager = $('messages-pager');
  const prev = $('page-prev');
  const next = $('page-next');
  const pageInfo = $('page-info');
  const readAll = $('read-all');

  let page = 0;
  let total = 0;
  let unread = null; // all unread messages (not only this page's), from GET /messages/unread
  let ticket = 0;

  function toLogin() {
    location.replace('/login.html' + query({ next: location.pathname + location.search }));
  }

  // ---- rows ----

  function row(m) {
    const id = String(m.id);
    const href = Portal.localHref(m.link);
    const titleId = `message-title-${id}`;
    const title = [
      m.read ? null : h('span', { class: 'badge badge-alert message-flag' }, '未读'),
      h('span', { class: 'message-title-text' }, m.title || '（无标题）'),
    ];
    return h('li', { class: `message-item${m.read ? '' : ' is-unread'}`, 'data-id': id, 'data-read': String(!!m.read) },
      h('h3', { class: 'message-title', id: titleId },
        href ? h('a', { class: 'message-open', href }, title) : title),
      m.body ? h('p', { class: 'message-body' }, m.body) : null,
      h('p', { class: 'message-meta' },
        h('time', { datetime: m.createdAt || null }, formatDateTime(m.createdAt)),
        !m.read && !href ? h('button', {
          type: 'button', class: 'btn btn-small mark-read', 'aria-describedby': titleId,
        }, '标为已读') : null));
  }

  function showRead(el) {
    if (!el || el.dataset.read === 'true') return;
    el.dataset.read = 'true';
    el.classList.remove('is-unread');
    const flag = el.querySelector('.message-flag');
    if (flag) flag.remove();
    const btn = el.querySelector('.mark-read');
    if (btn) {
      const refocus = btn === document.activeElement;
      btn.remove();
      if (refocus) { // keep the keyboard user's place: on the message's title
        const title = el.querySelector('.message-title');
        title.tabIndex = -1;
        title.focus();
      }
    }
  }

  // ---- counts ----

  function updateCounts() {
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const pageUnread = list.querySelectorAll('.message-item.is-unread').length;
    const n = unread ?? pageUnread;
    count.textContent = errorBox.hidden ? `共 ${total} 条消息${n ? `，其中 ${n} 条未读` : '，全部已读'}` : '';
    readAll.disabled = !n && !pageUnread;
    empty.hidden = list.children.length > 0 || !errorBox.hidden;
    pager.hidden = total <= PAGE_SIZE && page === 0;
    prev.disabled = page <= 0;
    next.disabled = page >= pages - 1;
    pageInfo.textContent = `第 ${page + 1} / ${pages} 页，共 ${total} 条`;
  }

  async function refreshUnread() {
    const n = await Portal.refreshUnread();
    if (n != null) unread = n;
    updateCounts();
  }

  async function load(p = page) {
    const t = ++ticket;
    const hadFocus = list.contains(document.activeElement);
    panel.setAttribute('aria-busy', 'true');
    try {
      const data = (await api('/messages' + query({ page: p, size: PAGE_SIZE }))) || {};
      if (t !== ticket) return;
      const received = data.items || [];
      total = data.total ?? received.length;
      page = data.page ?? p;
      if (!received.length && page > 0 && total > 0) {
        load(Math.ceil(total / PAGE_SIZE) - 1);
        return;
      }
      errorBox.hidden = true;
      list.replaceChildren(...received.map(row));
      if (hadFocus) {
        const target = list.querySelector('.message-open, .mark-read') || readAll;
        if (target && !target.disabled) target.focus();
      }
    } catch (e) {
      if (t !== ticket) return;
      if (e.status === 401) { toLogin(); return; }
      errorBox.textContent = e.message;
      errorBox.hidden = false;
      list.replaceChildren();
      total = 0;
    } finally {
      if (t === ticket) {
        panel.setAttribute('aria-busy', 'false');
        updateCounts();
      }
    }
    if (t === ticket) refreshUnread();
  }

  // ---- marking read ----

  /** POST /messages/{id}/read; resolves true when done. */
  async function markRead(el, { keepalive = false } = {}) {
    try {
      await api(`/messages/${enc(el.dataset.id)}/read`, { method: 'POST', keepalive });
      showRead(el);
      return true;
    } catch (e) {
      if (e.status === 401) { toLogin(); return false; }
      if (e.status === 404) return true; // gone meanwhile: nothing left to mark
      throw e;
    }
  }

  list.addEventListener('click', async (e) => {
    const el = e.target.closest('.message-item');
    if (!el) return;
    const link = e.target.closest('a.message-open');
    const btn = e.target.closest('button.mark-read');
    if (link) {
      if (el.dataset.read === 'true') return; // read already: an ordinary link
      if (e.ctrlKey || e.metaKey || e.shiftKey || e.altKey || e.button !== 0) {
        markRead(el, { keepalive: true }).then(refreshUnread, () => {}); // opens elsewhere: this page stays
        return;
      }
      e.preventDefault();
      const href = link.getAttribute('href');
      el.setAttribute('aria-busy', 'true');
      // never keep the user waiting on the mark: go on after READ_WAIT_MS whatever happened
      const wait = new Promise((resolve) => setTimeout(resolve, READ_WAIT_MS));
      await Promise.race([markRead(el, { keepalive: true }).catch(() => false), wait]);
      location.assign(href);
    } else if (btn) {
      if (el.getAttribute('aria-busy') === 'true') return;
      el.setAttribute('aria-busy', 'true');
      try {
        await markRead(el);
        refreshUnread();
      } catch (err) {
        toast(err.message, 'error', 6000);
      } finally {
        el.removeAttribute('aria-busy');
      }
    }
  });
  // a middle click does not fire 'click' on links in every browser
  list.addEventListener('auxclick', (e) => {
    const link = e.target.closest('a.message-open');
    const el = link && link.closest('.message-item');
    if (el && e.button === 1 && el.dataset.read !== 'true') markRead(el, { keepalive: true }).then(refreshUnread, () => {});
  });

  readAll.addEventListener('click', async () => {
    readAll.disabled = true;
    const text = readAll.textContent;
    readAll.textContent = '正在处理…';
    try {
      await api('/messages/read-all', { method: 'POST' });
      list.querySelectorAll('.message-item').forEach(showRead);
      unread = 0;
      toast('已将全部消息标为已读', 'success');
    } catch (e) {
      if (e.status === 401) { toLogin(); return; }
      toast(e.message, 'error', 6000);
    } finally {
      readAll.textContent = text;
      await refreshUnread();
      if (!readAll.disabled) readAll.focus();
      else { const first = list.querySelector('.message-open'); if (first) first.focus(); }
    }
  });

  prev.addEventListener('click', () => load(page - 1));
  next.addEventListener('click', () => load(page + 1));
  $('messages-reload').addEventListener('click', () => load());

  // ---- start ----

  $('page-loading').hidden = true;
  $('page-body').hidden = false;
  $('main').removeAttribute('aria-busy');
  load(0);
});
