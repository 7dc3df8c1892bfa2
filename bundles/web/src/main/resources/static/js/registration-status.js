// 注册审核状态查询: POST /api/registrations/status with the ID number and password.
document.addEventListener('DOMContentLoaded', () => {
  'use strict';
  const { api, h } = Portal;
  const $ = (id) => document.getElementById(id);
  const form = $('status-form');
  const submit = $('status-submit');
  const result = $('status-result');

  const STATES = {
    pending: { label: '待审核', hint: '请耐心等待所在单位管理员审核，或主动联系单位管理员催其审核。' },
    approved: { label: '审核通过', hint: '您现在可以使用身份证号和密码登录平台。' },
    rejected: { label: '审核未通过', hint: '如有疑问，请联系所在单位管理员。' },
  };

  function show(kind, children) {
    result.className = `card status-result status-${kind}`;
    result.replaceChildren(...children.filter(Boolean));
    result.hidden = false;
  }

  function showState(data) {
    const state = STATES[data.state] || { label: data.state || '', hint: '' };
    show(data.state || 'unknown', [
      h('h2', null, '审核状态：', h('span', { class: `state-badge state-${data.state}`, 'data-state': data.state }, state.label)),
      data.message ? h('p', { class: 'status-message' }, data.message) : null,
      data.reason ? h('p', { class: 'status-reason' }, h('strong', null, '未通过原因：'), data.reason) : null,
      state.hint ? h('p', { class: 'help' }, state.hint) : null,
      data.state === 'approved' ? h('p', null, h('a', { class: 'btn btn-primary', href: '/login.html' }, '去登录')) : null,
    ]);
  }

  let sending = false;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (sending) return;
    Portal.clearErrors(form);
    const body = { idNumber: $('idNumber').value.trim().toUpperCase(), password: $('password').value };
    const missing = [];
    if (!body.idNumber) missing.push({ field: 'idNumber', message: '请输入身份证号' });
    if (!body.password) missing.push({ field: 'password', message: '请输入密码' });
    if (missing.length) { Portal.showFieldErrors(form, missing); return; }

    sending = true;
    submit.disabled = true;
    submit.textContent = '正在查询…';
    result.setAttribute('aria-busy', 'true');
    try {
      showState(await api('/registrations/status', { method: 'POST', body }));
    } catch (err) {
      Portal.showErrors(form, err, null);
      show('error', [h('p', { class: 'alert alert-error', role: 'alert' }, err.message)]);
    } finally {
      sending = false;
      submit.disabled = false;
      submit.textContent = '查询';
      result.removeAttribute('aria-busy');
    }
  });
  Portal.clearErrorsOnInput(form);
});
