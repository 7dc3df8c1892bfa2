// 首次安装: GET /api/setup tells whether an ops account is still missing; if so,
// POST /api/setup/ops-account {token, login, name, password} creates the first one with the
// one-time setup token the server wrote into its token file.
document.addEventListener('DOMContentLoaded', async () => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const main = $('main');
  const form = $('setup-form');
  const submit = $('setup-submit');
  const summary = $('setup-error');
  const token = $('token');
  const SUBMIT_LABEL = submit.textContent;
  const LOGIN_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{2,31}$/;

  function ready() {
    $('page-loading').hidden = true;
    main.removeAttribute('aria-busy');
  }

  /** An ops account exists (already, or created meanwhile): only the notice with the login link. */
  function showNotNeeded(focus) {
    ready();
    form.reset();
    $('setup-body').hidden = true;
    $('setup-done').hidden = true;
    $('setup-not-needed').hidden = false;
    if (focus) $('setup-not-needed-login').focus();
  }

  // ---- is the setup still needed? ----

  let state;
  try {
    state = await Portal.api('/setup');
  } catch (err) {
    Portal.showNotice('暂时无法打开此页面', err.message || Portal.NETWORK_ERROR,
      [{ label: '重新加载', href: location.pathname + location.search }]);
    return;
  }
  if (!state || state.needed !== true) {
    showNotNeeded();
    return;
  }
  if (state.tokenFile) $('token-file').textContent = state.tokenFile;
  ready();
  $('setup-body').hidden = false;
  token.focus();

  $('show-passwords').addEventListener('change', (e) => {
    const type = e.target.checked ? 'text' : 'password';
    ['password', 'passwordConfirmation'].forEach((id) => { $(id).type = type; });
  });

  // ---- submit ----

  let sending = false;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (sending) return;
    Portal.clearErrors(form);
    summary.hidden = true;
    const body = {
      token: token.value.trim().toUpperCase(),
      login: $('login').value.trim(),
      name: $('name').value.trim(),
      password: $('password').value,
    };
    const confirmation = $('passwordConfirmation').value;
    const problems = [];
    if (!body.token) problems.push({ field: 'token', message: '请输入安装令牌' });
    if (!body.login) problems.push({ field: 'login', message: '请输入运维账号' });
    else if (!LOGIN_PATTERN.test(body.login)) problems.push({ field: 'login', message: '账号须以字母开头，由 3 到 32 个字母、数字、下划线、点或减号组成' });
    if (!body.name) problems.push({ field: 'name', message: '请输入姓名' });
    if (!body.password) problems.push({ field: 'password', message: '请设置密码' });
    else if ([...body.password].length < 8) problems.push({ field: 'password', message: '密码至少需要8个字符' });
    else if (body.login && body.password.trim().toLowerCase() === body.login.toLowerCase()) problems.push({ field: 'password', message: '密码不能与账号相同' });
    if (!confirmation) problems.push({ field: 'passwordConfirmation', message: '请再次输入密码' });
    else if (body.password && confirmation !== body.password) problems.push({ field: 'passwordConfirmation', message: '两次输入的密码不一致' });
    if (problems.length) { Portal.showFieldErrors(form, problems); return; }
    token.value = body.token; // show what is sent

    sending = true;
    submit.disabled = true;
    submit.textContent = '正在创建…';
    try {
      const data = await Portal.api('/setup/ops-account', { method: 'POST', body });
      form.reset();
      $('setup-body').hidden = true;
      $('setup-done-login').textContent = (data && data.login) || body.login;
      $('setup-done').hidden = false;
      $('setup-done-title').focus();
    } catch (err) {
      const code = err.problem && err.problem.code;
      if (code === 'setup_done') { showNotNeeded(true); return; }
      const placed = Portal.showErrors(form, err, summary);
      // Errors that belong to a field even when the server named none.
      if (!placed && code === 'setup_token_invalid') Portal.showFieldErrors(form, [{ field: 'token', message: err.message }]);
      else if (!placed && code === 'account_exists') Portal.showFieldErrors(form, [{ field: 'login', message: err.message }]);
      // A field message alone is enough; the summary stays for the rest (e.g. too_many_attempts).
      if (code === 'setup_token_invalid' || code === 'account_exists') summary.hidden = true;
      if (code === 'setup_token_invalid') token.select();
      if (!form.querySelector('[aria-invalid="true"]')) summary.scrollIntoView({ block: 'center' });
    } finally {
      sending = false;
      submit.disabled = false;
      submit.textContent = SUBMIT_LABEL;
    }
  });
  Portal.clearErrorsOnInput(form);
});
