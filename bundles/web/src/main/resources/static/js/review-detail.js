/*
 * 申报审核: the detail dialog of one declaration (#review-detail in review-declarations.html).
 *
 * Shows the person, the declaration (DeclarationView.render from its own schema), its attachments
 * with an inline preview (PDF and images; anything else is a download), what that person already
 * has approved in the year, and the history. A pending declaration gets the decision panel:
 * 通过 (#approve, optional 核定学时 #approved-hours up to the form's cap per item; a changed figure
 * needs a reason) or 不通过 (#reject, reason #decision-reason, quick picks from GET /review/reasons),
 * then #confirm-decision. When the server says the declaration is `revocable` (this reviewer's approval, 审核通过 or
 * 单位已审核), 撤销审核 (#revoke, .review-revoke) asks for a reason (#decision-reason, required) and sends
 * decision "revoke": the declaration goes back to 待审核.
 *
 * Exposes the global `ReviewDetail` with open(id, {opener, onDone}); onDone({decided, message}) runs
 * after a decision was recorded (decided: already toasted here) or turned out to be stale (another
 * reviewer was first, or the declaration is gone: the page shows `message`); the list must then reload.
 * Needs portal.js and declaration-view.js first.
 */
(function () {
  'use strict';
  const { api, h, query, toast, formatDateTime } = Portal;
  const V = DeclarationView;
  const $ = (id) => document.getElementById(id);
  const enc = encodeURIComponent;

  const REASON_MAX = 200;
  const PREVIEW_IMAGE = /^image\/(png|jpe?g|gif|webp|bmp)$/i;
  const PREVIEW_PDF = /^application\/pdf$/i;

  let els = null; // the dialog's elements, bound on first use
  let reasons = null; // promise of the quick-pick reasons
  let current = null; // {id, data, opener, onDone}
  let choice = null; // 'approve' | 'reject' | 'revoke' | null
  let ticket = 0;
  let busy = false;

  function bind() {
    els = {
      dialog: $('review-detail'), title: $('detail-title'), loading: $('detail-loading'), error: $('detail-error'),
      layout: $('detail-layout'), content: $('detail-content'), form: $('decision-form'), fields: $('decision-fields'),
      approve: $('approve'), reject: $('reject'), revoke: $('revoke'), revokeHelp: $('revoke-help'),
      decisionTitle: $('decision-title'), hoursField: $('hours-field'), hours: $('approved-hours'),
      hoursLabel: $('approved-hours-label'), hoursHelp: $('approved-hours-help'), reasonLabel: $('decision-reason-label'),
      reason: $('decision-reason'), reasonHelp: $('decision-reason-help'), reasonCount: $('decision-reason-count'),
      picks: $('reason-picks'), formError: $('decision-error'), confirm: $('confirm-decision'),
    };
    const close = () => { if (!busy) closeDialog(); };
    $('detail-close').addEventListener('click', close);
    $('detail-cancel').addEventListener('click', close);
    els.dialog.addEventListener('cancel', (e) => { if (busy) e.preventDefault(); });
    els.dialog.addEventListener('click', (e) => { if (e.target === els.dialog) close(); });
    els.dialog.addEventListener('close', onClosed);
    els.approve.addEventListener('click', () => choose('approve', true));
    els.reject.addEventListener('click', () => choose('reject', true));
    els.revoke.addEventListener('click', () => choose('revoke', true));
    els.reason.addEventListener('input', showCount);
    els.hours.addEventListener('input', showReasonRule);
    els.form.addEventListener('submit', (e) => { e.preventDefault(); submit(); });
    els.picks.addEventListener('click', (e) => {
      const b = e.target.closest('button[data-reason]');
      if (b) pick(b.dataset.reason);
    });
    els.content.addEventListener('click', (e) => {
      const b = e.target.closest('.file-preview-toggle');
      if (b) togglePreview(b);
    });
    Portal.clearErrorsOnInput(els.form);
  }

  function toLogin() {
    location.replace('/login.html' + query({ next: location.pathname + location.search }));
  }

  // ---- attachments: inline preview for the reviewer ----

  function fileUrl(attachmentId) {
    return `/api/review/declarations/${enc(current.id)}/attachments/${enc(attachmentId)}`;
  }

  function fileItem(a) {
    const url = fileUrl(a.id);
    const name = a.name || `附件 ${a.id}`;
    const type = a.mediaType || '';
    if (type === 'application/zip') return zipItem(a, url, name);
    const previewable = PREVIEW_PDF.test(type) || PREVIEW_IMAGE.test(type);
    const boxId = `file-preview-${a.id}`;
    return h('li', { class: 'file-item review-file', 'data-file-id': a.id },
      h('span', { class: 'file-name' }, name),
      a.size != null ? h('span', { class: 'file-size' }, V.fileSize(a.size)) : null,
      h('span', { class: 'file-actions' },
        previewable ? h('button', {
          type: 'button', class: 'btn btn-small file-preview-toggle', 'aria-expanded': 'false', 'aria-controls': boxId,
          'data-url': url, 'data-type': type, 'data-name': name,
        }, '预览') : null,
        previewable
          ? h('a', { class: 'btn btn-small file-open', href: url, target: '_blank', rel: 'noopener' }, '新窗口打开')
          : h('a', { class: 'btn btn-small file-download', href: url, download: name }, '下载')),
      previewable ? h('div', { class: 'file-preview', id: boxId, hidden: true }) : null);
  }

  /** A ZIP: its files listed (GET .../entries), each previewed on its own like a single file. */
  function zipItem(a, url, name) {
    const list = h('ul', { class: 'file-list zip-entries', 'aria-label': `压缩包「${name}」中的文件` },
      h('li', { class: 'muted' }, '正在读取压缩包中的文件…'));
    api(`${url.replace(/^\/api/, '')}/entries`).then((data) => {
      const items = (data && data.items) || [];
      list.replaceChildren(...items.filter((e) => e.mediaType).map((e) => entryItem(a, e, `${url}/entries/${enc(e.index)}`)));
      if (!list.children.length) list.replaceChildren(h('li', { class: 'muted' }, '压缩包中没有可查看的文件'));
    }, (e) => list.replaceChildren(h('li', { class: 'field-error' }, `无法读取压缩包：${e.message}`)));
    return h('li', { class: 'file-item review-file review-zip', 'data-file-id': a.id },
      h('span', { class: 'file-name' }, name),
      a.size != null ? h('span', { class: 'file-size' }, V.fileSize(a.size)) : null,
      h('span', { class: 'file-actions' }, h('a', { class: 'btn btn-small file-download', href: url, download: name }, '下载')),
      list);
  }

  function entryItem(a, e, url) {
    const boxId = `file-preview-${a.id}-${e.index}`;
    return h('li', { class: 'file-item zip-entry', 'data-entry': e.index },
      h('span', { class: 'file-name' }, e.name),
      e.size >= 0 ? h('span', { class: 'file-size' }, V.fileSize(e.size)) : null,
      h('span', { class: 'file-actions' },
        h('button', {
          type: 'button', class: 'btn btn-small file-preview-toggle', 'aria-expanded': 'false', 'aria-controls': boxId,
          'data-url': url, 'data-type': e.mediaType, 'data-name': e.name,
        }, '预览'),
        h('a', { class: 'btn btn-small file-open', href: url, target: '_blank', rel: 'noopener' }, '新窗口打开')),
      h('div', { class: 'file-preview', id: boxId, hidden: true }));
  }

  function togglePreview(btn) {
    const box = $(btn.getAttribute('aria-controls'));
    if (!box) return;
    const open = btn.getAttribute('aria-expanded') !== 'true';
    btn.setAttribute('aria-expanded', String(open));
    btn.textContent = open ? '收起预览' : '预览';
    box.hidden = !open;
    if (open && !box.firstChild) {
      const { url, type, name } = btn.dataset;
      box.append(PREVIEW_PDF.test(type)
        ? h('iframe', { class: 'file-preview-frame', src: url, title: `附件预览：${name}` })
        : h('img', { class: 'file-preview-img', src: url, alt: `附件预览：${name}` }));
    }
  }

  // ---- content ----

  const orNull = (v) => (v == null || v === '' ? null : String(v));

  function dl(rows) {
    return h('dl', { class: 'detail-list' }, rows.filter(Boolean).map(([k, v]) => [
      h('dt', null, k), h('dd', { class: v == null || v === '' ? 'none' : null }, v == null || v === '' ? '未填写' : v)]));
  }

  function render(data) {
    const d = data.declaration || {};
    const p = data.person || {};
    const unit = d.unit || '学时';
    const decided = d.state === 'approved' || d.state === 'rejected';
    els.title.textContent = `申报详细：${p.name || ''}${d.formName ? ` · ${d.formName}` : ''}`;
    els.content.replaceChildren(
      h('h3', { class: 'decl-view-title' }, '申报人'),
      dl([['姓名', orNull(p.name)], ['身份证号', orNull(p.idNumber)], ['所在单位', orNull(p.unitName)],
        ['工作部门', orNull(p.departmentName)], ['专业技术职务', orNull(p.titleName)]]),
      h('h3', { class: 'decl-view-title' }, '审核参考'),
      dl([
        [`${d.year != null ? `${d.year} 年度` : '本年度'}已核定${unit}${d.kindName ? `（${d.kindName}）` : ''}`,
          h('span', { id: 'approved-in-year' }, V.hours(data.approvedInYear ?? 0, unit))],
        ['单项上限', data.maxPerItem != null ? V.hours(data.maxPerItem, unit) : '不限'],
        decided ? ['审核人', orNull(data.decidedByName)] : null,
      ]),
      duplicates(data.duplicates || []) || '',
      V.render(d, { fileItem }));
  }

  /** The person's other declarations that look like the same thing declared twice (from the server). */
  function duplicates(items) {
    if (!items.length) return null;
    return h('div', { class: 'alert alert-warning review-duplicates', role: 'note' },
      h('strong', null, '请注意：可能重复申报'),
      h('ul', null, items.map((x) => h('li', { 'data-kind': x.kind, 'data-declaration-id': x.declarationId },
        `${x.kindName}：${x.title || '（无标题）'}（编号 ${x.declarationId}，${x.stateName}）${x.detail ? `，${x.detail}` : ''}`))));
  }

  // ---- decision ----

  function showCount() {
    const n = [...els.reason.value].length;
    els.reasonCount.textContent = `${n} / ${REASON_MAX}`;
    els.reasonCount.classList.toggle('over', n > REASON_MAX);
  }

  /** The hours as they stand: claimed, or what the unit approved when ops decide the second level. */
  function claimed() {
    const d = current && current.data ? current.data.declaration : null;
    const h = d && (d.approvedHours != null ? d.approvedHours : d.claimedHours);
    return h != null ? Number(h) : null;
  }

  /** The 核定学时 typed, as a number (NaN when not a number); null when it is the claimed figure. */
  function changedHours() {
    const raw = els.hours.value.trim();
    if (raw === '') return NaN;
    const n = Number(raw);
    const c = claimed();
    return c != null && Math.abs(n - c) < 1e-9 ? null : n;
  }

  function showReasonRule() {
    if (choice !== 'approve') return;
    const changed = changedHours() !== null;
    els.reasonLabel.replaceChildren('调整原因');
    if (changed) els.reasonLabel.append(h('span', { class: 'required-mark', 'aria-hidden': 'true' }, ' *'));
    els.reason.required = changed;
    els.reason.setAttribute('aria-required', String(changed));
    els.reasonHelp.textContent = changed ? '核定学时与申报学时不同，请说明原因，申报人可以看到。' : '选填；核定学时与申报学时不同时必须填写。';
  }

  const CONFIRM = { approve: '确认通过', reject: '确认不通过', revoke: '确认撤销审核' };

  function choose(c, focus) {
    choice = c;
    const d = current.data.declaration;
    const unit = d.unit || '学时';
    const approve = c === 'approve';
    els.approve.setAttribute('aria-pressed', String(approve));
    els.reject.setAttribute('aria-pressed', String(c === 'reject'));
    els.revoke.setAttribute('aria-pressed', String(c === 'revoke'));
    els.fields.hidden = false;
    els.hoursField.hidden = !approve;
    els.picks.hidden = c !== 'reject' || !els.picks.childElementCount;
    Portal.clearErrors(els.form);
    els.formError.hidden = true;
    if (approve) {
      els.hoursLabel.textContent = `核定${unit}`;
      showReasonRule();
    } else {
      const revoke = c === 'revoke';
      els.reasonLabel.replaceChildren(revoke ? '撤销原因' : '不通过原因', h('span', { class: 'required-mark', 'aria-hidden': 'true' }, ' *'));
      els.reason.required = true;
      els.reason.setAttribute('aria-required', 'true');
      els.reasonHelp.textContent = revoke
        ? '请说明撤销审核的原因。撤销后该申报退回待审核，需要重新审核。'
        : '请说明不通过的原因，申报人可以看到，并可复制为新申报修改后重新提交。';
    }
    els.confirm.textContent = CONFIRM[c];
    els.confirm.className = approve ? 'btn btn-primary' : 'btn btn-primary btn-danger';
    if (focus) (approve ? els.hours : els.reason).focus();
  }

  function pick(text) {
    const now = els.reason.value.trim();
    if (!now.includes(text)) els.reason.value = now ? `${now}；${text}` : text;
    showCount();
    Portal.clearErrors(els.form, 'reason');
    els.reason.focus();
    els.reason.setSelectionRange(els.reason.value.length, els.reason.value.length);
  }

  function resetDecision(d, maxPerItem) {
    choice = null;
    els.approve.setAttribute('aria-pressed', 'false');
    els.reject.setAttribute('aria-pressed', 'false');
    els.revoke.setAttribute('aria-pressed', 'false');
    els.fields.hidden = true;
    els.reason.value = '';
    showCount();
    const standing = d.approvedHours != null ? d.approvedHours : d.claimedHours;
    els.hours.value = standing != null ? V.number(standing) : '';
    if (maxPerItem != null) els.hours.max = String(maxPerItem); else els.hours.removeAttribute('max');
    const unit = d.unit || '学时';
    els.hoursHelp.textContent = `申报${unit}：${V.hours(d.claimedHours, unit)}`
      + (d.approvedHours != null ? `；单位核定：${V.hours(d.approvedHours, unit)}` : '')
      + (maxPerItem != null ? `；最多可核定 ${V.hours(maxPerItem, unit)}` : '') + '。';
    Portal.clearErrors(els.form);
    els.formError.hidden = true;
  }

  /** Field checks before sending: returns [{field, message}]. */
  function check() {
    const errors = [];
    const reason = els.reason.value.trim();
    if ([...reason].length > REASON_MAX) errors.push({ field: 'reason', message: `原因不能超过${REASON_MAX}个字` });
    if (choice === 'reject') {
      if (!reason) errors.push({ field: 'reason', message: '请填写不通过的原因' });
      return errors;
    }
    if (choice === 'revoke') {
      if (!reason) errors.push({ field: 'reason', message: '请填写撤销审核的原因' });
      return errors;
    }
    const n = changedHours();
    const max = current.data.maxPerItem;
    const unit = current.data.declaration.unit || '学时';
    if (n !== null && (!Number.isFinite(n) || n < 0)) errors.push({ field: 'approvedHours', message: `请填写核定${unit}（不小于 0 的数字）` });
    else if (n !== null && max != null && n > Number(max)) errors.push({ field: 'approvedHours', message: `核定${unit}不能超过 ${V.number(max)}` });
    else if (n !== null && !reason) errors.push({ field: 'reason', message: `核定${unit}与申报${unit}不同，请填写调整原因` });
    return errors;
  }

  function setBusy(on) {
    busy = on;
    els.confirm.disabled = on;
    els.approve.disabled = on;
    els.reject.disabled = on;
    els.revoke.disabled = on;
    els.confirm.textContent = on ? '正在提交…' : (CONFIRM[choice] || CONFIRM.approve);
  }

  async function submit() {
    if (busy || !choice || !current || !current.data) return;
    Portal.clearErrors(els.form);
    els.formError.hidden = true;
    const errors = check();
    if (errors.length) { Portal.showFieldErrors(els.form, errors); return; }
    const d = current.data.declaration;
    const reason = els.reason.value.trim();
    const body = { decision: choice, version: d.version };
    if (reason) body.reason = reason;
    if (choice === 'approve' && changedHours() !== null) body.approvedHours = changedHours();
    const who = `「${(current.data.person || {}).name || ''}」的${d.formName || ''}申报`;
    setBusy(true);
    try {
      const line = await api(`/review/declarations/${enc(current.id)}/decision`, { method: 'POST', body });
      const unit = d.unit || '学时';
      const message = choice === 'revoke' ? '已撤销审核，该申报退回待审核'
        : choice === 'approve'
          ? `已通过${who}，核定 ${V.hours(line && line.approvedHours != null ? line.approvedHours : (body.approvedHours ?? d.claimedHours), unit)}`
          : `已将${who}审核为不通过`;
      toast(message, 'success');
      finish({ decided: true, message });
    } catch (e) {
      if (e.status === 401) { toLogin(); return; }
      if (e.status === 409 || e.status === 404) { finish({ decided: false, message: e.message }); return; }
      if (!Portal.showErrors(els.form, e, null)) {
        els.formError.textContent = e.message;
        els.formError.hidden = false;
        els.formError.scrollIntoView({ block: 'nearest' });
      }
    } finally {
      setBusy(false);
    }
  }

  /** The decision is done (or stale): close, let the page tell the user and reload its list. */
  function finish(result) {
    const done = current && current.onDone;
    busy = false;
    closeDialog();
    if (done) done(result);
  }

  // ---- open / close ----

  function loadReasons() {
    if (!reasons) {
      reasons = api('/review/reasons').then((d) => (d && Array.isArray(d.items) ? d.items : []), () => {
        reasons = null; // ask again next time
        return [];
      });
    }
    return reasons;
  }

  async function open(id, { opener, onDone } = {}) {
    if (!els) bind();
    const t = ++ticket;
    current = { id: String(id), data: null, opener: opener || document.activeElement, onDone };
    els.title.textContent = '申报详细';
    els.loading.hidden = false;
    els.error.hidden = true;
    els.layout.hidden = true;
    els.content.replaceChildren();
    els.form.hidden = true;
    if (!els.dialog.open) {
      if (typeof els.dialog.showModal === 'function') els.dialog.showModal();
      else els.dialog.setAttribute('open', '');
      document.body.classList.add('has-picker');
    }
    $('detail-close').focus();
    try {
      const [data, picks] = await Promise.all([api(`/review/declarations/${enc(id)}`), loadReasons()]);
      if (t !== ticket) return;
      current.data = data || {};
      const d = current.data.declaration || {};
      current.data.declaration = d;
      render(current.data);
      els.picks.replaceChildren(...picks.map((r) => h('button', { type: 'button', class: 'btn btn-small reason-pick', 'data-reason': r }, r)));
      resetDecision(d, current.data.maxPerItem);
      // the server says whether it waits for this reviewer (decidable) or this reviewer may take back an approval (revocable)
      const decidable = !!current.data.decidable;
      const revocable = !!current.data.revocable;
      els.form.hidden = !decidable && !revocable;
      els.approve.hidden = !decidable;
      els.reject.hidden = !decidable;
      els.revoke.hidden = !revocable;
      els.revokeHelp.hidden = !revocable;
      els.decisionTitle.textContent = decidable ? '审核结论' : '撤销审核';
      els.loading.hidden = true;
      els.layout.hidden = false;
      $('detail-body').scrollTop = 0;
    } catch (e) {
      if (t !== ticket) return;
      if (e.status === 401) { toLogin(); return; }
      els.loading.hidden = true;
      els.error.textContent = `详细信息加载失败：${e.message}`;
      els.error.hidden = false;
      if (e.status === 404 && current.onDone) current.onDone({ decided: false, message: e.message });
    }
  }

  function closeDialog() {
    ticket++;
    if (els.dialog.open && typeof els.dialog.close === 'function') els.dialog.close();
    else { els.dialog.removeAttribute('open'); onClosed(); }
  }

  function onClosed() {
    document.body.classList.remove('has-picker');
    // stop a playing preview and free the frames
    els.content.replaceChildren();
    const opener = current && current.opener;
    current = null;
    // back to the row's 详细; when that row went away, to the list or the chosen tab
    const target = opener && document.contains(opener) && !opener.disabled ? opener
      : document.querySelector('#review-list .details-open') || document.querySelector('.tab[aria-selected="true"]');
    if (target) target.focus();
  }

  window.ReviewDetail = { open };
})();
