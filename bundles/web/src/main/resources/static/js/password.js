// 修改密码: PUT /api/me/password {currentPassword, newPassword}.
// After an administrator reset the password (GET /api/me → mustChangePassword, or ?reason=temporary), the
// current password is the temporary one: the page says so, and after the change it goes on to 个人后台.
document.addEventListener('DOMContentLoaded', async () => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const form = $('password-form');
  const submit = $('password-submit');
  const summary = $('password-error');

  const user = await Portal.requireLogin();
  if (!user) return;
  $('username').value = user.login || '';

  const forced = !!user.mustChangePassword; // nothing else works until the temporary password is replaced
  const temporary = forced || new URLSearchParams(location.search).get('reason') === 'temporary';
  const currentName = temporary ? '临时密码' : '原始密码';
  if (temporary) {
    $('password-temporary-notice').hidden = false;
    $('currentPassword-label').textContent = currentName;
    $('password-lead').textContent = '请先输入临时密码，再设置您自己的新密码；新密码设置成功后，临时密码即失效。';
  }
  if (forced) $('password-back').hidden = true;
  $('page-loading').hidden = true;
  $('page-body').hidden = false;
  $('main').removeAttribute('aria-busy');

  $('show-passwords').addEventListener('change', (e) => {
    const type = e.target.checked ? 'text' : 'password';
    ['currentPassword', 'newPassword', 'newPasswordConfirmation'].forEach((id) => { $(id).type = type; });
  });

  let sending = false;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (sending) return;
    Portal.clearErrors(form);
    summary.hidden = true;
    const currentPassword = $('currentPassword').value;
    const newPassword = $('newPassword').value;
    const confirmation = $('newPasswordConfirmation').value;
    const problems = [];
    if (!currentPassword) problems.push({ field: 'currentPassword', message: `请输入${currentName}` });
    if (!newPassword) problems.push({ field: 'newPassword', message: '请输入新密码' });
    else if ([...newPassword].length < 8) problems.push({ field: 'newPassword', message: '密码至少需要8个字符' });
    else if (newPassword === currentPassword) problems.push({ field: 'newPassword', message: `新密码不能与${currentName}相同` });
    if (!confirmation) problems.push({ field: 'newPasswordConfirmation', message: '请再次输入新密码' });
    else if (newPassword && confirmation !== newPassword) problems.push({ field: 'newPasswordConfirmation', message: '两次输入的新密码不一致' });
    if (problems.length) { Portal.showFieldErrors(form, problems); return; }

    sending = true;
    submit.disabled = true;
    submit.textContent = '正在保存…';
    try {
      await Portal.api('/me/password', { method: 'PUT', body: { currentPassword, newPassword } });
      form.reset();
      form.hidden = true;
      $('password-done').hidden = false;
      $('password-done-title').focus();
      // The server may have renewed the session: pick up its CSRF token.
      const renewed = Portal.me({ refresh: true }).catch(() => {});
      if (temporary) {
        // the temporary password is gone: on to 个人后台 (after a moment to read 「修改成功」)
        $('password-done-next').hidden = false;
        await Promise.all([renewed, new Promise((r) => { setTimeout(r, 1200); })]);
        location.replace('/home.html');
      }
    } catch (err) {
      if (err.status === 401) {
        location.replace('/login.html' + Portal.query({ next: '/password.html' }));
        return;
      }
      Portal.showErrors(form, err, summary);
    } finally {
      sending = false;
      submit.disabled = false;
      submit.textContent = '保存';
    }
  });
  Portal.clearErrorsOnInput(form);
});
