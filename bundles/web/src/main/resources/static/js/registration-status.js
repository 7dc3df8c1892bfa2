// 注册审核状态查询: POST /api/registrations/status with the ID number, password and single-use captcha.
document.addEventListener('DOMContentLoaded', () => {
  'use strict';
  const { api, h } = Portal;
  const $ = (id) => document.getElementById(id);
  const form = $('status-form');
  const submit = $('status-submit');
  const result = $('status-result');

  // Page help under the answer, by state; the state's name comes from the server (stateName).
  const HINTS = {
    pending: '请耐心等待所在单位管理员审核，或主动联系单位管理员催其审核。',
    approved: '您现在可以使用身份证号和密码登录平台。',
    rejected: '如有疑问，请联系所在单位管理员。',
  };

  // ---- captcha: single-use, expires; clicking the picture gets a new one (js/captcha.js) ----

  const captcha = Captcha.attach(form);

  function show(kind, children) {
    result.className = `card status-result status-${kind}`;
    result.replaceChildren(...children.filter(Boolean));
    result.hidden = false;
  }

  function showState(data) {
    const hint = HINTS[data.state];
    show(data.state || 'unknown', [
      h('h2', null, '审核状态：', h('span', { class: `state-badge state-${data.state}`, 'data-state': data.state },
        data.stateName || data.state || '')),
      data.message ? h('p', { class: 'status-message' }, data.message) : null,
      data.reason ? h('p', { class: 'status-reason' }, h('strong', null, '未通过原因：'), data.reason) : null,
      hint ? h('p', { class: 'help' }, hint) : null,
      data.state === 'approved' ? h('p', null, h('a', { class: 'btn btn-primary', href: '/login.html' }, '去登录')) : null,
    ]);
  }

  let sending = false;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (sending) return;
    Portal.clearErrors(form);
    const body = {
      idNumber: $('idNumber').value.trim().toUpperCase(),
      password: $('password').value,
      captchaId: captcha.id(),
      captchaAnswer: captcha.answer(),
    };
    const missing = [];
    if (!body.idNumber) missing.push({ field: 'idNumber', message: '请输入身份证号' });
    if (!body.password) missing.push({ field: 'password', message: '请输入密码' });
    if (!body.captchaAnswer) missing.push({ field: 'captchaAnswer', message: '请输入验证码' });
    if (missing.length) { Portal.showFieldErrors(form, missing); return; }
    if (!captcha.ready()) return;

    sending = true;
    submit.disabled = true;
    submit.textContent = '正在查询…';
    result.setAttribute('aria-busy', 'true');
    try {
      showState((await api('/registrations/status', { method: 'POST', body })) || {});
    } catch (err) {
      Portal.showErrors(form, err, null);
      show('error', [h('p', { class: 'alert alert-error', role: 'alert' }, err.message)]);
    } finally {
      // Answered or not, the captcha is used up: show a new one and clear the answer.
      captcha.reset();
      sending = false;
      submit.disabled = false;
      submit.textContent = '查询';
      result.removeAttribute('aria-busy');
    }
  });
  Portal.clearErrorsOnInput(form);
});
