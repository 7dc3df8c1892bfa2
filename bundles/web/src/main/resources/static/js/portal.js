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
 * Session: Portal.me() (cached GET /api/me, null when not logged in), Portal.requireLogin(roles),
 * Portal.logout(). A user who logged in with a temporary password (GET /api/me → mustChangePassword) is sent
 * to 修改密码 (Portal.TEMPORARY_PASSWORD_PAGE) by Portal.requireLogin and by any call the server refuses with
 * 403 `password_change_required`; until then the header offers no page that needs a login.
 * Every non-GET call made through Portal.api carries the X-CSRF-Token header
 * (token from the login answer or /api/me); a 403 `csrf_failed` refreshes the token once and retries.
 * Portal.getCsrfToken() gives the token to calls made without Portal.api (XMLHttpRequest uploads).
 * Installed functions: Portal.installed() resolves with has(path), true when that REST path (as
 * GET /api/portal → apis lists it, e.g. "/declarations") is active now; a function whose path is not
 * installed shows as 「即将开放」 (header entries, home page tiles, 个人后台 cards).
 * The header shows the unread message count (#unread-count, a link to 消息中心) to anyone logged in (while 消息中心 is installed);
 * Portal.refreshUnread() asks for it again after a page changed it.
 *
 * Forms: elements [data-error-for="<field>"] show server field errors (Portal.showErrors);
 * the control of a field is [data-field="<field>"], else [name="<field>"], else #<field>.
 *
 * Exposes the global `Portal`.
 */
(function () {
  'use strict';

  const NETWORK_ERROR = '网络异常，请稍后重试';
  const DEFAULT_NAME = '专业技术人员继续教育信息服务平台';
  const TIMEOUT_MS = 20000;
  const TOKEN_KEY = 'ceportal.csrfToken';
  const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];
  // where a user who still has a temporary password (set by an administrator) must go first
  const PASSWORD_PAGE = '/password.html';
  const TEMPORARY_PASSWORD_PAGE = '/password.html?reason=temporary';


  // Main navigation. An entry with `api` (a REST path as GET /api/portal → apis lists it) is a link only while
  // that path is installed, else it shows as 「即将开放」; it does not show until /api/portal has answered.
  // `auth: 'anonymous'` entries show only when nobody is logged in, `auth: 'user'` entries only when someone is
  // (the user's name and 「退出」 are added after them); neither shows until GET /api/me has answered. `roles`
  // limits an entry to users of those roles. A user who must first replace a temporary password sees no
  // `auth: 'user'` entry. Each link carries data-nav="<key>" and data-available="true|false".
  const navItems = [
    { key: 'index', label: '首页', href: '/' },
    { key: 'directory', label: '单位与专业查询', href: '/directory.html', api: '/directory/regions' },
    { key: 'register', label: '注册', href: '/register.html', auth: 'anonymous', api: '/registrations' },
    { key: 'login', label: '登录', href: '/login.html', auth: 'anonymous', api: '/sessions' },
    { key: 'home', label: '个人后台', href: '/home.html', auth: 'user' },
    { key: 'declare', label: '学时学分申报', href: '/declare.html', auth: 'user', roles: ['PROFESSIONAL'], api: '/declarations' },
    { key: 'progress', label: '申报进度查询', href: '/progress.html', auth: 'user', roles: ['PROFESSIONAL'], api: '/declarations' },
    { key: 'completion', label: '年度完成情况', href: '/completion.html', auth: 'user', roles: ['PROFESSIONAL'], api: '/me/completion' },
    { key: 'profile', label: '用户资料管理', href: '/profile.html', auth: 'user', roles: ['PROFESSIONAL'], api: '/me/profile' },
    { key: 'review', label: '审核中心', href: '/review.html', auth: 'user', roles: ['UNIT_ADMIN', 'OPS'], api: '/review/inbox' },
    { key: 'people', label: '人员管理', href: '/unit-people.html', auth: 'user', roles: ['UNIT_ADMIN'], api: '/unit/people' },
    { key: 'unit-report', label: '单位统计报表', href: '/unit-report.html', auth: 'user', roles: ['UNIT_ADMIN'], api: '/unit/reports/completion' },
    { key: 'province-report', label: '全省统计报表', href: '/province-report.html', auth: 'user', roles: ['OPS'], api: '/ops/reports/regions' },
    { key: 'audit', label: '审计日志', href: '/audit.html', auth: 'user', roles: ['UNIT_ADMIN', 'OPS'], api: '/review/audit' },
    { key: 'requirements', label: '学时要求设置', href: '/requirements.html', auth: 'user', roles: ['OPS'], api: '/ops/requirements' },
    { key: 'staff', label: '账号管理', href: '/staff.html', auth: 'user', roles: ['OPS'], api: '/ops/accounts' },
    { key: 'bases', label: '基地管理', href: '/bases.html', auth: 'user', roles: ['OPS'], api: '/ops/bases' },
    { key: 'units', label: '单位管理', href: '/units.html', auth: 'user', roles: ['OPS'], api: '/directory/units' },
    { key: 'ops-forms', label: '学习形式管理', href: '/ops-forms.html', auth: 'user', roles: ['OPS'], api: '/ops/learning-forms' },
    { key: 'base-courses', label: '班次管理', href: '/base-courses.html', auth: 'user', roles: ['BASE_ADMIN'], api: '/base/courses' },
    { key: 'messages', label: '消息中心', href: '/messages.html', auth: 'user', api: '/messages' },
  ];

  // ---- CSRF token: in memory, mirrored to sessionStorage so the next page load has it at once ----

  function readStoredToken() {
    try { return sessionStorage.getItem(TOKEN_KEY) || null; } catch (e) { return null; }
  }
  let csrfToken = readStoredToken();

  /** The current CSRF token (for calls not made through Portal.api, e.g. an XMLHttpRequest upload), or null. */
  function getCsrfToken() {
    return csrfToken;
  }

  /** Remember the CSRF token from a login answer (or forget it with null). */
  function setCsrfToken(token) {
    csrfToken = token || null;
    try {
      if (csrfToken) sessionStorage.setItem(TOKEN_KEY, csrfToken);
      else sessionStorage.removeItem(TOKEN_KEY);
    } catch (e) { /* storage unavailable (private mode): memory only */ }
  }

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

  /** `link` when it is a path on this site ("/x.html?a=1"), else null (never another origin or a script URL). */
  function localHref(link) {
    const s = String(link ?? '');
    // (browsers drop tabs and line breaks inside URLs, so "/\t/x" would become "//x": no blanks at all)
    return /^\/(?![/\\])[^\s\u0000-\u001f\u007f]*$/.test(s) ? s : null;
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
    const { body, timeout = TIMEOUT_MS, signal, headers, csrfRetried, ...rest } = options;
    const init = { credentials: 'same-origin', ...rest, headers: new Headers(headers || {}) };
    init.headers.set('Accept', 'application/json, application/problem+json');
    if (body !== undefined) {
      const raw = typeof body === 'string' || body instanceof FormData || body instanceof Blob || body instanceof URLSearchParams;
      init.body = raw ? body : JSON.stringify(body);
      if (!raw) init.headers.set('Content-Type', 'application/json');
      if (!init.method) init.method = 'POST';
    }
    const unsafe = !SAFE_METHODS.includes(String(init.method || 'GET').toUpperCase());
    if (unsafe && csrfToken && !init.headers.has('X-CSRF-Token')) init.headers.set('X-CSRF-Token', csrfToken);
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
      // A stale or missing CSRF token: fetch the current one once and repeat the call once.
      // (The server refused the call before doing anything, so repeating it is safe.)
      if (res.status === 403 && problem.code === 'csrf_failed' && unsafe && !csrfRetried) {
        await me({ refresh: true }).catch(() => null);
        return api(path, { ...options, csrfRetried: true });
      }
      // Logged in with a temporary password: nothing but 修改密码 works until it is replaced.
      if (res.status === 403 && problem.code === 'password_change_required') toPasswordChange();
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

  /**
   * Resolves (after GET /api/portal answered; never rejects) with `has(path)`: true when the REST path
   * (written as the server lists it in `apis`, e.g. "/declarations", "/me/completion") belongs to a bundle
   * that is active now. `has()` without a path is true. When the server did not list its paths at all
   * (/api/portal failed) every path counts as installed: the page behind a function then reports any
   * failure itself, instead of every function claiming 「即将开放」.
   */
  function installed() {
    return info().then((cfg) => {
      const paths = Array.isArray(cfg.apis) ? new Set(cfg.apis) : null;
      return (path) => !path || !paths || paths.has(path);
    });
  }

  // ---- session ----

  let mePromise = null;

  /**
   * The logged-in user {accountId, login, name, role, roleName, unitId, unitName, baseId, baseName, mustChangePassword,
   * csrfToken} (baseId/baseName: a 继续教育基地管理员's base, else null), or null when
   * nobody is logged in (401). Cached per page; `{refresh: true}` asks the server again. Rejects
   * (with the Chinese message) only when the server cannot be asked; failures are not cached.
   */
  function me({ refresh = false } = {}) {
    if (!mePromise || refresh) {
      const p = api('/me').then((user) => {
        setCsrfToken(user && user.csrfToken);
        return user || null;
      }, (e) => {
        if (e.status === 401) { setCsrfToken(null); return null; }
        throw e;
      }).then((user) => { updateNav(user); return user; });
      p.catch(() => { if (mePromise === p) mePromise = null; });
      mePromise = p;
    }
    return mePromise;
  }

  /** The zh-CN name of a role, as the server names it (GET /api/portal → roles). */
  async function roleLabel(role) {
    const roles = (await info()).roles || [];
    const r = roles.find((x) => x.role === role);
    return (r && r.name) || role || '';
  }

  /** Replace the page's <main> by a short notice (used when the page cannot be shown). */
  function showNotice(title, message, links) {
    const main = document.getElementById('main') || document.querySelector('main');
    if (!main) return;
    main.removeAttribute('aria-busy');
    main.replaceChildren(h('section', { class: 'card notice', id: 'page-notice' },
      h('h1', null, title),
      message ? h('p', null, message) : null,
      h('p', { class: 'notice-links' }, (links || []).map((l) => h('a', { class: 'btn', href: l.href }, l.label)))));
  }

  /**
   * Send the browser to 修改密码 (?reason=temporary), unless it is there already.
   * Returns true when it is on its way there.
   */
  function toPasswordChange() {
    if (location.pathname === PASSWORD_PAGE) return false;
    location.replace(TEMPORARY_PASSWORD_PAGE);
    return true;
  }

  /**
   * Resolves with the user when someone is logged in (and, if `roles` is given, has one of them).
   * Otherwise it sends the browser to the login page (with next=this page), to 修改密码 (the user
   * still has a temporary password) or shows 「无权访问此页面」, and resolves with null: the page must then stop.
   */
  async function requireLogin(roles) {
    let user;
    try {
      user = await me();
    } catch (e) {
      showNotice('暂时无法打开此页面', e.message || NETWORK_ERROR, [{ label: '重新加载', href: location.pathname + location.search }]);
      return null;
    }
    if (!user) {
      location.replace('/login.html' + query({ next: location.pathname + location.search }));
      return null;
    }
    if (user.mustChangePassword && toPasswordChange()) return null;
    const allowed = roles == null ? null : [].concat(roles);
    if (allowed && allowed.length && !allowed.includes(user.role)) {
      const wanted = (await Promise.all(allowed.map(roleLabel))).join('、');
      showNotice('无权访问此页面', `您当前以「${user.roleName}」身份登录，本页面仅供${wanted}使用。`,
        [{ label: '返回个人后台', href: '/home.html' }, { label: '返回首页', href: '/' }]);
      return null;
    }
    return user;
  }

  /** Log out (DELETE /api/sessions/current), forget the session, then go to `redirect` (default "/"). */
  async function logout({ redirect = '/' } = {}) {
    try {
      await api('/sessions/current', { method: 'DELETE' });
    } catch (e) {
      if (e.status !== 401) throw e; // 401: the session had already ended
    }
    setCsrfToken(null);
    mePromise = Promise.resolve(null);
    if (redirect) location.assign(redirect);
  }

  // ---- form errors ----

  const cssEscape = (v) => (window.CSS && CSS.escape ? CSS.escape(v) : String(v).replace(/["\\]/g, '\\$&'));
  const slotOf = (form, field) => form.querySelector(`[data-error-for="${cssEscape(field)}"]`);

  function controlOf(form, field) {
    const f = cssEscape(field);
    return form.querySelector(`[data-field="${f}"]`) || form.querySelector(`[name="${f}"]`) || form.querySelector(`#${f}`);
  }

  /** The control and, for a radio group, all its radios. */
  function controlsOf(form, field) {
    const control = controlOf(form, field);
    if (!control) return [];
    return control.type === 'radio' ? [...form.querySelectorAll(`[name="${cssEscape(control.name)}"]`)] : [control];
  }

  /** Hide every field error inside `form` (or only that of `field`). */
  function clearErrors(form, field) {
    const slots = field ? [slotOf(form, field)].filter(Boolean) : [...form.querySelectorAll('[data-error-for]')];
    for (const slot of slots) {
      slot.textContent = '';
      slot.hidden = true;
      controlsOf(form, slot.dataset.errorFor).forEach((c) => c.removeAttribute('aria-invalid'));
    }
  }

  /** Show `message` in the [data-error-for=field] slot; returns the field's control (or null if no slot). */
  function showFieldError(form, field, message) {
    const slot = slotOf(form, field);
    if (!slot) return null;
    // Several messages for one field are shown together.
    slot.textContent = slot.hidden || !slot.textContent ? message : `${slot.textContent}；${message}`;
    slot.hidden = false;
    const controls = controlsOf(form, field);
    controls.forEach((c) => c.setAttribute('aria-invalid', 'true'));
    return controls[0] || slot;
  }

  /**
   * Show a list of {field, message} next to their fields and focus the first bad control
   * (in document order). Returns the messages that have no slot in `form`.
   */
  function showFieldErrors(form, errors) {
    const controls = [];
    const unplaced = [];
    for (const e of errors || []) {
      if (!e) continue;
      const control = e.field ? showFieldError(form, e.field, e.message) : null;
      if (control) controls.push(control);
      else if (e.message) unplaced.push(e.message);
    }
    controls.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    const first = controls[0];
    if (first) {
      if (first.scrollIntoView) first.scrollIntoView({ block: 'center' });
      if (first.focus) first.focus({ preventScroll: true });
    }
    return unplaced;
  }

  /**
   * Show an API failure: the problem's field errors next to their fields (the first one focused)
   * and the message in `summary` (an element with role=alert), if given.
   * Returns true when at least one field error was placed next to its field.
   */
  function showErrors(form, err, summary) {
    clearErrors(form);
    const errors = err && err.problem && Array.isArray(err.problem.errors) ? err.problem.errors : [];
    const unplaced = showFieldErrors(form, errors);
    if (summary) {
      const message = (err && err.message) || NETWORK_ERROR;
      summary.textContent = unplaced.length ? `${message}：${unplaced.join('；')}` : message;
      summary.hidden = false;
    }
    return unplaced.length < errors.filter(Boolean).length;
  }

  /** Clear a field's error as soon as the user changes that field. */
  function clearErrorsOnInput(form) {
    const handler = (e) => {
      const t = e.target;
      if (!t || !t.dataset) return;
      const key = t.dataset.field || t.name || t.id;
      if (key && slotOf(form, key)) clearErrors(form, key);
    };
    form.addEventListener('input', handler);
    form.addEventListener('change', handler);
  }

  /** Format an ISO date-time as "yyyy-MM-dd HH:mm" in local time (the raw text when unparsable). */
  function formatDateTime(value) {
    if (!value) return '';
    const d = new Date(value);
    if (Number.isNaN(d.getTime())) return String(value);
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
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

  let navList = null;
  let navUser; // undefined until GET /api/me answered, then null or the user
  let navHas; // undefined until GET /api/portal answered, then installed()'s has(path)

  function navLink(item, here) {
    return !item.api || navHas(item.api)
      ? h('a', {
        class: 'nav-link', href: item.href, 'aria-current': item.href === here ? 'page' : null,
        'data-nav': item.key, 'data-available': 'true',
      }, item.label)
      : h('span', {
        class: 'nav-link is-disabled', 'aria-disabled': 'true', title: '即将开放',
        'data-nav': item.key, 'data-available': 'false',
      }, item.label);
  }

  function fillNav() {
    if (!navList) return;
    const here = currentPath();
    const state = navUser === undefined ? 'unknown' : navUser ? 'user' : 'anonymous';
    const restricted = passwordChangePending();
    const items = navItems.filter((item) => (!item.auth || item.auth === state)
      && (!item.api || navHas)
      && !(restricted && item.auth === 'user')
      && (!item.roles || (state === 'user' && item.roles.includes(navUser.role))));
    const entries = items.map((item) => h('li', null, navLink(item, here)));
    if (state === 'user') {
      entries.splice(entries.length - items.filter((i) => i.auth === 'user').length, 0,
        h('li', { class: 'nav-user-item' }, h('span', { class: 'nav-user', id: 'nav-user-name' }, navUser.name || navUser.login || '')));
      const out = h('button', { type: 'button', class: 'nav-link nav-button', id: 'nav-logout' }, '退出');
      out.addEventListener('click', () => {
        out.disabled = true;
        logout().catch((e) => { out.disabled = false; toast(e.message || NETWORK_ERROR, 'error'); });
      });
      entries.push(h('li', null, out));
    }
    navList.replaceChildren(...entries);
  }

  /** True while the logged-in user still has to replace a temporary password. */
  function passwordChangePending() {
    return !!(navUser && navUser.mustChangePassword);
  }

  /** Show the logged-in user (or the 注册/登录 links) in the header. */
  function updateNav(user) {
    navUser = user || null;
    fillNav();
    updateUnread();
  }

  /** Show the header's unread count once someone is logged in and 消息中心 is installed. */
  function updateUnread() {
    const unread = !!(navUser && !passwordChangePending() && navHas && navHas('/messages'));
    if (unreadLink) unreadLink.hidden = !unread;
    if (unread && !unreadAsked) { unreadAsked = true; refreshUnread(); }
  }

  // ---- unread messages: a badge in the header for anyone logged in ----

  let unreadLink = null;
  let unreadAsked = false;

  function showUnread(count) {
    if (!unreadLink) return;
    const n = Math.max(0, Math.floor(Number(count)) || 0);
    unreadLink.dataset.count = String(n);
    unreadLink.textContent = n > 99 ? '99+' : String(n);
    const label = n ? `消息中心，${n} 条未读消息` : '消息中心，没有未读消息';
    unreadLink.setAttribute('aria-label', label);
    unreadLink.title = label;
  }

  /** Ask GET /api/messages/unread again and update the header badge; resolves with the count (null on failure). */
  function refreshUnread() {
    return api('/messages/unread').then((d) => {
      const n = d && Number.isFinite(Number(d.count)) ? Number(d.count) : 0;
      showUnread(n);
      return n;
    }, () => null);
  }

  function renderHeader(header) {
    navList = h('ul', { class: 'nav-list' });
    fillNav();
    const list = navList;
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
    unreadLink = h('a', {
      id: 'unread-count', class: 'unread-link', href: '/messages.html',
      hidden: !navUser || passwordChangePending() || !navHas || !navHas('/messages'),
      'aria-current': currentPath() === '/messages.html' ? 'page' : null,
    });
    showUnread(0);
    header.classList.add('site-header');
    header.replaceChildren(h('div', { class: 'container header-inner' },
      h('a', { class: 'brand', href: '/' },
        h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '继'),
        h('span', { class: 'brand-name', 'data-portal-name': '' }, DEFAULT_NAME)),
      unreadLink, toggle, nav));
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
    installed().then((has) => {
      navHas = has;
      fillNav();
      updateUnread();
    });
    // One GET /api/me per page: it fills the header and refreshes the CSRF token.
    me().catch(() => updateNav(null));
  }

  /**
   * ARIA tabs over buttons that carry `data-<attr>`: a click or the arrow / Home / End
   * keys choose one, and `onChoose(value, focus)` runs when it is not the current tab.
   * Returns `mark(value, focus)`, which shows a tab as chosen (aria-selected, tabindex,
   * .is-active), labels `panel` with it and, with `focus`, moves the focus to it.
   */
  function tabs(buttons, attr, panel, onChoose) {
    function mark(value, focus) {
      buttons.forEach((b) => {
        const on = b.dataset[attr] === value;
        b.setAttribute('aria-selected', String(on));
        b.tabIndex = on ? 0 : -1;
        b.classList.toggle('is-active', on);
        if (on) {
          if (panel) panel.setAttribute('aria-labelledby', b.id);
          if (focus) b.focus();
        }
      });
    }
    buttons.forEach((b, i) => {
      b.addEventListener('click', () => { if (b.getAttribute('aria-selected') !== 'true') onChoose(b.dataset[attr]); });
      b.addEventListener('keydown', (e) => {
        let j = null;
        if (e.key === 'ArrowRight') j = (i + 1) % buttons.length;
        else if (e.key === 'ArrowLeft') j = (i - 1 + buttons.length) % buttons.length;
        else if (e.key === 'Home') j = 0;
        else if (e.key === 'End') j = buttons.length - 1;
        if (j == null) return;
        e.preventDefault();
        onChoose(buttons[j].dataset[attr], true);
      });
    });
    return mark;
  }

  // ---- amounts (hours, credits) from the server: 24, "24.50" → "24.5" ----

  /** A number from a JSON value, or null when there is none. */
  function toNumber(value) {
    if (value == null || value === '') return null;
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }

  /** An amount as people write it: at most two decimals, no trailing zeros; 「—」 for none. */
  function formatAmount(value) {
    const n = toNumber(value);
    if (n == null) return value == null || value === '' ? '—' : String(value);
    return String(Math.round(n * 100) / 100);
  }

  /** 达标 / 未达标 / 无要求 as a badge; `name` is the server's word for it (`metName`), `cls` the page's class. */
  function metBadge(met, name, cls) {
    const tone = met === true ? ' state-approved' : met === false ? ' state-rejected' : '';
    return h('span', {
      class: `state-badge${tone}${cls ? ` ${cls}` : ''}`, 'data-met': met === true ? 'true' : met === false ? 'false' : 'none',
    }, name || '');
  }

  /** The file name a Content-Disposition header gives (filename* first), without any path; else `fallback`. */
  function downloadName(disposition, fallback) {
    const d = disposition || '';
    let name = '';
    const star = /filename\*\s*=\s*[\w-]+'[^']*'([^;]+)/i.exec(d);
    if (star) {
      try { name = decodeURIComponent(star[1].trim()); } catch (e) { name = ''; }
    }
    if (!name) {
      const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/i.exec(d);
      name = plain ? (plain[1] ?? plain[2] ?? '').trim() : '';
    }
    name = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
    return name || fallback;
  }

  window.Portal = {
    api, query, escape, h, toast, debounce, info, installed, navItems, localHref, refreshUnread,
    me, requireLogin, logout, setCsrfToken, getCsrfToken, roleLabel, showNotice,
    clearErrors, showFieldError, showFieldErrors, showErrors, clearErrorsOnInput, formatDateTime, tabs,
    NETWORK_ERROR, DEFAULT_NAME, TEMPORARY_PASSWORD_PAGE, toNumber, formatAmount, metBadge, downloadName,
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', initFrame);
  else initFrame();

  // A page shown again from the back-forward cache (后退 after 退出 on a shared office PC) is
  // loaded anew, so it asks the server who is logged in instead of showing the last person's data.
  window.addEventListener('pageshow', (e) => { if (e.persisted) location.reload(); });
})();
