// 修改密码: PUT /api/me/password {currentPassword, newPassword}.
document.addEventListener('DOMContentLoaded', async () => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const form = $('password-form');
  const submit = $('password-submit');
  const summary = $('password-error');

  const user = await Portal.requireLogin();
  if (!user) return;
  $('username').value = user.login || '';
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
    if (!currentPassword) problems.push({ field: 'currentPassword', message: '请输入原始密码' });
    if (!newPassword) problems.push({ field: 'newPassword', message: '请输入新密码' });
    else if ([...newPassword].length < 8) problems.push({ field: 'newPassword', message: '密码至少需要8个字符' });
    else if (newPassword === currentPassword) problems.push({ field: 'newPassword', message: '新密码不能与原始密码相同' });
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
      Portal.me({ refresh: true }).catch(() => {});
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
