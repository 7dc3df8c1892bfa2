// 重置密码, shared by 人员管理 (unit admins) and 账号管理 (ops): PasswordReset.start({url, name, login, opener, onGone})
// asks for confirmation (#password-reset-dialog: #password-reset-confirm 「确定重置」, #password-reset-cancel 取消),
// then POSTs `url` (…/password-reset, no body) and shows the answer {accountId, login, name, temporaryPassword}
// once in #temporary-password-dialog: #temporary-password (selectable) and 「复制」 (#temporary-password-copy).
// The temporary password leaves the page when that dialog closes. A 404 (the person is gone or not one's own)
// closes the confirmation, shows the message and calls `onGone` (the page reloads its list).
// Needs js/portal.js before it. Exposes the global `PasswordReset`.
(function () {
  'use strict';
  const { api, h, query, toast } = Portal;

  const COPY_TIMEOUT_MS = 3000;

  let confirmDialog = null; // {dialog, message, who, error, ok, cancel}
  let passwordDialog = null; // {dialog, name, login, password, copy, copied, close}
  let answer = null; // resolve function of the open confirmation
  let busy = false;
  let opener = null;
  let handingOver = false; // the confirmation closes because the temporary password is shown next

  function showModal(dialog) {
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    document.body.classList.add('has-picker');
  }

  function closeModal(dialog) {
    if (dialog.open && typeof dialog.close === 'function') dialog.close();
    else if (dialog.hasAttribute('open')) {
      dialog.removeAttribute('open');
      dialog.dispatchEvent(new Event('close'));
    }
  }

  function restoreFocus() {
    document.body.classList.remove('has-picker');
    const target = opener && document.contains(opener) ? opener : null;
    opener = null;
    if (target) target.focus();
  }

  // ---- 确定重置？ ----

  function buildConfirm() {
    const els = {
      message: h('p', { id: 'password-reset-message', class: 'password-reset-message' }),
      who: h('p', { id: 'password-reset-who', class: 'password-reset-who', hidden: true }),
      error: h('p', { class: 'alert alert-error', id: 'password-reset-error', role: 'alert', hidden: true }),
      ok: h('button', { type: 'button', id: 'password-reset-confirm', class: 'btn btn-primary btn-danger' }, '确定重置'),
      cancel: h('button', { type: 'button', id: 'password-reset-cancel', class: 'btn' }, '取消'),
    };
    els.dialog = h('dialog', {
      id: 'password-reset-dialog', class: 'modal', 'aria-labelledby': 'password-reset-title', 'aria-describedby': 'password-reset-message',
    }, h('div', { class: 'modal-box' },
      h('div', { class: 'modal-head' }, h('h2', { id: 'password-reset-title', class: 'modal-title' }, '重置密码')),
      h('div', { class: 'modal-body' }, els.message, els.who, els.error),
      h('div', { class: 'modal-foot' }, els.ok, els.cancel)));
    document.body.append(els.dialog);

    els.ok.addEventListener('click', () => { if (answer && !busy) answer(true); });
    els.cancel.addEventListener('click', () => { if (!busy) endConfirm(false); });
    els.dialog.addEventListener('click', (e) => { if (e.target === els.dialog && !busy) endConfirm(false); });
    els.dialog.addEventListener('cancel', (e) => { if (busy) e.preventDefault(); }); // Esc while the reset is sent
    els.dialog.addEventListener('close', () => {
      if (answer) { const a = answer; answer = null; a(false); }
      if (handingOver) handingOver = false;
      else restoreFocus();
    });
    return els;
  }

  /** Close the confirmation; `result` goes to whoever waits for it. */
  function endConfirm(result) {
    const a = answer;
    answer = null;
    closeModal(confirmDialog.dialog);
    if (a) a(result);
  }

  function setBusy(on) {
    busy = on;
    confirmDialog.ok.disabled = on;
    confirmDialog.cancel.disabled = on;
    confirmDialog.ok.textContent = on ? '正在重置…' : '确定重置';
    confirmDialog.dialog.setAttribute('aria-busy', String(on));
  }

  // ---- the temporary password, shown once ----

  function buildPassword() {
    const els = {
      name: h('dd', { id: 'temporary-password-name' }),
      login: h('dd', { id: 'temporary-password-login', class: 'temporary-password-login' }),
      password: h('code', { id: 'temporary-password', class: 'temporary-password', 'aria-label': '临时密码' }),
      copy: h('button', { type: 'button', id: 'temporary-password-copy', class: 'btn temporary-password-copy' }, '复制'),
      copied: h('p', { id: 'temporary-password-copied', class: 'temporary-password-copied', role: 'status', 'aria-live': 'polite' }),
      close: h('button', { type: 'button', id: 'temporary-password-close', class: 'btn btn-primary' }, '关闭'),
    };
    els.dialog = h('dialog', {
      id: 'temporary-password-dialog', class: 'modal', 'aria-labelledby': 'temporary-password-title',
      'aria-describedby': 'temporary-password-note',
    }, h('div', { class: 'modal-box' },
      h('div', { class: 'modal-head' }, h('h2', { id: 'temporary-password-title', class: 'modal-title' }, '密码已重置')),
      h('div', { class: 'modal-body' },
        h('dl', { class: 'detail-list temporary-password-who' }, h('dt', null, '姓名'), els.name, h('dt', null, '登录账号'), els.login),
        h('p', { class: 'temporary-password-label', id: 'temporary-password-label' }, '临时密码'),
        h('div', { class: 'temporary-password-row' }, els.password, els.copy),
        els.copied,
        h('p', { class: 'alert alert-warning temporary-password-note', id: 'temporary-password-note' },
          '临时密码只显示这一次，请当面或电话告知本人；本人登录后须立即修改。')),
      h('div', { class: 'modal-foot' }, els.close)));
    document.body.append(els.dialog);

    els.copy.addEventListener('click', copyPassword);
    els.close.addEventListener('click', () => closeModal(els.dialog));
    // (no closing by a click beside the dialog: the password could not be shown again)
    els.dialog.addEventListener('close', () => {
      els.password.textContent = '';
      els.copied.textContent = '';
      restoreFocus();
    });
    return els;
  }

  function selectPassword() {
    const range = document.createRange();
    range.selectNodeContents(passwordDialog.password);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  /** navigator.clipboard where the browser allows it; otherwise the text is selected (and copied if it can be). */
  async function copyPassword() {
    const text = passwordDialog.password.textContent;
    if (!text) return;
    const say = (message) => { passwordDialog.copied.textContent = message; };
    if (navigator.clipboard && typeof navigator.clipboard.writeText === 'function' && window.isSecureContext) {
      try {
        await Promise.race([
          navigator.clipboard.writeText(text),
          new Promise((resolve, reject) => { setTimeout(() => reject(new Error('timeout')), COPY_TIMEOUT_MS); }),
        ]);
        say('已复制临时密码');
        return;
      } catch (e) { /* not allowed here: select it instead */ }
    }
    selectPassword();
    let copied = false;
    try { copied = document.execCommand('copy'); } catch (e) { copied = false; }
    say(copied ? '已复制临时密码' : '已选中临时密码，请按 Ctrl+C（手机上长按）复制');
  }

  function showPassword(data, fallback) {
    if (!passwordDialog) passwordDialog = buildPassword();
    passwordDialog.name.textContent = data.name || fallback.name || '—';
    passwordDialog.login.textContent = data.login || fallback.login || '—';
    passwordDialog.password.textContent = data.temporaryPassword || '';
    passwordDialog.copied.textContent = '';
    showModal(passwordDialog.dialog);
    passwordDialog.copy.focus();
  }

  // ---- the whole step ----

  /**
   * Ask, reset (POST `url`), show the temporary password. Resolves with the server's answer, or null when the
   * user cancelled or the reset failed.
   */
  async function start({ url, name, login, opener: from, onGone } = {}) {
    if (!confirmDialog) confirmDialog = buildConfirm();
    if (answer || busy) return null;
    const who = name || login || '';
    opener = from || document.activeElement;
    confirmDialog.message.textContent = `重置后，该人员须使用临时密码登录，并在登录后立即设置新密码。确定重置 ${who} 的密码？`;
    confirmDialog.who.textContent = login && name ? `登录账号：${login}` : '';
    confirmDialog.who.hidden = !(login && name);
    confirmDialog.error.hidden = true;
    setBusy(false);
    showModal(confirmDialog.dialog);
    confirmDialog.cancel.focus();

    for (;;) {
      const yes = await new Promise((resolve) => { answer = resolve; });
      if (!yes) return null;
      answer = null;
      setBusy(true);
      confirmDialog.error.hidden = true;
      try {
        const data = (await api(url, { method: 'POST' })) || {};
        setBusy(false);
        handingOver = true;
        closeModal(confirmDialog.dialog);
        showPassword(data, { name, login });
        return data;
      } catch (e) {
        setBusy(false);
        if (e.status === 401) {
          location.replace('/login.html' + query({ next: location.pathname + location.search }));
          return null;
        }
        if (e.status === 404) {
          closeModal(confirmDialog.dialog);
          toast(e.message, 'error', 6000);
          if (typeof onGone === 'function') onGone();
          return null;
        }
        // anything else: say so and let the user try again or cancel
        confirmDialog.error.textContent = `重置失败：${e.message}`;
        confirmDialog.error.hidden = false;
        confirmDialog.ok.focus();
      }
    }
  }

  window.PasswordReset = { start };
})();
