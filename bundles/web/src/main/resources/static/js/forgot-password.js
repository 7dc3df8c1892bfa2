// 忘记密码 (professionals, by e-mail), two steps:
//  1. ID number, the registered e-mail and the single-use captcha: POST /api/password-resets → 202 {message, codeMinutes}.
//     The message is the same whether or not the account exists, and is shown as it is.
//  2. the six-digit code from the mail and the new password (twice): POST /api/password-resets/confirmation → 204.
// 「重新获取验证码」 goes back to step 1 (with a new captcha).
document.addEventListener('DOMContentLoaded', () => {
  'use strict';
  const { api } = Portal;
  const $ = (id) => document.getElementById(id);
  const USER_TYPE = 'professional';
  const SENT_FALLBACK = '如果该身份证号已注册且邮箱与注册时填写的一致，验证码已发送到该邮箱，请查收';

  const requestForm = $('reset-request-form');
  const requestSubmit = $('reset-request-submit');
  const requestError = $('reset-request-error');
  const requestDone = $('reset-request-done');
  const account = $('account');
  const email = $('email');
  const answer = $('captchaAnswer');

  const confirmForm = $('reset-confirm-form');
  const confirmSubmit = $('reset-confirm-submit');
  const confirmError = $('reset-confirm-error');
  const code = $('code');
  const newPassword = $('newPassword');
  const confirmation = $('newPasswordConfirmation');

  let requestedAccount = ''; // the ID number the code was asked for (step 2 sends it again)

  // full-width digits (Chinese input methods) count as digits
  const asciiDigits = (s) => String(s || '').replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

  account.addEventListener('input', () => {
    if (/x$/.test(account.value)) account.value = account.value.toUpperCase();
  });

  // The code: digits only, at most six (a pasted 「123 456」 becomes 123456).
  code.addEventListener('input', (e) => {
    if (e.isComposing) return;
    const clean = asciiDigits(code.value).replace(/\D/g, '').slice(0, 6);
    if (clean !== code.value) code.value = clean;
  });

  $('show-passwords').addEventListener('change', (e) => {
    const type = e.target.checked ? 'text' : 'password';
    newPassword.type = type;
    confirmation.type = type;
  });

  // ---- captcha: single-use, expires; clicking the picture gets a new one (js/captcha.js) ----

  const captcha = Captcha.attach(requestForm);

  // ---- step 1: ask for a code ----

  function setRequestSending(on) {
    requestSubmit.disabled = on;
    requestSubmit.textContent = on ? '正在发送…' : '发送验证码';
    requestForm.setAttribute('aria-busy', String(on));
  }

  function showStepTwo(data) {
    captcha.stop();
    requestForm.hidden = true;
    requestDone.textContent = (data && data.message) || SENT_FALLBACK;
    requestDone.hidden = false;
    const minutes = data && Number(data.codeMinutes);
    $('code-help').textContent = minutes > 0
      ? `请输入邮件中的 6 位验证码，验证码 ${minutes} 分钟内有效。`
      : '请输入邮件中的 6 位验证码。';
    $('reset-confirm-account').textContent = requestedAccount;
    $('reset-username').value = requestedAccount;
    Portal.clearErrors(confirmForm);
    confirmError.hidden = true;
    code.value = '';
    newPassword.value = '';
    confirmation.value = '';
    confirmForm.hidden = false;
    requestDone.scrollIntoView({ block: 'start' });
    code.focus({ preventScroll: true });
  }

  let sending = false;
  requestForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (sending) return;
    Portal.clearErrors(requestForm);
    requestError.hidden = true;
    const body = {
      userType: USER_TYPE,
      account: account.value.trim().toUpperCase(),
      email: email.value.trim(),
      captchaId: captcha.id(),
      captchaAnswer: captcha.answer(),
    };
    const problems = [];
    if (!body.account) problems.push({ field: 'account', message: '请输入身份证号' });
    else if (!/^[0-9]{17}[0-9X]$/.test(body.account)) problems.push({ field: 'account', message: '请输入18位身份证号码' });
    if (!body.email) problems.push({ field: 'email', message: '请输入注册时填写的电子邮箱' });
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(body.email)) problems.push({ field: 'email', message: '请输入有效的电子邮箱' });
    if (!body.captchaAnswer) problems.push({ field: 'captchaAnswer', message: '请输入验证码' });
    if (problems.length) { Portal.showFieldErrors(requestForm, problems); return; }
    if (!captcha.ready()) return;

    sending = true;
    setRequestSending(true);
    try {
      const data = await api('/password-resets', { method: 'POST', body });
      requestedAccount = body.account;
      showStepTwo(data);
    } catch (err) {
      // The server checks the fields before the captcha, so a field error may have left the captcha
      // unused; a new one after every failure is simpler and always right.
      captcha.reset();
      Portal.showErrors(requestForm, err, requestError);
      const problemCode = err.problem && err.problem.code;
      if (!requestForm.querySelector('[aria-invalid="true"]')) {
        if (problemCode === 'captcha_invalid') answer.focus();
        else requestError.scrollIntoView({ block: 'center' });
      }
    } finally {
      sending = false;
      setRequestSending(false);
    }
  });
  Portal.clearErrorsOnInput(requestForm);

  // ---- back to step 1 ----

  $('reset-again').addEventListener('click', () => {
    if (sending) return;
    confirmForm.hidden = true;
    requestDone.hidden = true;
    code.value = '';
    newPassword.value = '';
    confirmation.value = '';
    Portal.clearErrors(requestForm);
    requestError.hidden = true;
    requestForm.hidden = false;
    captcha.reset();
    requestForm.scrollIntoView({ block: 'start' });
    answer.focus({ preventScroll: true });
  });

  // ---- step 2: the code and the new password ----

  function setConfirmSending(on) {
    confirmSubmit.disabled = on;
    $('reset-again').disabled = on;
    confirmSubmit.textContent = on ? '正在设置…' : '设置新密码';
    confirmForm.setAttribute('aria-busy', String(on));
  }

  confirmForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (sending || !requestedAccount) return;
    Portal.clearErrors(confirmForm);
    confirmError.hidden = true;
    const body = {
      userType: USER_TYPE,
      account: requestedAccount,
      code: asciiDigits(code.value).replace(/\s+/g, ''),
      newPassword: newPassword.value,
    };
    const again = confirmation.value;
    const problems = [];
    if (!body.code) problems.push({ field: 'code', message: '请输入邮件中的 6 位验证码' });
    else if (!/^[0-9]{6}$/.test(body.code)) problems.push({ field: 'code', message: '验证码为 6 位数字，请核对' });
    if (!body.newPassword) problems.push({ field: 'newPassword', message: '请输入新密码' });
    else if ([...body.newPassword].length < 8) problems.push({ field: 'newPassword', message: '密码至少需要8个字符' });
    if (!again) problems.push({ field: 'newPasswordConfirmation', message: '请再次输入新密码' });
    else if (body.newPassword && again !== body.newPassword) {
      problems.push({ field: 'newPasswordConfirmation', message: '两次输入的新密码不一致' });
    }
    if (problems.length) { Portal.showFieldErrors(confirmForm, problems); return; }

    sending = true;
    setConfirmSending(true);
    try {
      await api('/password-resets/confirmation', { method: 'POST', body });
      confirmForm.reset();
      newPassword.type = 'password';
      confirmation.type = 'password';
      confirmForm.hidden = true;
      requestDone.hidden = true;
      $('reset-lead').hidden = true;
      $('reset-note').hidden = true;
      $('reset-done').hidden = false;
      window.scrollTo(0, 0);
      $('reset-done-title').focus();
    } catch (err) {
      Portal.showErrors(confirmForm, err, confirmError);
      if (err.problem && err.problem.code === 'code_invalid') code.select();
      if (!confirmForm.querySelector('[aria-invalid="true"]')) confirmError.scrollIntoView({ block: 'center' });
    } finally {
      sending = false;
      setConfirmSending(false);
    }
  });
  Portal.clearErrorsOnInput(confirmForm);
});
