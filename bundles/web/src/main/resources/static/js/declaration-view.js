/*
 * Read-only view of one declaration (学时/学分申报), shared by 申报进度查询 (「详细」) and the
 * declaration page (a declaration that can no longer be edited).
 *
 * The form's own fields are shown from the declaration's `schema`: the form description as it was
 * when the declaration was made (labels, option labels), never from the live form, which may be gone
 * or newer.
 *
 * Exposes the global `DeclarationView`. Needs portal.js (Portal.h) first. A page that shows someone
 * else's declaration (申报审核) passes `render(decl, {fileItem})` to show the attachments its own way.
 * A declaration a 继续教育基地 made for the person (`origin` not null) shows p.origin-note first.
 */
(function () {
  'use strict';
  const { h, formatDateTime } = Portal;


  /** 24 → "24", "24.50" → "24.5"; "" for null. */
  function number(value) {
    if (value == null || value === '') return '';
    const n = Number(value);
    if (!Number.isFinite(n)) return String(value);
    return String(Math.round(n * 100) / 100);
  }

  /** "24 学时" ("—" when there is no figure). */
  function hours(value, unit) {
    const n = number(value);
    return n === '' ? '—' : `${n} ${unit || '学时'}`;
  }

  /** 2048 → "2.0 KB". */
  function fileSize(bytes) {
    const n = Number(bytes);
    if (!Number.isFinite(n) || n < 0) return '';
    if (n < 1024) return `${n} B`;
    if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
    return `${(n / 1024 / 1024).toFixed(1)} MB`;
  }

  function stateName(state, given) {
    return given || state || ''; // labels come from the server (stateName)
  }

  function stateBadge(state, name) {
    return h('span', { class: `state-badge state-${state}` }, stateName(state, name));
  }

  function downloadUrl(id) {
    return `/api/attachments/${encodeURIComponent(id)}`;
  }

  /**
   * Who declared it for the person, when not the person (`origin`, the server's words, e.g.
   * 「继续教育基地学时申报（基地「…」，班次「…」）」): a line p.origin-note, with `hint` (optional) after it.
   */
  function originNote(origin, hint) {
    return h('p', { class: 'origin-note' },
      h('span', { class: 'origin-text' }, String(origin)),
      hint ? h('span', { class: 'origin-hint' }, hint) : null);
  }

  /** One attachment as a download link with its size. */
  function attachmentItem(a) {
    return h('li', { class: 'file-item', 'data-file-id': a.id },
      h('a', { class: 'file-download', href: downloadUrl(a.id), download: a.name || '' }, a.name || `附件 ${a.id}`),
      a.size != null ? h('span', { class: 'file-size' }, fileSize(a.size)) : null);
  }

  /** The display text (or node) of one value of a form field, by the field's type. */
  function fieldValue(field, value, filesById, fileItem = attachmentItem) {
    const empty = value == null || value === '' || (Array.isArray(value) && !value.length);
    if (empty) return null;
    switch (field.type) {
      case 'choice': {
        const opt = (field.options || []).find((o) => String(o.value) === String(value));
        return opt ? opt.label : String(value);
      }
      case 'date_range': {
        if (typeof value !== 'object') return String(value);
        const from = value.from || '?';
        const to = value.to || '?';
        return `${from} 至 ${to}`;
      }
      case 'number':
        return number(value);
      case 'attachment': {
        const ids = Array.isArray(value) ? value : [value];
        return h('ul', { class: 'file-list' }, ids.map((id) => fileItem(filesById.get(String(id)) || { id })));
      }
      default:
        return typeof value === 'object' ? JSON.stringify(value) : String(value);
    }
  }

  function row(label, value, cls) {
    const none = value == null || value === '';
    return [h('dt', null, label), h('dd', { class: [none ? 'none' : null, cls].filter(Boolean).join(' ') || null }, none ? '未填写' : value)];
  }

  /**
   * The whole declaration: form fields (from its schema), 计入年度, category, hours, explanation,
   * attachments, dates and the state history. `decl` is the answer of GET /declarations/{id}.
   * options.fileItem(attachment) → <li>: how to show one attachment (default: a download link);
   * options.origin: false leaves out the origin note (the page shows it elsewhere).
   */
  function render(decl, options = {}) {
    const fileItem = options.fileItem || attachmentItem;
    const schema = decl.schema || {};
    const fields = Array.isArray(schema.fields) ? schema.fields : [];
    const values = decl.values || {};
    const unit = decl.unit || schema.unit || '学时';
    const files = Array.isArray(decl.attachments) ? decl.attachments : [];
    const filesById = new Map(files.map((a) => [String(a.id), a]));
    // files that belong to an attachment field of the form are shown there, not again below
    const inFields = new Set();
    fields.filter((f) => f.type === 'attachment').forEach((f) => {
      [].concat(values[f.key] || []).forEach((id) => inFields.add(String(id)));
    });
    const otherFiles = files.filter((a) => !inFields.has(String(a.id)));

    const formRows = fields.map((f) => row(f.label || f.key, fieldValue(f, values[f.key], filesById, fileItem),
      f.type === 'long_text' ? 'pre-line' : null));

    const common = [
      row('学习形式', decl.formName || schema.name),
      row('申报类型', decl.kindName || schema.kindName),
      row('计入年度', decl.year != null ? `${decl.year} 年度` : null),
      row('科目类别', decl.categoryName || schema.categoryName),
      row(`核算${unit}`, decl.proposedHours != null ? hours(decl.proposedHours, unit) : null),
      row(`申报${unit}`, decl.claimedHours != null ? hours(decl.claimedHours, unit) : null),
      decl.approvedHours != null ? row(`核定${unit}`, hours(decl.approvedHours, unit), 'approved-hours') : null,
      decl.reviewNote ? row('审核意见', decl.reviewNote, 'pre-line') : null,
      row('核算说明', decl.explanation),
      row('状态', stateBadge(decl.state, decl.stateName)),
    ];
    if (decl.state === 'rejected' || decl.rejectReason) common.push(row('不通过原因', decl.rejectReason, 'reason'));
    common.push(row('创建时间', formatDateTime(decl.createdAt)));
    if (decl.updatedAt) common.push(row('最后修改', formatDateTime(decl.updatedAt)));
    if (decl.submittedAt) common.push(row('提交时间', formatDateTime(decl.submittedAt)));
    if (decl.decidedAt) common.push(row('审核时间', formatDateTime(decl.decidedAt)));

    const history = Array.isArray(decl.history) ? decl.history : [];
    // the entries name only the state they lead to: name the state they come from the same way
    const names = new Map(history.filter((e) => e.toName).map((e) => [e.to, e.toName]));
    if (decl.stateName) names.set(decl.state, decl.stateName);

    return h('div', { class: 'decl-view' },
      decl.origin != null && options.origin !== false ? originNote(decl.origin) : null,
      h('h3', { class: 'decl-view-title' }, '申报内容'),
      fields.length ? h('dl', { class: 'detail-list decl-values' }, formRows)
        : h('p', { class: 'muted' }, '该学习形式没有需要填写的信息项。'),
      h('h3', { class: 'decl-view-title' }, '申报信息'),
      h('dl', { class: 'detail-list decl-common' }, common),
      h('h3', { class: 'decl-view-title' }, '附件'),
      otherFiles.length ? h('ul', { class: 'file-list decl-files' }, otherFiles.map(fileItem))
        : h('p', { class: 'muted decl-files-none' }, '未上传附件'),
      history.length ? [
        h('h3', { class: 'decl-view-title' }, '处理记录'),
        h('ol', { class: 'history-list' }, history.map((e) => h('li', null,
          h('time', { class: 'history-at', datetime: e.at || null }, formatDateTime(e.at)),
          h('span', { class: 'history-what' }, e.from ? `${stateName(e.from, names.get(e.from))} → ${stateName(e.to, e.toName)}` : `创建：${stateName(e.to, e.toName)}`),
          e.hoursAfter != null && Number(e.hoursAfter) !== Number(e.hoursBefore)
            ? h('span', { class: 'history-hours' }, `${hours(e.hoursBefore, unit)} → ${hours(e.hoursAfter, unit)}`) : null,
          e.note ? h('span', { class: 'history-note' }, e.note) : null))),
      ] : null);
  }

  window.DeclarationView = {
    render, fieldValue, number, hours, fileSize, stateName, stateBadge, attachmentItem, downloadUrl, originNote,
  };
})();
