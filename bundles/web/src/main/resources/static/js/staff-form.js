// 新建账号 in 账号管理 (ops): StaffForm.attach({opener, onCreated}) wires the dialog #staff-dialog (#staff-form) that
// POSTs /api/ops/accounts {role, login, name, unitId, baseId, password}. The role (#staff-role) decides what else
// it asks: a unit admin's unit (#staff-region, then the unit picker of js/pickers.js: #staff-unit-name, #staff-unit-pick,
// the id in the hidden #staff-unit), a base admin's 继续教育基地 (#staff-base, from GET /api/ops/bases), nothing for ops.
// On 201 it toasts 「账号已创建」 and calls onCreated({id, role, login}), which shows the list again and takes the focus
// (it may return a promise). Role, region and base names are the server's.
// Needs js/portal.js and js/pickers.js before it. Exposes the global `StaffForm`.
(function () {
  'use strict';
  const { api, h, query } = Portal;
  const $ = (id) => document.getElementById(id);

  const LOGIN_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{2,31}$/;
  const MIN_PASSWORD = 8;
  const BASE_LIST_SIZE = 100;

  function attach({ opener: newButton, onCreated }) {
    const dialog = $('staff-dialog');
    const form = $('staff-form');
    const formError = $('staff-form-error');
    const saveBtn = $('staff-save');
    const cancelBtn = $('staff-cancel');
    const role = $('staff-role');
    const region = $('staff-region');
    const unitName = $('staff-unit-name');
    const unitId = $('staff-unit');
    const base = $('staff-base');
    const baseHelp = $('staff-base-help');
    const login = $('staff-login');
    const name = $('staff-name');
    const password = $('staff-password');
    const showPassword = $('staff-show-password');
    const SAVE_LABEL = saveBtn.textContent;

    let opener = null;
    let busy = false;
    let handingOver = false; // the form closes because the page moves the focus to the new account
    let regionsLoaded = false;
    let bases = null; // the pending or answered GET /api/ops/bases of this opening of the form

    const toLogin = () => location.replace('/login.html' + query({ next: location.pathname + location.search }));

    // the roles as the server names them (GET /api/portal → roles)
    Portal.info().then((info) => (info.roles || []).forEach((r) => {
      const option = [...role.options].find((o) => o.value === r.role);
      if (option && r.name) option.textContent = r.name;
    }));

    // ---- unit (unit admins): region first, then the unit picker ----

    const unit = Pickers.bindField({
      type: 'unit', input: unitName, hidden: unitId, button: '#staff-unit-pick',
      options: () => (region.value ? { regionCode: region.value, regionName: region.selectedOptions[0].textContent } : false),
      onChange: (v) => { if (v) Portal.clearErrors(form, 'unitId'); },
    });
    function regionChanged() {
      unit.clear();
      unit.enable(!!region.value);
      unitName.placeholder = region.value ? '点击「选择」查找单位' : '请先选择区域';
    }
    region.addEventListener('change', regionChanged);

    async function loadRegions() {
      if (regionsLoaded) return;
      try {
        const data = await api('/directory/regions');
        const items = data && Array.isArray(data.items) ? data.items : [];
        region.replaceChildren(region.options[0], ...items.map((r) => h('option', { value: r.code }, r.name || r.code)));
        regionsLoaded = true;
      } catch (e) {
        if (e.status === 401) { toLogin(); return; }
        Portal.showFieldError(form, 'regionCode', `区域列表加载失败：${e.message}`);
      }
    }

    // ---- base (base admins): the bases as the server lists them, asked again each time the form opens ----

    function loadBases() {
      if (bases) return bases;
      base.disabled = true;
      base.options[0].textContent = '正在加载基地…';
      const kept = base.value;
      bases = api('/ops/bases' + query({ page: 0, size: BASE_LIST_SIZE })).then((data) => {
        const items = data && Array.isArray(data.items) ? data.items : [];
        const total = Number(data && data.total) || items.length;
        base.replaceChildren(base.options[0], ...items.map((b) => h('option', { value: b.id },
          b.regionName ? `${b.name || b.id}（${b.regionName}）` : String(b.name || b.id))));
        base.options[0].textContent = items.length ? '请选择继续教育基地' : '暂无继续教育基地，请先在「基地管理」中添加';
        base.value = items.some((b) => String(b.id) === kept) ? kept : '';
        baseHelp.textContent = total > items.length ? `仅列出前 ${items.length} 个基地（共 ${total} 个）。` : '';
        baseHelp.hidden = !baseHelp.textContent;
      }, (e) => {
        bases = null; // asked again when the role is chosen again
        base.options[0].textContent = '请选择继续教育基地';
        if (e.status === 401) { toLogin(); return; }
        Portal.showFieldError(form, 'baseId', `基地列表加载失败：${e.message}`);
      }).finally(() => { base.disabled = false; });
      return bases;
    }

    // ---- what the role asks for ----

    function roleChanged() {
      const r = role.value;
      $('staff-unit-fields').hidden = r !== 'UNIT_ADMIN';
      $('staff-base-field').hidden = r !== 'BASE_ADMIN';
      if (r !== 'UNIT_ADMIN') { Portal.clearErrors(form, 'regionCode'); Portal.clearErrors(form, 'unitId'); }
      if (r !== 'BASE_ADMIN') Portal.clearErrors(form, 'baseId');
      if (r === 'UNIT_ADMIN') loadRegions();
      if (r === 'BASE_ADMIN') loadBases();
    }
    role.addEventListener('change', roleChanged);

    showPassword.addEventListener('change', () => { password.type = showPassword.checked ? 'text' : 'password'; });

    // ---- open / close ----

    function clearFormErrors() {
      Portal.clearErrors(form);
      formError.replaceChildren();
      formError.hidden = true;
    }

    function setBusy(on) {
      busy = on;
      form.setAttribute('aria-busy', String(on));
      saveBtn.disabled = on;
      cancelBtn.disabled = on;
      saveBtn.textContent = on ? '正在创建…' : SAVE_LABEL;
    }

    function open(btn) {
      opener = btn || null;
      form.reset();
      password.type = 'password';
      region.value = '';
      regionChanged();
      bases = null;
      clearFormErrors();
      roleChanged();
      setBusy(false);
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      document.body.classList.add('has-picker');
      role.focus();
    }

    function close() {
      password.value = '';
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
      else if (dialog.hasAttribute('open')) { dialog.removeAttribute('open'); onClosed(); }
    }
    function onClosed() {
      document.body.classList.remove('has-picker');
      password.value = ''; // the password does not stay in the page
      const target = opener && document.contains(opener) ? opener : newButton;
      opener = null;
      if (handingOver) handingOver = false;
      else if (target) target.focus();
    }
    dialog.addEventListener('close', onClosed);
    dialog.addEventListener('cancel', (e) => { if (busy) e.preventDefault(); });
    // the unit picker unlocks the page's scrolling when it closes, but this form is still open
    new MutationObserver(() => {
      if (dialog.open && !document.body.classList.contains('has-picker') && !document.querySelector('dialog.picker[open]')) {
        document.body.classList.add('has-picker');
      }
    }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
    cancelBtn.addEventListener('click', () => { if (!busy) close(); });
    Portal.clearErrorsOnInput(form);

    // ---- submit ----

    function localErrors(body) {
      const errors = [];
      const add = (field, message) => errors.push({ field, message });
      if (!body.role) add('role', '请选择角色');
      if (body.role === 'UNIT_ADMIN' && !region.value) add('regionCode', '请选择单位所属区域');
      else if (body.role === 'UNIT_ADMIN' && body.unitId == null) add('unitId', '请选择所属单位');
      if (body.role === 'BASE_ADMIN' && body.baseId == null) add('baseId', '请选择所属继续教育基地');
      if (!body.login) add('login', '请填写登录账号');
      else if (!LOGIN_PATTERN.test(body.login)) add('login', '账号须以字母开头，由 3 到 32 个字母、数字、下划线、点或减号组成');
      if (!body.name) add('name', '请填写姓名');
      if (!body.password) add('password', '请设置初始密码');
      else if ([...body.password].length < MIN_PASSWORD) add('password', `密码至少需要${MIN_PASSWORD}个字符`);
      else if (body.login && body.password.trim().toLowerCase() === body.login.toLowerCase()) add('password', '密码不能与账号相同');
      return errors;
    }

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (busy) return;
      clearFormErrors();
      const r = role.value;
      const body = {
        role: r,
        login: login.value.trim(),
        name: name.value.trim(),
        unitId: r === 'UNIT_ADMIN' && unitId.value ? Number(unitId.value) : null,
        baseId: r === 'BASE_ADMIN' && base.value ? Number(base.value) : null,
        password: password.value,
      };
      const errors = localErrors(body);
      if (errors.length) { Portal.showFieldErrors(form, errors); return; }
      setBusy(true);
      try {
        const created = await api('/ops/accounts', { method: 'POST', body });
        setBusy(false);
        handingOver = !!onCreated;
        close();
        Portal.toast('账号已创建', 'success');
        if (onCreated) await onCreated({ ...(created || {}), login: (created && created.login) || body.login });
      } catch (err) {
        setBusy(false);
        if (err.status === 401) { toLogin(); return; }
        const placed = Portal.showErrors(form, err, formError);
        if (!placed && err.problem && err.problem.code === 'account_exists') {
          formError.hidden = true;
          Portal.showFieldErrors(form, [{ field: 'login', message: err.message }]);
        } else if (!placed) {
          formError.focus(); // nothing to show next to a field: the message above them
        }
      }
    });

    if (newButton) newButton.addEventListener('click', (e) => open(e.currentTarget));
    return { open };
  }

  window.StaffForm = { attach };
})();
