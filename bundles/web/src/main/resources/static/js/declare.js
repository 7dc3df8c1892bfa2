// 学时学分申报: choose a learning form, fill the fields it defines (rendered from its schema), see the
// proposed 学时/学分 as you type, upload proof, then 保存暂不提交 (draft) or 提交 (for review).
// declare.html?id=N edits a draft (from the declaration's own schema snapshot); ?copy=N starts a new
// declaration from the contents of an earlier one; ?form=ID preselects a learning form.
document.addEventListener('DOMContentLoaded', async () => {
  'use strict';
  const { api, h, toast } = Portal;
  const V = DeclarationView;
  const $ = (id) => document.getElementById(id);

  const NEED_FILES = '提交前请上传证明材料（证书、成绩单等扫描件）';

  const form = $('declare-form');
  const summary = $('declare-error');
  const select = $('form-select');
  const fieldsBox = $('form-fields');
  const yearSelect = $('year');
  const claimed = $('claimedHours');
  const saveBtn = $('save-draft');
  const submitBtn = $('submit-declaration');
  const note = $('declare-note');

  const user = await Portal.requireLogin(['PROFESSIONAL']);
  if (!user) return;

  const params = new URLSearchParams(location.search);
  const editId = params.get('id');
  const copyId = params.get('copy');
  const presetForm = params.get('form');

  let schema = null; // the form description the fields are rendered from
  let decl = null; // the draft being edited (edit mode)
  let editing = false;
  let sending = false;
  let blocked = false; // the form is no longer available: nothing can be saved
  let claimedDirty = false; // the user typed their own 申报学时
  let claimedClientError = false; // the 申报学时 error shown is the page's own (not the server's word on a save)
  let proposed = null; // number, or null while the values are incomplete
  let touched = new Set(); // field keys whose errors the live evaluation may show
  const fieldBase = new Map(); // field key → its errors from the live evaluation or the last save
  const valueCache = new Map(); // form id → values typed, so switching forms back and forth loses nothing
  const uploaders = new Map(); // field key (or '' for the common 附件) → uploader

  // the unit the server counts this person's year in (学分申报 converts a 学时 form), once the 核算 said so
  let evalUnit = null;
  const unit = () => evalUnit || (schema && schema.unit) || '学时';
  const formId = () => (editing ? decl.formId : schema && schema.id);
  const enc = encodeURIComponent;

  function showPage() {
    $('page-loading').hidden = true;
    $('page-body').hidden = false;
    $('main').removeAttribute('aria-busy');
  }

  function showNote(text, ...extra) {
    note.replaceChildren(text, ...extra);
    note.hidden = false;
  }

  /** The error summary above the form: a message, optionally followed by links or buttons. */
  function showSummary(message, ...extra) {
    summary.replaceChildren(message, ...extra);
    summary.hidden = false;
  }

  // ---------------------------------------------------------------- attachments (js/uploads.js)

  const refused = new Map(); // uploader key ('' = the common 附件) → why files of its last choice were not sent
  let attachBase = ''; // the error on the common 附件 from checking or saving: shown until a file is there

  function allUploaders() { return [...uploaders.values()]; }

  /** A file input and its list; `key` is the form field it belongs to, '' for the common 附件. */
  function addUploader(key, input, list, label, limitsEl) {
    const u = Uploads.createUploader({
      input, list, label, limitsEl,
      used: () => allUploaders().reduce((n, x) => n + x.active(), 0),
      onPick: () => { refused.set(key, []); showUploadErrors(key); },
      onRefuse: (message) => { refused.set(key, [...(refused.get(key) || []), message]); showUploadErrors(key); },
      onChange: () => {
        if (attachBase && allUploaders().some((x) => x.count())) {
          attachBase = '';
          showUploadErrors('');
        }
        if (key) { touched.add(key); scheduleEval(); }
      },
    });
    uploaders.set(key, u);
  }

  function showUploadErrors(key) {
    if (key) {
      setFieldError(key, fieldBase.get(key) || []);
      return;
    }
    const text = [attachBase, ...(refused.get('') || [])].filter(Boolean).join('；');
    const slot = $('attachmentIds-error');
    if (text && !slot.hidden && slot.textContent === text) return;
    Portal.clearErrors(form, 'attachmentIds');
    if (text) Portal.showFieldError(form, 'attachmentIds', text);
  }

  // ---------------------------------------------------------------- the form's own fields

  const mark = () => h('span', { class: 'required-mark', 'aria-hidden': 'true' }, '*');
  const isWide = (f) => f.type === 'long_text' || f.type === 'attachment' || f.type === 'date_range';
  const hasNum = (v) => v != null && v !== '' && Number.isFinite(Number(v));

  function renderField(f) {
    const key = f.key;
    const id = `field-${key}`;
    const name = `values.${key}`;
    const errId = `field-${key}-error`;
    const helpId = `field-${key}-help`;
    const describedBy = [f.help ? helpId : null, errId].filter(Boolean).join(' ');
    const req = f.required ? { required: true, 'aria-required': 'true' } : {};
    const common = { id, name, 'data-field': name, 'aria-describedby': describedBy, ...req };
    const labelText = [f.label, f.required ? [' ', mark()] : null];
    let label = h('label', { for: id }, labelText);
    let control;

    switch (f.type) {
      case 'long_text':
        control = h('textarea', { ...common, rows: 4, maxlength: f.maxLength || null });
        break;
      case 'number':
        control = h('input', {
          ...common, type: 'number', inputmode: 'decimal', step: 'any',
          min: hasNum(f.min) ? String(f.min) : null, max: hasNum(f.max) ? String(f.max) : null,
        });
        break;
      case 'year':
        control = h('input', {
          ...common, type: 'number', inputmode: 'numeric', step: '1', placeholder: '如：' + new Date().getFullYear(),
          min: hasNum(f.min) ? String(f.min) : '1900', max: hasNum(f.max) ? String(f.max) : '2100',
        });
        break;
      case 'date':
        control = h('input', { ...common, type: 'date', min: '1900-01-01', max: '2100-12-31' });
        break;
      case 'date_range': {
        const from = h('input', { ...common, id: `${id}-from`, type: 'date', min: '1900-01-01', max: '2100-12-31' });
        const to = h('input', {
          id: `${id}-to`, name, type: 'date', min: '1900-01-01', max: '2100-12-31', 'aria-describedby': describedBy,
          'aria-label': `${f.label}（结束日期）`, ...req,
        });
        from.setAttribute('aria-label', `${f.label}（开始日期）`);
        from.addEventListener('change', () => { if (from.value) to.min = from.value; });
        label = h('label', { for: `${id}-from` }, labelText);
        control = h('div', { class: 'date-range' }, from, h('span', { class: 'date-range-sep', 'aria-hidden': 'true' }, '至'), to);
        break;
      }
      case 'choice':
        control = h('select', common,
          h('option', { value: '' }, `请选择${f.label}`),
          (f.options || []).map((o) => h('option', { value: o.value }, o.label)));
        break;
      case 'attachment': {
        control = h('div', { class: 'field-upload' },
          h('input', {
            ...common, type: 'file', class: 'file-input', accept: '.jpg,.jpeg,.png,.pdf,.zip', multiple: true,
            'aria-describedby': `${describedBy} field-${key}-limits`,
          }),
          h('p', { class: 'help upload-limits', id: `field-${key}-limits`, hidden: true }),
          h('ul', { class: 'attachment-list', 'data-attachment-list-for': key, 'aria-live': 'polite' }));
        break;
      }
      default: // text, and any type this page does not know yet
        control = h('input', { ...common, type: 'text', maxlength: f.maxLength || null, autocomplete: 'off' });
    }
    // 「已输入 n/100」 under a text field with a most length
    const counter = f.maxLength && control.matches('input[type="text"], textarea')
      ? CharCounter.attach(control, f.maxLength, { id: `field-${key}-count` }) : null;

    const wrap = h('div', { class: `field${isWide(f) ? ' field-wide' : ''}`, 'data-key': key, 'data-type': f.type },
      label, control, counter,
      f.help ? h('p', { class: 'help', id: helpId }, f.help) : null,
      h('p', { class: 'field-error', id: errId, 'data-error-for': name, role: 'alert', hidden: true }));

    if (f.type === 'attachment') {
      addUploader(key, wrap.querySelector('input[type="file"]'), wrap.querySelector('.attachment-list'), f.label,
        wrap.querySelector('.upload-limits'));
    }
    return wrap;
  }

  function fieldWrap(key) {
    return fieldsBox.querySelector(`[data-key="${CSS.escape(key)}"]`);
  }

  /** The values of the rendered fields, in the JSON shapes the API wants; empty fields are left out. */
  function collectValues() {
    const values = {};
    if (!schema) return values;
    for (const f of schema.fields || []) {
      const id = `field-${f.key}`;
      let v;
      switch (f.type) {
        case 'date_range': {
          const from = ($(`${id}-from`) || {}).value || '';
          const to = ($(`${id}-to`) || {}).value || '';
          v = from || to ? { from: from || null, to: to || null } : undefined;
          break;
        }
        case 'number': case 'year': {
          const raw = (($(id) || {}).value || '').trim();
          v = raw === '' ? undefined : Number(raw);
          if (Number.isNaN(v)) v = raw;
          break;
        }
        case 'attachment': {
          const u = uploaders.get(f.key);
          const ids = u ? u.ids() : [];
          v = ids.length ? ids : undefined;
          break;
        }
        case 'text': case 'long_text': {
          const raw = (($(id) || {}).value || '').trim();
          v = raw === '' ? undefined : raw;
          break;
        }
        default: {
          const el = $(id);
          const raw = el && typeof el.value === 'string' ? el.value.trim() : '';
          v = raw === '' ? undefined : raw;
        }
      }
      if (v !== undefined) values[f.key] = v;
    }
    return values;
  }

  /** Put values back into the rendered fields (attachment fields take attachment objects from `files`). */
  function fillValues(values, filesById) {
    if (!schema || !values) return;
    for (const f of schema.fields || []) {
      const v = values[f.key];
      if (v == null || v === '') continue;
      const id = `field-${f.key}`;
      if (f.type === 'date_range') {
        if (typeof v === 'object') {
          if ($(`${id}-from`)) $(`${id}-from`).value = v.from || '';
          if ($(`${id}-to`)) $(`${id}-to`).value = v.to || '';
        }
      } else if (f.type === 'attachment') {
        const u = uploaders.get(f.key);
        if (u && filesById) {
          u.setSaved([].concat(v).map((x) => filesById.get(String(x)) || { id: x }));
        }
      } else if ($(id)) {
        $(id).value = typeof v === 'object' ? JSON.stringify(v) : String(v);
        if (f.type === 'text' || f.type === 'long_text') $(id).dispatchEvent(new Event('input')); // the character count
      }
    }
  }

  // ---------------------------------------------------------------- field errors
  // An error stays until the value is valid: editing a field checks it again instead of hiding its message
  // (nothing is hidden on blur), so the buttons below do not move under the pointer either. The form's own
  // fields are judged by the live evaluation; 计入年度, 科目类别 and 申报学时 by the checks of this page.

  /**
   * Show `messages` under a form field (with the reasons files of it were refused), leaving an identical
   * message alone (no repeated announcements).
   */
  function setFieldError(key, messages) {
    fieldBase.set(key, messages);
    const field = `values.${key}`;
    const slot = form.querySelector(`[data-error-for="${CSS.escape(field)}"]`);
    if (!slot) return false;
    const text = [...messages, ...(refused.get(key) || [])].join('；');
    if (text && !slot.hidden && slot.textContent === text) return true;
    clearFieldError(key);
    if (!text) return true;
    Portal.showFieldError(form, field, text);
    markWrapInvalid(key);
    return true;
  }

  function clearFieldError(key) {
    Portal.clearErrors(form, `values.${key}`);
    const wrap = fieldWrap(key);
    if (wrap) wrap.querySelectorAll('[aria-invalid]').forEach((c) => c.removeAttribute('aria-invalid'));
  }

  /** Show (or, with an empty message, clear) the error of one of the page's own fields; an identical one stays. */
  function setError(field, message) {
    const slot = form.querySelector(`[data-error-for="${field}"]`);
    if (!slot || (message && !slot.hidden && slot.textContent === message)) return;
    Portal.clearErrors(form, field);
    if (message) Portal.showFieldError(form, field, message);
  }

  /** Both inputs of a date range (Portal marks only the first control of a field). */
  function markWrapInvalid(key) {
    const wrap = fieldWrap(key);
    if (wrap && wrap.dataset.type === 'date_range') {
      wrap.querySelectorAll('input').forEach((c) => c.setAttribute('aria-invalid', 'true'));
    }
  }

  /** After errors were shown for a save: mark date ranges, remember the messages as the fields' own. */
  function afterSaveErrors() {
    fieldsBox.querySelectorAll('[data-key]').forEach((wrap) => {
      const slot = wrap.querySelector('.field-error');
      const shown = slot && !slot.hidden;
      if (shown) markWrapInvalid(wrap.dataset.key);
      fieldBase.set(wrap.dataset.key, shown ? [slot.textContent] : []);
    });
    const a = $('attachmentIds-error');
    attachBase = a.hidden ? '' : a.textContent;
  }

  function clearAllErrors() {
    Portal.clearErrors(form);
    form.querySelectorAll('[aria-invalid]').forEach((c) => c.removeAttribute('aria-invalid'));
    summary.hidden = true;
    summary.replaceChildren();
    claimedClientError = false;
    fieldBase.clear();
    refused.clear();
    attachBase = '';
  }

  /** What the page itself sees wrong with one of the form's fields ('' when nothing). */
  function localFieldError(f) {
    const id = `field-${f.key}`;
    if (f.type === 'date_range') {
      const from = ($(`${id}-from`) || {}).value || '';
      const to = ($(`${id}-to`) || {}).value || '';
      if (f.required && (!from || !to)) return `请填写${f.label}的开始和结束日期`;
      return from && to && to < from ? `${f.label}的结束日期不能早于开始日期` : '';
    }
    if (f.type === 'attachment') {
      const u = uploaders.get(f.key);
      return f.required && !(u && u.count()) ? `请上传${f.label}` : '';
    }
    const el = $(id);
    if (!el) return '';
    if ((f.type === 'number' || f.type === 'year') && el.validity && el.validity.badInput) return `${f.label}应填写数字`;
    const value = el.value.trim();
    if (f.required && !value) return f.type === 'choice' || f.type === 'date' ? `请选择${f.label}` : `请填写${f.label}`;
    if (f.maxLength && CharCounter.count(value) > f.maxLength) return `${f.label}不能超过 ${f.maxLength} 个字`;
    return '';
  }

  /** Without the live evaluation (it failed): a message stays only while the page itself still sees a problem. */
  function recheckFieldsLocally() {
    for (const f of (schema && schema.fields) || []) {
      const slot = form.querySelector(`[data-error-for="${CSS.escape(`values.${f.key}`)}"]`);
      if (slot && !slot.hidden && !localFieldError(f)) setFieldError(f.key, []);
    }
  }

  const isYearControl = (el) => {
    const wrap = schema && schema.yearField && el.closest('[data-key]');
    return !!wrap && wrap.dataset.key === schema.yearField;
  };

  fieldsBox.addEventListener('input', (e) => {
    if (isYearControl(e.target)) syncYear();
    scheduleEval();
  });
  fieldsBox.addEventListener('change', (e) => {
    const wrap = e.target.closest('[data-key]');
    if (wrap && wrap.dataset.type !== 'date_range' && wrap.dataset.type !== 'attachment') touched.add(wrap.dataset.key);
    if (isYearControl(e.target)) syncYear();
    scheduleEval();
  });
  fieldsBox.addEventListener('focusout', (e) => {
    const wrap = e.target.closest('[data-key]');
    if (!wrap || (e.relatedTarget && wrap.contains(e.relatedTarget))) return;
    if (!touched.has(wrap.dataset.key)) {
      touched.add(wrap.dataset.key);
      scheduleEval();
    }
  });

  // the page's own fields: checked again when edited
  function onOwnEdit(e) {
    const t = e.target;
    if (t === claimed) {
      if (e.type === 'input') claimedDirty = claimed.value.trim() !== '';
      checkClaimed(e.type);
    } else if (t === yearSelect) {
      setError('year', yearError());
      if (e.type === 'change') scheduleEval(); // a year may count 学分 where another counted 学时
    } else if (t.name === 'category') {
      setError('category', categoryError());
    }
  }
  form.addEventListener('input', onOwnEdit);
  form.addEventListener('change', onOwnEdit);

  // ---------------------------------------------------------------- live evaluation (核算)

  let evalCtrl = null;
  let evalTicket = 0;
  const scheduleEval = Portal.debounce(evaluate, 300);

  function showProposal(hoursValue, explanation) {
    proposed = hoursValue;
    $('proposed-hours').textContent = proposed != null ? V.hours(proposed, unit()) : '—';
    $('proposed-explanation').textContent = explanation;
    if (proposed != null) claimed.max = V.number(proposed);
    else claimed.removeAttribute('max');
    if (!claimedDirty) claimed.value = proposed != null ? V.number(proposed) : '';
    checkClaimed('proposal');
  }

  /** What is wrong with 申报学时 ('' when nothing; empty means "the proposed figure"). */
  function claimedError() {
    const raw = claimed.value.trim();
    if (claimed.validity && claimed.validity.badInput) return `申报${unit()}应填写数字`;
    if (raw === '') return '';
    if (!(Number(raw) > 0)) return `申报${unit()}应大于 0`;
    if (proposed != null && Number(raw) > proposed) return `申报${unit()}不能超过按规则核算的 ${V.number(proposed)} ${unit()}`;
    return '';
  }

  /**
   * 申报学时 after `mode` ('input': typed, 'change': left the box, 'proposal': a new 核算). Over the proposal is
   * said at once, anything else when the box is left; a message shown stays until the value is valid. The
   * server's word on a save stays until the box itself is edited.
   */
  function checkClaimed(mode) {
    const slot = $('claimedHours-error');
    const message = claimedError();
    if (slot.hidden) {
      const over = !!message && claimedDirty && proposed != null && Number(claimed.value) > proposed;
      if (!message || !(over || mode === 'change')) return;
    } else if (mode === 'proposal' && !claimedClientError) {
      return;
    }
    setError('claimedHours', message);
    claimedClientError = !!message;
  }

  async function evaluate() {
    if (!schema || !formId()) return;
    scheduleEval.cancel();
    if (evalCtrl) evalCtrl.abort();
    const ctrl = new AbortController();
    evalCtrl = ctrl;
    const t = ++evalTicket;
    $('proposal').setAttribute('aria-busy', 'true');
    try {
      const r = (await api(`/learning-forms/${enc(formId())}/evaluation`, {
        method: 'POST', body: { values: collectValues(), year: Number(yearSelect.value) || null }, signal: ctrl.signal,
      })) || {};
      if (t !== evalTicket) return;
      if (r.unit && r.unit !== unit()) {
        evalUnit = r.unit;
        showUnitLabels();
      }
      const keys = new Set((schema.fields || []).map((f) => f.key));
      const byKey = new Map();
      const general = [];
      for (const e of r.errors || []) {
        if (!e) continue;
        const key = String(e.field || '').replace(/^values\./, '');
        if (keys.has(key)) {
          if (!byKey.has(key)) byKey.set(key, []);
          byKey.get(key).push(e.message);
        } else if (e.message) {
          general.push(e.message);
        }
      }
      for (const key of keys) {
        if (touched.has(key)) setFieldError(key, byKey.get(key) || []);
      }
      const valid = r.valid !== false && r.proposedHours != null;
      let text;
      if (valid) text = r.explanation || '';
      else if (general.length) text = general.join('；');
      else text = byKey.size ? '请按提示填写完整、正确的信息后自动核算。' : (r.explanation || '请填写完整后自动核算。');
      showProposal(valid ? Number(r.proposedHours) : null, text);
    } catch (e) {
      if (e.name === 'AbortError' || t !== evalTicket) return;
      recheckFieldsLocally();
      if (e.status === 404) {
        showProposal(null, '该学习形式已停用，无法核算。');
        formGone(e.message || '该学习形式已停用，请选择其他学习形式');
      } else if (e.status === 401) {
        showProposal(proposed, '登录已超时，暂时无法自动核算；请在新窗口重新登录。');
      } else {
        showProposal(proposed, `暂时无法自动核算：${e.message}`);
      }
    } finally {
      if (t === evalTicket) $('proposal').removeAttribute('aria-busy');
    }
  }

  // ---------------------------------------------------------------- choosing the learning form

  let formsList = [];
  let loadTicket = 0;
  const goneForms = new Set(); // ids of forms found uninstalled while this page was open

  /** One optgroup per run of forms of one kind, so that the server's order stays as it is. */
  function formOptions(items) {
    const groups = [];
    let kind = null;
    for (const f of items) {
      const k = f.kindName || f.kind || '';
      if (!groups.length || k !== kind) groups.push(h('optgroup', { label: k || '其他' }));
      kind = k;
      const gone = goneForms.has(String(f.id));
      groups[groups.length - 1].append(h('option', { value: f.id, 'data-kind': f.kind || '', disabled: gone },
        gone ? `${f.name}（已停用）` : f.name));
    }
    return groups;
  }

  // 「搜索学习形式」 above the select (js/form-search.js)
  const formSearch = FormSearch.attach({
    input: $('form-search'),
    select,
    empty: $('form-search-empty'),
    items: () => formsList,
    options: formOptions,
    placeholder: () => h('option', { value: '' }, '请选择学习形式'),
    onPick: (id) => chooseForm(id),
  });

  async function loadFormList() {
    select.disabled = true;
    formSearch.enable(false);
    try {
      const data = (await api('/learning-forms')) || {};
      formsList = data.items || [];
      if (formsList.length) {
        formSearch.refresh();
      } else {
        select.replaceChildren(h('option', { value: '' }, '暂无可申报的学习形式'));
        showNote('目前没有可申报的学习形式，请稍后再来或联系平台运维人员。');
      }
      return true;
    } catch (e) {
      select.replaceChildren(h('option', { value: '' }, '学习形式加载失败'));
      const retry = h('button', { type: 'button', class: 'btn btn-small summary-action' }, '重新加载');
      retry.addEventListener('click', async () => {
        summary.hidden = true;
        if (await loadFormList()) select.focus();
      });
      showSummary(`学习形式加载失败：${e.message}`, ' ', retry);
      return false;
    } finally {
      select.disabled = editing || !formsList.length;
      formSearch.enable(!editing && formsList.length > 0);
    }
  }

  function setSteps(visible) {
    ['step-fields', 'step-common', 'step-attachments', 'declare-actions', 'declare-actions-help'].forEach((id) => { $(id).hidden = !visible; });
  }

  function showFormInfo(s) {
    $('form-kind').textContent = s.kindName || '';
    $('form-kind').hidden = !s.kindName;
    $('form-category').textContent = s.category === 'CHOICE' ? '科目类别：申报时选择' : `科目类别：${s.categoryName || ''}`;
    $('form-help').textContent = s.help || '';
    $('form-help').hidden = !s.help;
    const u = s.unit || '学时';
    const caps = [];
    if (hasNum(s.maxPerItem)) caps.push(`每项最多 ${V.number(s.maxPerItem)} ${u}`);
    if (hasNum(s.maxPerYear)) caps.push(`每年度最多 ${V.number(s.maxPerYear)} ${u}`);
    $('form-caps').textContent = caps.join('；');
    $('form-caps').hidden = !caps.length;
    $('form-info').hidden = false;
  }

  /** The labels that name the unit: 学时, or 学分 for a person whose year counts 学分. */
  function showUnitLabels() {
    const u = unit();
    $('proposed-label').textContent = `按规则核算${u}`;
    $('claimedHours-label').textContent = `申报${u}`;
    $('claimedHours-help').textContent = `默认为按规则核算的${u}；可以调低，不能超过核算值。`;
  }

  /** Render the fields of `s` (a form description) and the parts that depend on it. */
  function renderSchema(s) {
    schema = s;
    touched = new Set();
    [...uploaders.keys()].filter((k) => k !== '').forEach((k) => { uploaders.delete(k); refused.delete(k); });
    showFormInfo(s);
    const fields = Array.isArray(s.fields) ? s.fields : [];
    fieldsBox.replaceChildren(...fields.map(renderField));
    if (!fields.length) fieldsBox.append(h('p', { class: 'help' }, '该学习形式没有需要填写的信息项。'));
    evalUnit = null;
    showUnitLabels();
    const choice = s.category === 'CHOICE';
    $('category-choice').hidden = !choice;
    $('category-fixed-box').hidden = choice;
    $('category-fixed').textContent = s.categoryName || '';
    document.querySelectorAll('input[name="category"]').forEach((r) => { r.disabled = !choice; });
    claimedDirty = false;
    showProposal(null, '请填写上面的信息项，系统将自动核算。');
    setSteps(true);
    setButtons();
  }

  async function chooseForm(id, { values = null, focus = false } = {}) {
    const t = ++loadTicket;
    if (schema && !editing) valueCache.set(schema.id, collectValues());
    clearAllErrors();
    blocked = false;
    setButtons();
    if (!id) {
      schema = null;
      $('form-info').hidden = true;
      fieldsBox.replaceChildren();
      $('step-fields').hidden = true;
      setSteps(false);
      return;
    }
    $('fields-loading').hidden = false;
    $('step-fields').hidden = false;
    fieldsBox.replaceChildren();
    try {
      const s = await api(`/learning-forms/${enc(id)}`);
      if (t !== loadTicket) return;
      renderSchema(s);
      const restore = values || valueCache.get(id);
      if (restore) {
        fillValues(restore, null);
        syncYear();
        evaluate();
      }
      if (focus) {
        const first = fieldsBox.querySelector('input, select, textarea');
        if (first) first.focus();
      }
    } catch (e) {
      if (t !== loadTicket) return;
      setSteps(false);
      $('step-fields').hidden = true;
      schema = null;
      if (e.status === 404) {
        formsList = formsList.filter((f) => String(f.id) !== String(id));
        select.value = '';
        formSearch.refresh();
        $('form-info').hidden = true;
        Portal.showFieldErrors(form, [{ field: 'formId', message: `${e.message || '该学习形式已停用'}，请选择其他学习形式` }]);
      } else {
        Portal.showFieldError(form, 'formId', `信息项加载失败：${e.message}`);
      }
    } finally {
      if (t === loadTicket) $('fields-loading').hidden = true;
    }
  }

  select.addEventListener('change', () => chooseForm(select.value));

  /** The form was uninstalled while the user was filling it in: nothing can be saved with it. */
  function formGone(message) {
    if (blocked) return;
    blocked = true;
    setButtons();
    if (!editing) {
      if (schema) goneForms.add(String(schema.id));
      formSearch.refresh();
      showSummary(`${message}。您填写的内容仍保留在页面上，可以复制后改用其他学习形式申报。`);
    } else {
      showSummary(`${message}。`);
    }
  }

  // ---------------------------------------------------------------- 计入年度

  async function loadYears() {
    let years = [];
    try {
      const data = await api('/declarations/years');
      years = ((data && data.items) || []).map(Number).filter(Number.isInteger);
    } catch (e) { /* fall back to this year and the last one */ }
    if (!years.length) {
      const y = new Date().getFullYear();
      years = [y, y - 1];
    }
    years.sort((a, b) => b - a);
    yearSelect.replaceChildren(...years.map((y) => h('option', { value: y }, `${y} 年度`)));
    yearSelect.value = String(years[0]);
  }

  function setYear(year) {
    if (year == null) return;
    if (![...yearSelect.options].some((o) => o.value === String(year))) {
      yearSelect.append(h('option', { value: year }, `${year} 年度（已过可申报期限）`));
    }
    yearSelect.value = String(year);
  }

  /**
   * The year of the activity: from the form's `yearField` (a date: its year; a date range: the year it ends;
   * a year field: its value), with that field's label; null while it is not filled in.
   */
  function activityYear() {
    const key = schema && schema.yearField;
    const f = key ? (schema.fields || []).find((x) => x.key === key) : null;
    if (!f) return null;
    const id = `field-${key}`;
    let raw = '';
    if (f.type === 'date') raw = (/^(\d{4})-\d\d-\d\d$/.exec(($(id) || {}).value || '') || [])[1];
    else if (f.type === 'date_range') raw = (/^(\d{4})-\d\d-\d\d$/.exec(($(`${id}-to`) || {}).value || '') || [])[1];
    else if (f.type === 'year') raw = (($(id) || {}).value || '').trim();
    const year = /^\d{4}$/.test(raw || '') ? Number(raw) : NaN;
    // (a date typed digit by digit passes through years like 0002 and 0202)
    return year >= 1900 && year <= 2100 ? { year, label: f.label } : null;
  }

  function yearError() {
    if (!yearSelect.value) return '请选择计入年度';
    const a = activityYear();
    return a && String(a.year) !== yearSelect.value ? `${a.label}在 ${a.year} 年，只能计入 ${a.year} 年度` : '';
  }

  /** The date that decides the year changed: 计入年度 follows it, or says why it cannot. */
  function syncYear() {
    const a = activityYear();
    if (a && [...yearSelect.options].some((o) => o.value === String(a.year))) yearSelect.value = String(a.year);
    if (a || !$('year-error').hidden) setError('year', yearError());
  }

  function categoryError() {
    const choice = schema && schema.category === 'CHOICE';
    return choice && !form.querySelector('input[name="category"]:checked') ? '请选择科目类别：公需科目或专业科目' : '';
  }

  // ---------------------------------------------------------------- saving

  function setButtons() {
    const off = sending || blocked || !schema;
    saveBtn.disabled = off;
    submitBtn.disabled = off;
  }

  function setSending(on, submit) {
    sending = on;
    setButtons();
    saveBtn.textContent = on && !submit ? '正在保存…' : '保存暂不提交';
    submitBtn.textContent = on && submit ? '正在提交…' : '提交';
    form.setAttribute('aria-busy', String(on));
    allUploaders().forEach((u) => u.setDisabled(on));
  }

  /** What the page can see is wrong before asking the server (which checks everything again). */
  function check(submit) {
    const errors = [];
    const add = (field, message) => { if (message) errors.push({ field, message }); };
    if (!formId()) add('formId', '请选择学习形式');
    for (const f of (schema && schema.fields) || []) add(`values.${f.key}`, localFieldError(f));
    add('year', yearError());
    add('category', categoryError());
    add('claimedHours', claimedError());
    if (submit && !allUploaders().some((u) => u.count())) add('attachmentIds', NEED_FILES);
    return errors;
  }

  function body() {
    const category = form.querySelector('input[name="category"]:checked');
    const raw = claimed.value.trim();
    const attachmentIds = [];
    allUploaders().forEach((u) => u.ids().forEach((id) => { if (!attachmentIds.includes(id)) attachmentIds.push(id); }));
    return {
      year: yearSelect.value ? Number(yearSelect.value) : null,
      category: schema && schema.category === 'CHOICE' ? (category ? category.value : null) : null,
      // untouched: let the server take the proposed figure (it may have changed since the last 核算)
      claimedHours: claimedDirty && raw !== '' ? Number(raw) : null,
      values: collectValues(),
      attachmentIds,
    };
  }

  function loginLink() {
    return h('a', { href: '/login.html', target: '_blank', rel: 'noopener' }, '在新窗口中登录');
  }

  function reloadButton(label) {
    const b = h('button', { type: 'button', class: 'btn btn-small summary-action' }, label || '重新加载');
    b.addEventListener('click', () => location.reload());
    return b;
  }

  function showSaveError(e, submit, savedAsDraft) {
    const code = e.problem && e.problem.code;
    const prefix = savedAsDraft ? '已保存为草稿，但未能提交：' : '';
    if (e.status === 401) {
      showSummary(`${prefix}登录已超时。请`, loginLink(), '，登录后回到本页再次点击“', submit ? '提交' : '保存暂不提交', '”，已填写的内容不会丢失。');
    } else if (e.status === 409 && code === 'stale_version') {
      showSummary(`${prefix}${e.message}`, ' ', reloadButton('重新加载该申报'));
    } else if (e.status === 409 && code === 'invalid_transition') {
      showSummary(`${prefix}${e.message}`, ' ', h('a', { href: '/progress.html' }, '查看申报进度'));
    } else if (e.status === 409 && code === 'form_unavailable') {
      formGone(e.message || '该学习形式已停用');
    } else if (e.status === 404 && editing) {
      blocked = true;
      setButtons();
      showSummary(`${prefix}${e.message || '未找到该申报'}（可能已被删除）。`, ' ', h('a', { href: '/progress.html' }, '查看申报进度'));
    } else {
      const placed = Portal.showErrors(form, e, summary);
      claimedClientError = false;
      afterSaveErrors();
      if (prefix) summary.textContent = prefix + summary.textContent;
      if (placed) return;
    }
    summary.scrollIntoView({ block: 'center' });
  }

  async function deleteRemoved(ids) {
    await Promise.all(ids.map((id) => api(`/attachments/${enc(id)}`, { method: 'DELETE' }).catch(() => null)));
  }

  async function save(submit) {
    if (sending || blocked || !schema) return;
    clearAllErrors();
    (schema.fields || []).forEach((f) => touched.add(f.key));
    if (allUploaders().some((u) => u.busy())) {
      showSummary('附件正在上传，请等上传完成后再' + (submit ? '提交' : '保存') + '。');
      summary.scrollIntoView({ block: 'center' });
      return;
    }
    const problems = check(submit);
    if (problems.length) {
      Portal.showFieldErrors(form, problems);
      claimedClientError = problems.some((p) => p.field === 'claimedHours');
      afterSaveErrors();
      showSummary(`请按提示修改标红的项目后再${submit ? '提交' : '保存'}。`);
      return;
    }
    scheduleEval.cancel();
    setSending(true, submit);
    let savedAsDraft = false;
    try {
      let result;
      if (editing) {
        result = await api(`/declarations/${enc(decl.id)}`, { method: 'PUT', body: { version: decl.version, ...body() } });
        decl = result;
        const gone = [];
        allUploaders().forEach((u) => gone.push(...u.saved()));
        await deleteRemoved(gone);
        if (submit) {
          savedAsDraft = true;
          result = await api(`/declarations/${enc(decl.id)}/submission`, { method: 'POST', body: { version: decl.version } });
          decl = result;
        }
      } else {
        result = await api('/declarations', { method: 'POST', body: { formId: schema.id, ...body(), submit } });
      }
      done(result || {}, submit);
    } catch (e) {
      showSaveError(e, submit, savedAsDraft);
    } finally {
      setSending(false, submit);
    }
  }

  saveBtn.addEventListener('click', () => save(false));
  submitBtn.addEventListener('click', () => save(true));
  // Enter in a text box must not send a declaration off for review.
  form.addEventListener('submit', (e) => e.preventDefault());

  function done(result, submit) {
    const pending = submit || result.state === 'pending';
    form.hidden = true;
    note.hidden = true;
    $('declare-done-title').textContent = pending ? '申报已提交' : '申报已保存';
    $('declare-done-message').textContent = pending ? '已提交，请等待单位审核' : '已保存为草稿';
    $('declare-done-text').textContent = pending
      ? '审核结果可以在“申报进度查询”中查看。在单位审核之前，可以在“申报进度查询”中撤销该申报，撤销后变为待提交状态。'
      : '该申报尚未提交审核。可以在“申报进度查询”中查看、修改后再提交。';
    $('declare-done-progress').href = `/progress.html?state=${pending ? 'pending' : 'draft'}`;
    const edit = $('declare-done-edit');
    edit.hidden = pending || result.id == null;
    if (!edit.hidden) edit.href = `/declare.html?id=${enc(result.id)}`;
    $('declare-done').hidden = false;
    window.scrollTo(0, 0);
    $('declare-done-title').focus();
    toast(pending ? '申报已提交，请等待单位审核' : '已保存为草稿', 'success');
  }

  // ---------------------------------------------------------------- read-only (not a draft, or form gone)

  function showReadOnly(d) {
    form.hidden = true;
    $('declare-title').textContent = '查看申报';
    $('crumb-here').textContent = '查看申报';
    $('declare-lead').hidden = true;
    let text;
    const extra = [];
    if (d.origin != null) text = '该申报由继续教育基地为您申报，本人不能修改、撤销或删除；如有疑问请联系该基地。';
    else if (d.state === 'draft') text = '该申报所用的学习形式已停用，草稿不能再修改，只能查看或删除（请在“申报进度查询”中删除）。';
    else if (d.state === 'pending') text = '该申报已提交，正在等待单位审核，不能修改。如需修改，请先在“申报进度查询”中撤销。';
    else if (d.state === 'approved') text = '该申报已审核通过，不能修改。';
    else if (d.state === 'rejected') {
      text = '该申报审核不通过，不能修改。';
      if (d.formAvailable !== false) {
        extra.push(' ', h('a', { href: `/declare.html?copy=${enc(d.id)}`, id: 'copy-declaration' }, '复制为新的申报'));
      }
    } else text = '该申报不能修改。';
    $('declare-readonly-note').replaceChildren(text, ...extra);
    $('declare-readonly-body').replaceChildren(V.render(d));
    $('declare-readonly').hidden = false;
  }

  // ---------------------------------------------------------------- start

  addUploader('', $('attachment-input'), $('attachment-list'), '附件', $('upload-limits'));
  setButtons();

  const yearsLoaded = loadYears();

  if (editId) {
    $('crumb-progress').hidden = false;
    let d;
    try {
      d = await api(`/declarations/${enc(editId)}`);
    } catch (e) {
      if (e.status === 404) {
        Portal.showNotice('未找到该申报', '该申报不存在或已被删除。', [
          { label: '申报进度查询', href: '/progress.html' }, { label: '新的申报', href: '/declare.html' }]);
      } else if (e.status === 401) {
        location.replace('/login.html' + Portal.query({ next: location.pathname + location.search }));
      } else {
        Portal.showNotice('暂时无法打开该申报', e.message, [{ label: '重新加载', href: location.pathname + location.search }]);
      }
      return;
    }
    await yearsLoaded;
    if (d.origin != null || d.state !== 'draft' || d.formAvailable === false || !d.schema) {
      showReadOnly(d);
      showPage();
      return;
    }
    decl = d;
    editing = true;
    $('declare-title').textContent = '修改申报';
    $('crumb-here').textContent = '修改申报';
    select.replaceChildren(h('option', { value: d.formId }, d.formName || (d.schema && d.schema.name) || d.formId));
    select.disabled = true;
    $('form-search-box').hidden = true;
    const s = { ...d.schema, id: d.formId, unit: d.unit || d.schema.unit };
    renderSchema(s);
    const files = Array.isArray(d.attachments) ? d.attachments : [];
    const filesById = new Map(files.map((a) => [String(a.id), a]));
    fillValues(d.values || {}, filesById);
    const inFields = new Set();
    (s.fields || []).filter((f) => f.type === 'attachment')
      .forEach((f) => [].concat((d.values || {})[f.key] || []).forEach((id) => inFields.add(String(id))));
    uploaders.get('').setSaved(files.filter((a) => !inFields.has(String(a.id))));
    setYear(d.year);
    syncYear();
    if (d.category && s.category === 'CHOICE') {
      const r = $(`category-${d.category}`);
      if (r) r.checked = true;
    }
    if (d.proposedHours != null) showProposal(Number(d.proposedHours), d.explanation || '');
    if (d.claimedHours != null) {
      claimed.value = V.number(d.claimedHours);
      claimedDirty = d.proposedHours == null || Number(d.claimedHours) !== Number(d.proposedHours);
    }
    showNote('这是一份尚未提交的草稿，修改后可以再次保存，或直接提交审核。');
    setButtons();
    showPage();
    evaluate();
    // the form may have been upgraded since the draft was saved: saving uses the live rule
    api('/learning-forms').then((data) => {
      const live = ((data && data.items) || []).find((f) => f.id === d.formId);
      if (live && d.formVersion && live.version && live.version !== d.formVersion) {
        showNote('这是一份尚未提交的草稿。该学习形式已更新，保存时将按最新规则重新核算学时。');
      }
    }).catch(() => null);
    return;
  }

  await Promise.all([yearsLoaded, loadFormList()]);
  showPage();

  let copy = null;
  if (copyId) {
    try {
      copy = await api(`/declarations/${enc(copyId)}`);
    } catch (e) {
      showNote(`无法复制原申报：${e.message}`);
    }
  }
  if (copy && copy.origin != null) {
    showNote('该申报由继续教育基地为您申报，不能复制为新的申报。');
  } else if (copy) {
    const available = copy.formAvailable !== false && formsList.some((f) => String(f.id) === String(copy.formId));
    if (!available) {
      showNote(`原申报所用的学习形式「${copy.formName || ''}」已停用，无法复制，请重新选择学习形式。`);
    } else {
      const attachmentKeys = new Set(((copy.schema && copy.schema.fields) || []).filter((f) => f.type === 'attachment').map((f) => f.key));
      const values = {};
      Object.entries(copy.values || {}).forEach(([k, v]) => { if (!attachmentKeys.has(k)) values[k] = v; });
      select.value = copy.formId;
      await chooseForm(copy.formId, { values });
      if (copy.category && schema && schema.category === 'CHOICE') {
        const r = $(`category-${copy.category}`);
        if (r) r.checked = true;
      }
      showNote(`已复制「${copy.formName || ''}」申报的内容，请核对修改，并重新上传附件后再提交。`);
    }
  } else if (presetForm && formsList.some((f) => String(f.id) === presetForm)) {
    select.value = presetForm;
    await chooseForm(presetForm);
  }
});
