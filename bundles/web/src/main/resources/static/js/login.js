// 登录: user type, account, password, single-use captcha; POST /api/sessions, then go to ?next= or /home.html
// (to 修改密码 first when the answer says mustChangePassword: the password was a temporary one set by an administrator).
document.addEventListener('DOMContentLoaded', () => {
  'use strict';
  const { api } = Portal;
  // the user types are named as the server names the roles (GET /api/portal → roles)
  Portal.info().then((info) => (info.roles || []).forEach((r) => {
    document.querySelectorAll(`[data-role-name="${r.role}"]`).forEach((e) => { e.textContent = r.name; });
  }));
  const $ = (id) => document.getElementById(id);
  const form = $('login-form');
  const submit = $('login-submit');
  const errorBox = $('login-error');
  const account = $('account');
  const answer = $('captchaAnswer');

  // ---- where to go afterwards: only a path on this site ----

  function safeNext(raw) {
    if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return null;
    if (/[\u0000-\u0020\u007f]/.test(raw)) return null;
    try {
      const url = new URL(raw, location.origin);
      if (url.origin !== location.origin || url.pathname === '/login.html') return null;
      return url.pathname + url.search + url.hash;
    } catch (e) {
      return null;
    }
  }
  const next = safeNext(new URLSearchParams(location.search).get('next'));
  const target = next || '/home.html';

  const notice = $('login-notice');
  if (next) {
    notice.textContent = '请先登录，登录后将返回您要访问的页面。';
    notice.hidden = false;
  }
  Portal.me().then((user) => {
    if (!user) return;
    notice.replaceChildren(`您已登录（${user.name || user.login}，${user.roleName}）。`,
      Portal.h('a', { href: '/home.html' }, '进入个人后台'), '，或在下方以其他账号登录。');
    notice.hidden = false;
  }, () => {});

  // ---- user type: the account is the ID number for professionals, an account name otherwise ----

  function applyUserType() {
    const type = form.querySelector('input[name="userType"]:checked').value;
    const professional = type === 'professional';
    $('account-label').textContent = professional ? '身份证号' : '账号';
    account.placeholder = professional ? '请输入身份证号' : '请输入账号';
    account.setAttribute('autocapitalize', professional ? 'characters' : 'none');
  }
  form.querySelectorAll('input[name="userType"]').forEach((r) => r.addEventListener('change', applyUserType));
  applyUserType();

  // ---- captcha: single-use, expires; clicking the picture gets a new one (js/captcha.js) ----

  const captcha = Captcha.attach(form);

  // ---- submit ----

  function fail(message, focusEl) {
    errorBox.textContent = message;
    errorBox.hidden = false;
    if (focusEl) focusEl.focus();
  }

  let sending = false;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (sending) return;
    Portal.clearErrors(form);
    errorBox.hidden = true;
    const body = {
      userType: form.querySelector('input[name="userType"]:checked').value,
      account: account.value.trim(),
      password: $('password').value,
      captchaId: captcha.id(),
      captchaAnswer: captcha.answer(),
    };
    if (body.userType === 'professional') body.account = body.account.toUpperCase();
    const missing = [];
    if (!body.account) missing.push({ field: 'account', message: body.userType === 'professional' ? '请输入身份证号' : '请输入账号' });
    if (!body.password) missing.push({ field: 'password', message: '请输入密码' });
    if (!body.captchaAnswer) missing.push({ field: 'captchaAnswer', message: '请输入验证码' });
    if (missing.length) { Portal.showFieldErrors(form, missing); return; }
    if (!body.captchaId) {
      fail('验证码尚未加载，请稍候或点击图片重新获取', answer);
      if (!captcha.loading()) captcha.reload();
      return;
    }

    sending = true;
    submit.disabled = true;
    submit.textContent = '正在登录…';
    let ok = false;
    try {
      const data = await api('/sessions', { method: 'POST', body });
      Portal.setCsrfToken(data && data.csrfToken);
      ok = true;
      submit.textContent = '登录成功，正在进入…';
      location.assign(data && data.mustChangePassword ? Portal.TEMPORARY_PASSWORD_PAGE : target);
    } catch (err) {
      // Any failure used up the captcha: show a new one and clear the answer.
      captcha.reset();
      Portal.showErrors(form, err, errorBox);
      const code = err.problem && err.problem.code;
      if (!form.querySelector('[aria-invalid="true"]')) {
        if (code === 'captcha_invalid') answer.focus();
        else if (code === 'bad_credentials') { $('password').focus(); $('password').select(); }
        else errorBox.scrollIntoView({ block: 'center' });
      }
    } finally {
      sending = false;
      if (!ok) {
        submit.disabled = false;
        submit.textContent = '登录';
      }
    }
  });
  Portal.clearErrorsOnInput(form);
});
