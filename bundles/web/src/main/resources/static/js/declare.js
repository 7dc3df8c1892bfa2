// 学时学分申报: choose a learning form, fill the fields it defines (rendered from its schema), see the
// proposed 学时/学分 as you type, upload proof, then 保存暂不提交 (draft) or 提交 (for review).
// declare.html?id=N edits a draft (from the declaration's own schema snapshot); ?copy=N starts a new
// declaration from the contents of an earlier one; ?form=ID preselects a learning form.
document.addEventListener('DOMContentLoaded', async () => {
  'use strict';
  const { api, h, toast } = Portal;
  const V = DeclarationView;
  const $ = (id) => document.getElementById(id);

  const ACCEPTED = /\.(jpe?g|png|pdf|zip)$/i;
  const WRONG_TYPE = '只能上传 JPG、PNG、PDF 文件或 ZIP 压缩包';
  const DUPLICATE = '该文件已用于其他申报，请确认没有重复申报';
  const NEED_FILES = '提交前请上传证明材料（证书、成绩单等扫描件）';
  const UPLOAD_TIMEOUT_MS = 10 * 60 * 1000;

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
  let claimedClientError = false;
  let proposed = null; // number, or null while the values are incomplete
  let touched = new Set(); // field keys whose errors the live evaluation may show
  const valueCache = new Map(); // form id → values typed, so switching forms back and forth loses nothing
  const uploaders = new Map(); // field key (or '' for the common 附件) → uploader

  const unit = () => (schema && schema.unit) || '学时';
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

  // ---------------------------------------------------------------- attachments (upload, list, remove)

  let uploadSeq = 0;

  function uploadError(status, data) {
    const message = data && data.message;
    let text;
    if (status === 413) text = message || '文件太大，请压缩或缩小后再上传';
    else if (status === 415) text = message || WRONG_TYPE;
    else if (status === 422) text = message || '文件无法读取（ZIP 压缩包损坏或内容不符合要求），请检查后重新上传';
    else if (status === 401) text = '登录已超时，请在新窗口中重新登录后再上传';
    else if (status === 0) text = Portal.NETWORK_ERROR;
    else text = message || (status >= 500 ? `服务暂时不可用（${status}），请稍后重试` : `上传失败（${status}）`);
    const err = new Error(text);
    err.status = status;
    err.problem = data;
    return err;
  }

  /** POST /api/attachments with XMLHttpRequest (for the progress bar). Resolves with the stored file. */
  function sendFile(item, onProgress, retried) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      item.xhr = xhr;
      xhr.open('POST', '/api/attachments');
      xhr.timeout = UPLOAD_TIMEOUT_MS;
      xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
      const token = Portal.getCsrfToken();
      if (token) xhr.setRequestHeader('X-CSRF-Token', token);
      xhr.upload.addEventListener('progress', (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); });
      xhr.addEventListener('load', () => {
        let data = null;
        try { data = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch (e) { data = null; }
        if (xhr.status >= 200 && xhr.status < 300 && data && data.id != null) resolve(data);
        else if (xhr.status >= 200 && xhr.status < 300) reject(uploadError(500, { message: '服务器返回的数据格式有误，请稍后重试' }));
        else if (xhr.status === 403 && data && data.code === 'csrf_failed' && !retried) {
          Portal.me({ refresh: true }).catch(() => null)
            .then(() => sendFile(item, onProgress, true)).then(resolve, reject);
        } else reject(uploadError(xhr.status, data));
      });
      xhr.addEventListener('error', () => reject(uploadError(0, null)));
      xhr.addEventListener('timeout', () => reject(uploadError(0, { message: '上传超时，请检查网络后重试' })));
      xhr.addEventListener('abort', () => { const e = new Error('aborted'); e.name = 'AbortError'; reject(e); });
      const body = new FormData();
      body.append('file', item.file, item.file.name);
      xhr.send(body);
    });
  }

  /**
   * A file input plus its list: files are uploaded one by one, each with a progress bar;
   * done files carry [data-attachment-id], a download link and a remove button.
   */
  function createUploader({ input, list, label, onChange }) {
    const items = [];
    let disabled = false;
    const removedSaved = new Set(); // ids of saved files the user took off the list (deleted after the next save)

    function changed() { if (onChange) onChange(); }

    function render(item) {
      const el = item.el;
      el.className = `attachment-item is-${item.state}`;
      if (item.state === 'done') el.setAttribute('data-attachment-id', item.id);
      else el.removeAttribute('data-attachment-id');
      const name = item.state === 'done'
        ? h('a', { class: 'attachment-name', href: V.downloadUrl(item.id), download: item.name || '' }, item.name)
        : h('span', { class: 'attachment-name' }, item.name);
      const pct = Math.round((item.progress || 0) * 100);
      let status = null;
      if (item.state === 'queued') status = '等待上传…';
      else if (item.state === 'uploading') status = pct >= 100 ? '正在处理…' : `正在上传 ${pct}%`;
      const removeLabel = item.state === 'queued' || item.state === 'uploading' ? '取消' : item.state === 'failed' ? '移除' : '删除';
      el.replaceChildren(...[
        h('div', { class: 'attachment-main' },
          h('span', { class: 'attachment-icon', 'aria-hidden': 'true' }, fileIcon(item.name)),
          h('span', { class: 'attachment-text' },
            name,
            item.size != null ? h('span', { class: 'attachment-size' }, V.fileSize(item.size)) : null,
            status ? h('span', { class: 'attachment-status' }, status) : null),
          h('button', {
            type: 'button', class: 'btn btn-small attachment-remove', disabled: disabled && item.state === 'done',
            'aria-label': `${removeLabel}附件：${item.name}`,
          }, removeLabel)),
        item.state === 'queued' || item.state === 'uploading'
          ? h('progress', { class: 'attachment-progress', max: '100', value: String(pct), 'aria-label': `${item.name} 上传进度` }) : null,
        item.duplicates ? h('p', { class: 'attachment-warning', role: 'status' }, DUPLICATE) : null,
        item.error ? h('p', { class: 'attachment-error', role: 'alert' }, item.error) : null,
      ].filter(Boolean));
      el.querySelector('.attachment-remove').addEventListener('click', () => remove(item));
    }

    function setProgress(item, fraction) {
      item.progress = fraction;
      const bar = item.el.querySelector('.attachment-progress');
      const status = item.el.querySelector('.attachment-status');
      const pct = Math.round(fraction * 100);
      if (bar) bar.value = pct;
      if (status) status.textContent = pct >= 100 ? '正在处理…' : `正在上传 ${pct}%`;
    }

    function add(file) {
      const item = { uid: ++uploadSeq, file, name: file.name, size: file.size, state: 'queued', progress: 0 };
      item.el = h('li', { class: 'attachment-item', 'data-upload-id': item.uid });
      items.push(item);
      if (!ACCEPTED.test(file.name || '')) {
        item.state = 'failed';
        item.error = `「${file.name}」不能上传：${WRONG_TYPE}`;
      } else if (!file.size) {
        item.state = 'failed';
        item.error = '文件是空的，请重新选择';
      }
      render(item);
      list.append(item.el);
    }

    let running = null;
    async function pump() {
      if (running) return;
      const item = items.find((i) => i.state === 'queued');
      if (!item) return;
      running = item;
      item.state = 'uploading';
      render(item);
      try {
        const stored = await sendFile(item, (f) => setProgress(item, f));
        item.state = 'done';
        item.id = stored.id;
        item.name = stored.name || item.name;
        item.size = stored.size != null ? stored.size : item.size;
        item.duplicates = Array.isArray(stored.duplicates) && stored.duplicates.length > 0;
        item.file = null;
        if (!items.includes(item)) deleteOnServer(item.id); // removed while the answer was on its way
      } catch (e) {
        if (e.name === 'AbortError') {
          item.state = 'cancelled';
        } else {
          item.state = 'failed';
          item.error = `「${item.name}」上传失败：${e.message}`;
        }
      } finally {
        item.xhr = null;
        running = null;
      }
      if (items.includes(item)) render(item);
      changed();
      pump();
    }

    function deleteOnServer(id) {
      api(`/attachments/${enc(id)}`, { method: 'DELETE' }).catch(() => { /* best effort: the file was never used */ });
    }

    function remove(item) {
      const idx = items.indexOf(item);
      if (idx < 0) return;
      const hadFocus = item.el.contains(document.activeElement);
      items.splice(idx, 1);
      if (item.state === 'uploading' && item.xhr) item.xhr.abort();
      if (item.state === 'done') {
        if (item.saved) removedSaved.add(String(item.id));
        else deleteOnServer(item.id);
      }
      item.el.remove();
      if (hadFocus) {
        const next = items[idx] || items[idx - 1];
        const target = next ? next.el.querySelector('.attachment-remove') : input;
        if (target) target.focus();
      }
      changed();
    }

    input.addEventListener('change', () => {
      const files = [...(input.files || [])];
      input.value = '';
      if (!files.length) return;
      files.forEach(add);
      changed();
      pump();
    });

    return {
      label,
      /** Ids of the uploaded files, in list order. */
      ids: () => items.filter((i) => i.state === 'done').map((i) => i.id),
      busy: () => items.some((i) => i.state === 'queued' || i.state === 'uploading'),
      count: () => items.filter((i) => i.state === 'done').length,
      /** Show files that are already part of the saved declaration. */
      setSaved(files) {
        for (const a of files || []) {
          const item = { uid: ++uploadSeq, id: a.id, name: a.name || `附件 ${a.id}`, size: a.size, state: 'done', saved: true };
          item.el = h('li', { class: 'attachment-item' });
          items.push(item);
          render(item);
          list.append(item.el);
        }
      },
      /** After a successful save: everything listed is saved; what was taken off may go. */
      saved() {
        items.forEach((i) => { if (i.state === 'done') i.saved = true; });
        const gone = [...removedSaved];
        removedSaved.clear();
        return gone;
      },
      setDisabled(on) {
        disabled = on;
        input.disabled = on;
        items.forEach(render);
      },
    };
  }

  function fileIcon(name) {
    const m = /\.([a-z0-9]+)$/i.exec(name || '');
    const ext = m ? m[1].toLowerCase() : '';
    if (ext === 'pdf') return 'PDF';
    if (ext === 'zip') return 'ZIP';
    if (ext === 'png' || ext === 'jpg' || ext === 'jpeg') return '图';
    return '文';
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
    let counter = null;

    switch (f.type) {
      case 'long_text': {
        control = h('textarea', { ...common, rows: 4, maxlength: f.maxLength || null });
        if (f.maxLength) {
          counter = h('p', { class: 'help char-count', id: `field-${key}-count`, 'aria-live': 'off' }, `0 / ${f.maxLength}`);
          control.setAttribute('aria-describedby', `${describedBy} field-${key}-count`);
          control.addEventListener('input', () => {
            const n = [...control.value].length;
            counter.textContent = `${n} / ${f.maxLength}`;
            counter.classList.toggle('over', n > f.maxLength);
          });
        }
        break;
      }
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
          h('input', { ...common, type: 'file', class: 'file-input', accept: '.jpg,.jpeg,.png,.pdf,.zip', multiple: true }),
          h('ul', { class: 'attachment-list', 'data-attachment-list-for': key, 'aria-live': 'polite' }));
        break;
      }
      default: // text, and any type this page does not know yet
        control = h('input', { ...common, type: 'text', maxlength: f.maxLength || null, autocomplete: 'off' });
    }

    const wrap = h('div', { class: `field${isWide(f) ? ' field-wide' : ''}`, 'data-key': key, 'data-type': f.type },
      label, control, counter,
      f.help ? h('p', { class: 'help', id: helpId }, f.help) : null,
      h('p', { class: 'field-error', id: errId, 'data-error-for': name, role: 'alert', hidden: true }));

    if (f.type === 'attachment') {
      uploaders.set(key, createUploader({
        input: wrap.querySelector('input[type="file"]'),
        list: wrap.querySelector('.attachment-list'),
        label: f.label,
        onChange: () => { touched.add(key); clearFieldError(key); scheduleEval(); },
      }));
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
        if (f.type === 'long_text') $(id).dispatchEvent(new Event('input')); // the character count
      }
    }
  }

  // ---------------------------------------------------------------- field errors

  /** Show `messages` under a form field, leaving an identical message alone (no repeated announcements). */
  function setFieldError(key, messages) {
    const field = `values.${key}`;
    const slot = form.querySelector(`[data-error-for="${CSS.escape(field)}"]`);
    if (!slot) return false;
    const text = messages.join('；');
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

  /** Both inputs of a date range (Portal marks only the first control of a field). */
  function markWrapInvalid(key) {
    const wrap = fieldWrap(key);
    if (wrap && wrap.dataset.type === 'date_range') {
      wrap.querySelectorAll('input').forEach((c) => c.setAttribute('aria-invalid', 'true'));
    }
  }

  function markAllWrapsInvalid() {
    fieldsBox.querySelectorAll('[data-key]').forEach((wrap) => {
      const slot = wrap.querySelector('.field-error');
      if (slot && !slot.hidden) markWrapInvalid(wrap.dataset.key);
    });
  }

  function clearAllErrors() {
    Portal.clearErrors(form);
    form.querySelectorAll('[aria-invalid]').forEach((c) => c.removeAttribute('aria-invalid'));
    summary.hidden = true;
    summary.replaceChildren();
    claimedClientError = false;
  }

  Portal.clearErrorsOnInput(form);
  fieldsBox.addEventListener('input', (e) => {
    const wrap = e.target.closest('[data-key]');
    if (wrap) wrap.querySelectorAll('[aria-invalid]').forEach((c) => c.removeAttribute('aria-invalid'));
    scheduleEval();
  });
  fieldsBox.addEventListener('change', (e) => {
    const wrap = e.target.closest('[data-key]');
    if (wrap && wrap.dataset.type !== 'date_range' && wrap.dataset.type !== 'attachment') touched.add(wrap.dataset.key);
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
    checkClaimed();
  }

  /** 申报学时 above the proposal: said at once (the server says it again on saving). */
  function checkClaimed() {
    const raw = claimed.value.trim();
    const over = claimedDirty && raw !== '' && proposed != null && Number(raw) > proposed;
    if (over) {
      const text = `申报${unit()}不能超过按规则核算的 ${V.number(proposed)} ${unit()}`;
      const slot = $('claimedHours-error');
      if (slot.hidden || slot.textContent !== text) {
        Portal.clearErrors(form, 'claimedHours');
        Portal.showFieldError(form, 'claimedHours', text);
      }
      claimedClientError = true;
    } else if (claimedClientError) {
      Portal.clearErrors(form, 'claimedHours');
      claimedClientError = false;
    }
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
        method: 'POST', body: { values: collectValues() }, signal: ctrl.signal,
      })) || {};
      if (t !== evalTicket) return;
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

  // on the form, after Portal.clearErrorsOnInput (registered above), which would clear the message again
  form.addEventListener('input', (e) => {
    if (e.target !== claimed) return;
    claimedDirty = claimed.value.trim() !== '';
    checkClaimed();
  });

  // ---------------------------------------------------------------- choosing the learning form

  let formsList = [];
  let loadTicket = 0;

  function formOptions(items) {
    const groups = new Map();
    for (const f of items) {
      const key = f.kindName || f.kind || '';
      if (!groups.has(key)) groups.set(key, h('optgroup', { label: key || '其他' }));
      groups.get(key).append(h('option', { value: f.id, 'data-kind': f.kind || '' }, f.name));
    }
    return [...groups.values()];
  }

  async function loadFormList() {
    select.disabled = true;
    try {
      const data = (await api('/learning-forms')) || {};
      formsList = data.items || [];
      if (formsList.length) {
        select.replaceChildren(h('option', { value: '' }, '请选择学习形式'), ...formOptions(formsList));
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

  /** Render the fields of `s` (a form description) and the parts that depend on it. */
  function renderSchema(s) {
    schema = s;
    touched = new Set();
    [...uploaders.keys()].filter((k) => k !== '').forEach((k) => uploaders.delete(k));
    showFormInfo(s);
    const fields = Array.isArray(s.fields) ? s.fields : [];
    fieldsBox.replaceChildren(...fields.map(renderField));
    if (!fields.length) fieldsBox.append(h('p', { class: 'help' }, '该学习形式没有需要填写的信息项。'));
    const u = unit();
    $('proposed-label').textContent = `按规则核算${u}`;
    $('claimedHours-label').textContent = `申报${u}`;
    $('claimedHours-help').textContent = `默认为按规则核算的${u}；可以调低，不能超过核算值。`;
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
        const opt = [...select.options].find((o) => o.value === id);
        if (opt) opt.remove();
        select.value = '';
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
      const opt = [...select.options].find((o) => o.value === (schema && schema.id));
      if (opt && !/（已停用）$/.test(opt.textContent)) {
        opt.textContent += '（已停用）';
        opt.disabled = true;
      }
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

  // ---------------------------------------------------------------- saving

  function allUploaders() { return [...uploaders.values()]; }

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
    const add = (field, message) => errors.push({ field, message });
    if (!formId()) add('formId', '请选择学习形式');
    for (const f of (schema && schema.fields) || []) {
      const field = `values.${f.key}`;
      const id = `field-${f.key}`;
      if (f.type === 'date_range') {
        const from = ($(`${id}-from`) || {}).value || '';
        const to = ($(`${id}-to`) || {}).value || '';
        if (f.required && (!from || !to)) add(field, `请填写${f.label}的开始和结束日期`);
        else if (from && to && to < from) add(field, `${f.label}的结束日期不能早于开始日期`);
      } else if (f.type === 'attachment') {
        const u = uploaders.get(f.key);
        if (f.required && !(u && u.count())) add(field, `请上传${f.label}`);
      } else {
        const el = $(id);
        if (!el) continue;
        if ((f.type === 'number' || f.type === 'year') && el.validity && el.validity.badInput) {
          add(field, `${f.label}应填写数字`);
        } else if (f.required && !el.value.trim()) {
          add(field, f.type === 'choice' || f.type === 'date' ? `请选择${f.label}` : `请填写${f.label}`);
        }
      }
    }
    if (!yearSelect.value) add('year', '请选择计入年度');
    if (schema && schema.category === 'CHOICE' && !form.querySelector('input[name="category"]:checked')) {
      add('category', '请选择科目类别：公需科目或专业科目');
    }
    const raw = claimed.value.trim();
    if (claimed.validity && claimed.validity.badInput) add('claimedHours', `申报${unit()}应填写数字`);
    else if (raw !== '' && !(Number(raw) > 0)) add('claimedHours', `申报${unit()}应大于 0`);
    else if (raw !== '' && proposed != null && Number(raw) > proposed) {
      add('claimedHours', `申报${unit()}不能超过按规则核算的 ${V.number(proposed)} ${unit()}`);
    }
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
      markAllWrapsInvalid();
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
      markAllWrapsInvalid();
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
    if (d.state === 'draft') text = '该申报所用的学习形式已停用，草稿不能再修改，只能查看或删除（请在“申报进度查询”中删除）。';
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

  uploaders.set('', createUploader({
    input: $('attachment-input'),
    list: $('attachment-list'),
    label: '附件',
    onChange: () => Portal.clearErrors(form, 'attachmentIds'),
  }));
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
    if (d.state !== 'draft' || d.formAvailable === false || !d.schema) {
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
  if (copy) {
    const available = copy.formAvailable !== false && [...select.options].some((o) => o.value === copy.formId);
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
  } else if (presetForm && [...select.options].some((o) => o.value === presetForm)) {
    select.value = presetForm;
    await chooseForm(presetForm);
  }
});
