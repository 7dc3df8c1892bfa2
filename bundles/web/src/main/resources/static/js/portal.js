/*
 * Page frame and shared helpers for every portal page.
 *
 * A page includes:
 *   <link rel="stylesheet" href="/css/portal.css">
 *   <script src="/js/portal.js" defer></script>
 *   <body data-page-title="页面名称">   (optional; document title becomes "页面名称 - 平台名称")
 *   <header id="site-header"></header> ... <footer id="site-footer"></footer>
 * Elements with the attribute data-portal-name receive the configured platform name.
 *
 * Exposes the global `Portal`.
 */
(function () {
  'use strict';

  const NETWORK_ERROR = '网络异常，请稍后重试';
  const DEFAULT_NAME = '专业技术人员继续教育信息服务平台';
  const TIMEOUT_MS = 20000;

  // Main navigation. Later pages enable an entry by removing `disabled`
  // (e.g. `Portal.navItems[2].disabled = false` before DOMContentLoaded) or by editing this list.
  const navItems = [
    { label: '首页', href: '/' },
    { label: '单位与专业查询', href: '/directory.html' },
    { label: '注册', href: '/register.html', disabled: true },
    { label: '登录', href: '/login.html', disabled: true },
  ];

  const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

  /** HTML-escape any value (null/undefined become ""). */
  function escape(text) {
    return String(text ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
  }

  /**
   * Tiny DOM builder that never parses HTML: strings become text nodes.
   * h('li', {class: 'x', 'data-id': 3, onclick: fn, hidden: true}, 'text', childNode, [more])
   */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [key, val] of Object.entries(attrs || {})) {
      if (val == null || val === false) continue;
      if (key === 'class') el.className = val;
      else if (key.startsWith('on') && typeof val === 'function') el.addEventListener(key.slice(2), val);
      else el.setAttribute(key, val === true ? '' : String(val));
    }
    for (const child of children.flat(Infinity)) {
      if (child == null || child === false) continue;
      el.append(child instanceof Node ? child : String(child));
    }
    return el;
  }

  /** Build a query string from an object, skipping empty values: {q:'a', page:0} → "?q=a&page=0". */
  function query(params) {
    const sp = new URLSearchParams();
    for (const [key, val] of Object.entries(params || {})) {
      if (val != null && val !== '') sp.append(key, String(val));
    }
    const s = sp.toString();
    return s ? '?' + s : '';
  }

  function apiUrl(path) {
    if (/^https?:\/\//.test(path) || path === '/api' || path.startsWith('/api/')) return path;
    return '/api' + (path.startsWith('/') ? '' : '/') + path;
  }

  function apiError(message, problem, status) {
    const err = new Error(message);
    err.problem = problem;
    err.status = status;
    return err;
  }

  /**
   * fetch wrapper for the JSON API. `path` may be "/api/x" or just "/x" (prefixed with /api).
   * options: any fetch option; `body` (a plain object is sent as JSON; POST is implied), `timeout` (ms).
   * Resolves with the parsed JSON (null for an empty body). Rejects with an Error whose
   * `.message` is the Chinese message to show and `.problem` the problem+json body (if any).
   * A caller-triggered abort rejects with the original AbortError.
   */
  async function api(path, options = {}) {
    const { body, timeout = TIMEOUT_MS, signal, headers, ...rest } = options;
    const init = { credentials: 'same-origin', ...rest, headers: new Headers(headers || {}) };
    init.headers.set('Accept', 'application/json, application/problem+json');
    if (body !== undefined) {
      const raw = typeof body === 'string' || body instanceof FormData || body instanceof Blob || body instanceof URLSearchParams;
      init.body = raw ? body : JSON.stringify(body);
      if (!raw) init.headers.set('Content-Type', 'application/json');
      if (!init.method) init.method = 'POST';
    }
    const ctrl = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; ctrl.abort(); }, timeout);
    if (signal) {
      if (signal.aborted) ctrl.abort();
      else signal.addEventListener('abort', () => ctrl.abort(), { once: true });
    }
    init.signal = ctrl.signal;

    let res, text;
    try {
      res = await fetch(apiUrl(path), init);
      text = await res.text();
    } catch (e) {
      if (signal && signal.aborted && !timedOut) throw e;
      throw apiError(NETWORK_ERROR, null, 0);
    } finally {
      clearTimeout(timer);
    }

    let data = null;
    if (text) {
      try { data = JSON.parse(text); } catch (e) { data = undefined; }
    }
    if (!res.ok) {
      const problem = data && typeof data === 'object' ? data : { status: res.status, title: res.statusText };
      const fallback = res.status >= 500 ? `服务暂时不可用（${res.status}），请稍后重试` : `请求失败（${res.status}）`;
      throw apiError(problem.message || fallback, problem, res.status);
    }
    if (data === undefined) throw apiError('服务器返回的数据格式有误，请稍后重试', null, res.status);
    return data;
  }

  /** Portal configuration from /api/portal (cached). Never rejects; `name` always set. */
  let infoPromise = null;
  function info() {
    if (!infoPromise) {
      infoPromise = api('/portal')
        .catch(() => ({}))
        .then((d) => ({ ...(d || {}), name: (d && d.name) || DEFAULT_NAME }));
    }
    return infoPromise;
  }

  /** Non-blocking message; kind: "info" | "success" | "error". */
  function toast(message, kind = 'info', ms = 4000) {
    let area = document.getElementById('toast-area');
    if (!area) {
      area = h('div', { id: 'toast-area', class: 'toast-area' });
      document.body.append(area);
    }
    const el = h('div', { class: `toast toast-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message);
    area.append(el);
    setTimeout(() => {
      el.classList.add('toast-hide');
      setTimeout(() => el.remove(), 300);
    }, ms);
    return el;
  }

  /** Trailing-edge debounce; the returned function has .cancel(). */
  function debounce(fn, ms) {
    let timer = null;
    function debounced(...args) {
      clearTimeout(timer);
      timer = setTimeout(() => { timer = null; fn.apply(this, args); }, ms);
    }
    debounced.cancel = () => { clearTimeout(timer); timer = null; };
    return debounced;
  }

  // ---- frame ----

  function currentPath() {
    const p = location.pathname;
    return p === '/index.html' ? '/' : p;
  }

  function renderHeader(header) {
    const here = currentPath();
    const list = h('ul', { class: 'nav-list' }, navItems.map((item) => h('li', null,
      item.disabled
        ? h('span', { class: 'nav-link is-disabled', 'aria-disabled': 'true', title: '即将开放' }, item.label)
        : h('a', { class: 'nav-link', href: item.href, 'aria-current': item.href === here ? 'page' : null }, item.label))));
    const nav = h('nav', { id: 'site-nav', class: 'site-nav', 'aria-label': '主导航' }, list);
    const toggle = h('button', {
      type: 'button', class: 'nav-toggle', 'aria-controls': 'site-nav', 'aria-expanded': 'false', 'aria-label': '打开导航菜单',
    }, '☰');
    const setOpen = (open) => {
      header.classList.toggle('nav-open', open);
      toggle.setAttribute('aria-expanded', String(open));
      toggle.setAttribute('aria-label', open ? '关闭导航菜单' : '打开导航菜单');
    };
    toggle.addEventListener('click', () => setOpen(!header.classList.contains('nav-open')));
    header.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && header.classList.contains('nav-open')) { setOpen(false); toggle.focus(); }
    });
    header.classList.add('site-header');
    header.replaceChildren(h('div', { class: 'container header-inner' },
      h('a', { class: 'brand', href: '/' },
        h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '继'),
        h('span', { class: 'brand-name', 'data-portal-name': '' }, DEFAULT_NAME)),
      toggle, nav));
  }

  function renderFooter(footer, cfg) {
    const year = new Date().getFullYear();
    footer.classList.add('site-footer');
    footer.replaceChildren(h('div', { class: 'container footer-inner' },
      h('p', { class: 'footer-name' }, cfg.name),
      cfg.supportContact ? h('p', { class: 'footer-support' }, cfg.supportContact) : null,
      h('p', { class: 'footer-copy' }, `© ${year} ${cfg.name}　版权所有`)));
  }

  function applyName(name) {
    document.querySelectorAll('[data-portal-name]').forEach((el) => { el.textContent = name; });
    const page = document.body.dataset.pageTitle;
    document.title = page ? `${page} - ${name}` : name;
  }

  function initFrame() {
    const header = document.getElementById('site-header');
    const footer = document.getElementById('site-footer');
    if (header) renderHeader(header);
    if (footer) renderFooter(footer, { name: DEFAULT_NAME });
    info().then((cfg) => {
      applyName(cfg.name);
      if (footer) renderFooter(footer, cfg);
    });
  }

  window.Portal = {
    api, query, escape, h, toast, debounce, info, navItems,
    NETWORK_ERROR, DEFAULT_NAME,
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', initFrame);
  else initFrame();
})();
