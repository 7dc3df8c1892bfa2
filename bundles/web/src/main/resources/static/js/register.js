// 个人用户注册: account block, personal block with the unit/department/major pickers, single-use captcha;
// POST /api/registrations.
document.addEventListener('DOMContentLoaded', () => {
  'use strict';
  const { api, h, toast } = Portal;
  const $ = (id) => document.getElementById(id);
  const form = $('register-form');
  const summary = $('register-error');
  const submit = $('register-submit');
  const region = $('region');
  const idInput = $('idNumber');
  const selectedText = (sel) => (sel.value ? sel.options[sel.selectedIndex].textContent : '');
  const trim = (id) => $(id).value.trim();

  // ---- ID number: GB 11643 check, and birth date / gender taken from it ----

  const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const CHECK_CHARS = '10X98765432';

  /** {id, birthDate: "yyyy-MM-dd", gender: "M"|"F"} or {problem} (same messages as the server). */
  function parseIdNumber(raw) {
    const id = String(raw || '').trim().toUpperCase();
    if (!/^[0-9]{17}[0-9X]$/.test(id)) return { problem: '请输入18位身份证号码' };
    const y = Number(id.slice(6, 10));
    const m = Number(id.slice(10, 12));
    const d = Number(id.slice(12, 14));
    const date = new Date(Date.UTC(y, m - 1, d));
    if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
      return { problem: '身份证号码中的出生日期无效' };
    }
    const now = new Date();
    if (date.getTime() > Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())) {
      return { problem: '身份证号码中的出生日期不能晚于今天' };
    }
    let sum = 0;
    for (let i = 0; i < 17; i++) sum += Number(id[i]) * WEIGHTS[i];
    if (CHECK_CHARS[sum % 11] !== id[17]) return { problem: '身份证号码校验位不正确，请核对' };
    return {
      id,
      birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
      gender: Number(id[16]) % 2 === 1 ? 'M' : 'F',
    };
  }

  const birthHelp = $('birthDate-help');
  idInput.addEventListener('input', () => {
    if (/x$/.test(idInput.value)) idInput.value = idInput.value.toUpperCase();
    const parsed = parseIdNumber(idInput.value);
    if (parsed.problem) return;
    Portal.clearErrors(form, 'idNumber');
    $('birthDate').value = parsed.birthDate;
    $(`gender-${parsed.gender}`).checked = true;
    Portal.clearErrors(form, 'birthDate');
    Portal.clearErrors(form, 'gender');
    birthHelp.textContent = '已根据身份证号填写出生日期和性别，请核对。';
  });
  idInput.addEventListener('blur', () => {
    const value = idInput.value.trim();
    if (!value) return;
    const parsed = parseIdNumber(value);
    if (parsed.problem) {
      Portal.clearErrors(form, 'idNumber');
      Portal.showFieldError(form, 'idNumber', parsed.problem);
    }
  });
  const today = new Date();
  $('birthDate').max = [today.getFullYear(), today.getMonth() + 1, today.getDate()]
    .map((n, i) => String(n).padStart(i ? 2 : 4, '0')).join('-');

  $('show-passwords').addEventListener('change', (e) => {
    const type = e.target.checked ? 'text' : 'password';
    $('password').type = type;
    $('passwordConfirmation').type = type;
  });

  // ---- pickers (same pattern as the 单位与专业查询 page) ----

  const department = Pickers.bindField({
    type: 'department', input: '#department-name', hidden: '#department-id', button: '#pick-department',
    options: () => ({ unitId: unit.get().id, unitName: unit.get().name }),
  });
  const unit = Pickers.bindField({
    type: 'unit', input: '#unit-name', hidden: '#unit-id', button: '#pick-unit',
    options: () => ({ regionCode: region.value, regionName: selectedText(region) }),
    onChange: (v) => {
      department.clear();
      department.enable(!!v);
      $('department-name').placeholder = v ? '点击“选择”选择部门' : '请先选择单位';
    },
  });
  Pickers.bindField({ type: 'major', input: '#major-name', hidden: '#major-code', button: '#pick-major' });

  region.addEventListener('change', () => {
    unit.clear();
    unit.enable(!!region.value);
    $('unit-name').placeholder = region.value ? '点击“选择”查找单位' : '请先选择区域';
  });
  unit.enable(false);
  department.enable(false);

  // ---- reference data for the selects ----

  async function fillSelect(path, target, build, field) {
    try {
      const data = await api(path);
      target.append(...build(data.items || []));
    } catch (e) {
      Portal.showFieldError(form, field, e.message);
      toast(e.message, 'error');
    }
  }
  fillSelect('/directory/regions', region, (items) => items.map((r) => h('option', { value: r.code }, r.name)), 'regionCode');
  fillSelect('/directory/ethnic-groups', $('ethnicGroup'),
    (items) => items.map((g) => h('option', { value: g.code }, g.name)), 'ethnicGroup');
  fillSelect('/directory/titles', $('titleCode'), (items) => {
    const groups = new Map();
    for (const t of items) {
      const key = t.seriesCode || t.seriesName || '';
      if (!groups.has(key)) groups.set(key, h('optgroup', { label: t.seriesName || '其他' }));
      groups.get(key).append(h('option', { value: t.code }, t.levelName ? `${t.name}（${t.levelName}）` : t.name));
    }
    return [...groups.values()];
  }, 'titleCode');

  // ---- captcha: single-use, expires; clicking the picture gets a new one (js/captcha.js) ----

  const captcha = Captcha.attach(form);

  // ---- submit ----

  /** The obvious mistakes, caught before asking the server (which checks everything again). */
  function check(body) {
    const errors = [];
    const add = (field, message) => errors.push({ field, message });
    if (!body.idNumber) add('idNumber', '请输入身份证号');
    else {
      const parsed = parseIdNumber(body.idNumber);
      if (parsed.problem) add('idNumber', parsed.problem);
    }
    if (!body.password) add('password', '请设置密码');
    else if ([...body.password].length < 8) add('password', '密码至少需要8个字符');
    if (!body.passwordConfirmation) add('passwordConfirmation', '请再次输入密码');
    else if (body.password && body.passwordConfirmation !== body.password) add('passwordConfirmation', '两次输入的密码不一致');
    if (!body.mobile) add('mobile', '请输入手机号码');
    else if (!/^1[3-9][0-9]{9}$/.test(body.mobile)) add('mobile', '请输入11位手机号码');
    if (!body.email) add('email', '请输入电子邮箱');
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(body.email)) add('email', '请输入有效的电子邮箱');
    if (!body.regionCode) add('regionCode', '请选择用人单位所属区域');
    if (!body.unitId) add('unitId', '请选择所在单位');
    if (!body.name) add('name', '请输入真实姓名');
    else if ([...body.name].length < 2) add('name', '请输入真实姓名（2到30个字）');
    if (!body.gender) add('gender', '请选择性别');
    if (!body.birthDate) add('birthDate', '请选择出生日期');
    if (!body.ethnicGroup) add('ethnicGroup', '请选择民族');
    if (!body.captchaAnswer) add('captchaAnswer', '请输入验证码');
    return errors;
  }

  function collect() {
    const gender = form.querySelector('input[name="gender"]:checked');
    const num = (id) => (trim(id) ? Number(trim(id)) : null);
    return {
      idNumber: trim('idNumber').toUpperCase(),
      password: $('password').value,
      passwordConfirmation: $('passwordConfirmation').value,
      mobile: trim('mobile'),
      email: trim('email'),
      regionCode: region.value,
      unitId: num('unit-id'),
      departmentId: num('department-id'),
      name: trim('name'),
      gender: gender ? gender.value : '',
      birthDate: $('birthDate').value,
      ethnicGroup: $('ethnicGroup').value,
      nativePlace: trim('nativePlace') || null,
      school: trim('school') || null,
      majorCode: trim('major-code') || null,
      titleCode: $('titleCode').value || null,
      captchaId: captcha.id(),
      captchaAnswer: captcha.answer(),
    };
  }

  function setSending(on) {
    submit.disabled = on;
    submit.textContent = on ? '正在提交…' : '注册';
    form.setAttribute('aria-busy', String(on));
  }

  let sending = false;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (sending) return;
    const body = collect();
    Portal.clearErrors(form);
    summary.hidden = true;
    const problems = check(body);
    if (problems.length) {
      Portal.showFieldErrors(form, problems);
      summary.textContent = '请按提示修改标红的项目后再提交。';
      summary.hidden = false;
      return;
    }
    if (!captcha.ready()) return;
    sending = true;
    setSending(true);
    try {
      const data = await api('/registrations', { method: 'POST', body });
      captcha.stop();
      form.hidden = true;
      $('password').value = '';
      $('passwordConfirmation').value = '';
      $('register-done-message').textContent = (data && data.message) || '注册信息已经提交审核，请耐心等待';
      $('register-done').hidden = false;
      window.scrollTo(0, 0);
      $('register-done-title').focus();
    } catch (err) {
      // The server checks the fields before the captcha, so a field error may have left the captcha
      // unused; a new one after every failure is simpler and always right.
      captcha.reset();
      Portal.showErrors(form, err, summary);
      if (!form.querySelector('[aria-invalid="true"]')) summary.scrollIntoView({ block: 'center' });
    } finally {
      sending = false;
      setSending(false);
    }
  });
  Portal.clearErrorsOnInput(form);
});
