// 学员导入 (base admins), /base-import.html?courseId=N: import the attendance list (学员名单) of one course of one's
// own base. The course (GET /api/base/courses/{id}) heads the page (#course-name, #course-dates, #course-hours,
// #course-year, #course-category); the help tells the columns, the limits (GET /api/base/imports/limits: #import-limits)
// and whether the hours are approved at once (#import-approval); #import-template downloads a CSV template made here.
//
// #import-file + #import-check 检查名单: POST /api/base/courses/{id}/imports?dryRun=true (multipart part `file`) → a
// Report, shown in #import-result[data-source="dry-run"] (#import-totals [data-total], the lines table #import-lines of
// js/import-view.js). When some lines can be declared or kept, #import-confirm 确认导入 asks (js/confirm-dialog.js) and
// POSTs the same file without dryRun → #import-done[data-import-id] 导入完成 (a.import-done-refused: the refused lines
// as CSV) and the history again. A whole-file refusal (a problem) shows its message in #import-error. Choosing another
// file clears the result. 导入记录 (#import-history, js/import-history.js): 查看 shows an import's lines
// (GET /api/base/imports/{id}) in the same table, #import-result[data-source="history"][data-import-id].
document.addEventListener('DOMContentLoaded', async () => {
  'use strict';
  const { api, h, query } = Portal;
  const { nameOf } = ImportView;
  const $ = (id) => document.getElementById(id);
  const enc = encodeURIComponent;

  const UPLOAD_TIMEOUT_MS = 5 * 60 * 1000; // a list of 10 000 lines takes a while to check
  const TEMPLATE = '\ufeff身份证号,姓名,学时\r\n';
  const COURSES = [{ label: '返回班次管理', href: '/base-courses.html' }];

  const user = await Portal.requireLogin(['BASE_ADMIN']);
  if (!user) return;

  function toLogin() {
    location.replace('/login.html' + query({ next: location.pathname + location.search }));
  }

  // ---- the course ----

  const courseId = (new URLSearchParams(location.search).get('courseId') || '').trim();
  if (!/^\d{1,18}$/.test(courseId)) {
    Portal.showNotice('请先选择班次', '学员名单要导入到某个班次：请在班次管理中找到该班次，点击「学员导入」。', COURSES);
    return;
  }
  let course;
  try {
    course = await api(`/base/courses/${enc(courseId)}`);
  } catch (e) {
    if (e.status === 401) { toLogin(); return; }
    Portal.showNotice(e.status === 404 ? '未找到该班次' : '暂时无法打开此页面', e.message,
      e.status === 404 ? COURSES : [{ label: '重新加载', href: location.pathname + location.search }, ...COURSES]);
    return;
  }
  const limitsPromise = api('/base/imports/limits').catch((e) => (e.status === 401 ? (toLogin(), null) : null));

  const hoursText = (n) => `${Portal.formatAmount(n)} 学时`;
  if (user.baseName) {
    $('import-base').textContent = user.baseName;
    $('import-base').hidden = false;
  }
  $('import-course').dataset.courseId = String(course.id ?? courseId);
  $('course-name').textContent = course.name || '';
  const day = (d) => h('span', { class: 'nowrap' }, d || '—');
  $('course-dates').replaceChildren(...(course.from && course.from === course.to ? [day(course.from)] : [day(course.from), ' 至 ', day(course.to)]));
  $('course-hours').textContent = hoursText(course.hours);
  $('course-year').textContent = course.year == null ? '—' : `${course.year} 年`;
  $('course-category').textContent = course.categoryName || course.category || '—';
  $('help-course-hours').textContent = ` ${hoursText(course.hours)}`;
  Portal.info().then((cfg) => { document.title = `学员导入 · ${course.name || ''} - ${cfg.name}`; });

  // ---- help: the limits, the approval, the template ----

  let limits = null;
  limitsPromise.then((l) => {
    limits = l && typeof l === 'object' ? l : null;
    const parts = [];
    if (limits && Number(limits.maxRows) > 0) parts.push(`每个文件最多 ${limits.maxRows} 行学员`);
    if (limits && limits.maxFileSize) parts.push(`文件不超过 ${limits.maxFileSize}`);
    $('import-limits').textContent = parts.length ? `${parts.join('，')}；人数较多时请分成几个文件导入。` : '暂时无法读取文件大小和行数的限制，检查名单时服务器会告知。';
    if (limits && typeof limits.approveAtOnce === 'boolean') {
      $('import-approval').textContent = approvalText(limits.approveAtOnce, false);
      $('import-approval').hidden = false;
    }
  });

  /** Whether the hours count at once or are reviewed by each person's unit; `done`: said after an import. */
  function approvalText(atOnce, done) {
    if (atOnce) return done ? '学时已直接计入各人的继续教育学时，无需单位审核。' : '确认导入后，学时直接计入各人的继续教育学时，无需单位审核。';
    return done ? '申报已提交各人所在单位审核，审核通过后计入。' : '确认导入后，申报提交各人所在单位审核，审核通过后计入。';
  }

  const template = $('import-template');
  template.href = URL.createObjectURL(new Blob([TEMPLATE], { type: 'text/csv;charset=utf-8' }));

  // ---- the result: totals and lines ----

  const form = $('import-form');
  const fileInput = $('import-file');
  const checkBtn = $('import-check');
  const confirmBtn = $('import-confirm');
  const status = $('import-status');
  const errorBox = $('import-error');
  const done = $('import-done');
  const result = $('import-result');

  const lines = ImportView.lines({
    table: $('import-lines-table'), rows: $('import-lines'), filter: $('import-filter'), order: $('import-order'),
    count: $('import-lines-count'), empty: $('import-lines-empty'), pager: $('import-lines-pager'),
    prev: $('lines-prev'), next: $('lines-next'), info: $('lines-info'),
  });

  let checked = null; // {file, report} of the last dry run, while its file is still the chosen one
  let busy = false;

  /**
   * Show lines with their totals. source: dry-run | commit | history; `title` and `note` say what they are.
   * On a dry run 可以导入 counts the good lines, afterwards 已申报 (the server's names for ok / declared).
   */
  function showResult(source, { title, note, totals, list, results, importId }) {
    const dry = source === 'dry-run';
    result.dataset.source = source;
    if (importId != null) result.dataset.importId = String(importId);
    else delete result.dataset.importId;
    $('import-result-title').textContent = title;
    $('import-result-note').textContent = note;
    ImportView.totals($('import-totals'), totals, {
      rows: '总行数',
      ok: nameOf(results, dry ? 'ok' : 'declared'),
      waiting: nameOf(results, 'waiting'),
      refused: dry ? '不能导入' : '未导入',
    });
    $('import-order').value = 'problems';
    lines.show(list, results);
    result.hidden = false;
    historyList.mark(source === 'history' ? importId : null);
  }

  function hideResult() {
    result.hidden = true;
    result.dataset.source = '';
    delete result.dataset.importId;
    $('import-confirm-box').hidden = true;
    lines.clear();
    historyList.mark(null);
  }

  function clearMessages() {
    errorBox.hidden = true;
    errorBox.replaceChildren();
    done.hidden = true;
    done.replaceChildren();
    done.removeAttribute('data-import-id');
  }

  /** A refused upload: the server's message, prominently; nothing was stored. */
  function showError(e, extra = '名单未导入，没有保存任何内容。') {
    let message = e.message || Portal.NETWORK_ERROR;
    // a 413 that did not come from the portal (a proxy in front of it) has no message of its own
    if (e.status === 413 && !(e.problem && e.problem.code)) message = `文件太大${limits && limits.maxFileSize ? `，不能超过 ${limits.maxFileSize}` : ''}`;
    errorBox.replaceChildren(
      h('strong', { class: 'import-error-message' }, message),
      extra ? h('span', { class: 'import-error-note' }, extra) : null);
    errorBox.hidden = false;
    errorBox.focus();
  }

  function setBusy(text) {
    busy = !!text;
    form.setAttribute('aria-busy', String(busy));
    checkBtn.disabled = busy;
    confirmBtn.disabled = busy;
    fileInput.disabled = busy;
    checkBtn.textContent = busy && !checked ? '正在检查…' : '检查名单';
    confirmBtn.textContent = busy && checked ? '正在导入…' : '确认导入';
    status.textContent = text || '';
    status.hidden = !text;
  }

  // ---- choosing a file ----

  fileInput.addEventListener('change', () => {
    checked = null;
    clearMessages();
    hideResult();
    const file = fileInput.files && fileInput.files[0];
    $('import-file-help').textContent = file ? `已选择：${file.name}，点击「检查名单」。` : '选择文件后点击「检查名单」。';
  });

  /** The chosen file, or null after saying why it cannot be sent. */
  function chosenFile() {
    const file = fileInput.files && fileInput.files[0];
    if (!file) {
      showError(new Error('请先选择学员名单文件（.xlsx 或 .csv）'), null);
      fileInput.focus();
      return null;
    }
    if (limits && Number(limits.maxFileBytes) > 0 && file.size > Number(limits.maxFileBytes)) {
      showError(new Error(`文件不能超过 ${limits.maxFileSize || `${limits.maxFileBytes} 字节`}`), '请分成几个文件分别导入。');
      return null;
    }
    return file;
  }

  function upload(file, dryRun) {
    const body = new FormData();
    body.append('file', file, file.name);
    return api(`/base/courses/${enc(courseId)}/imports${dryRun ? '?dryRun=true' : ''}`, { method: 'POST', body, timeout: UPLOAD_TIMEOUT_MS });
  }

  // ---- 检查名单: the dry run ----

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (busy) return;
    clearMessages();
    hideResult();
    checked = null;
    const file = chosenFile();
    if (!file) return;
    setBusy('正在检查…');
    try {
      const report = await upload(file, true);
      checked = { file, report };
      const t = report.totals || {};
      showResult('dry-run', {
        title: `检查结果：${report.fileName || file.name}`,
        note: '这是检查结果，尚未导入任何学员。请核对后确认导入；不能导入的行可修改后另行导入。',
        totals: t, list: report.lines, results: report.results, importId: null,
      });
      const can = (Number(t.ok) || 0) + (Number(t.waiting) || 0);
      $('import-confirm-box').hidden = can <= 0;
      $('import-confirm-note').textContent = can > 0
        ? `${nameOf(report.results, 'ok')} ${Number(t.ok) || 0} 人，${nameOf(report.results, 'waiting')} ${Number(t.waiting) || 0} 人。${approvalText(!!report.approvedAtOnce, false)}`
        : '';
      if (can <= 0) $('import-result-note').textContent = '名单中没有可以导入的学员，请修改文件后重新选择。';
      $('import-result-title').focus();
    } catch (err) {
      if (err.status === 401) { toLogin(); return; }
      showError(err);
    } finally {
      setBusy(null);
    }
  });

  // ---- 确认导入: the commit ----

  confirmBtn.addEventListener('click', async () => {
    if (busy || !checked) return;
    const { file, report } = checked;
    const t = report.totals || {};
    const item = (text) => h('span', { class: 'confirm-line' }, text);
    const yes = await ConfirmDialog.ask({
      title: '确认导入',
      message: `确定把「${report.fileName || file.name}」导入班次「${course.name || ''}」吗？`,
      what: [
        item(`申报学时：${Number(t.ok) || 0} 人（${report.approvedAtOnce ? '直接计入，无需单位审核' : '提交所在单位审核'}）`),
        item(`${nameOf(report.results, 'waiting')}：${Number(t.waiting) || 0} 人（尚未注册，注册审核通过后自动申报）`),
        Number(t.refused) ? item(`不能导入：${Number(t.refused)} 行（不保存，可修改后另行导入）`) : null,
      ].filter(Boolean),
      ok: '确认导入',
    });
    if (!yes || checked === null || checked.file !== file) return;
    clearMessages();
    setBusy('正在导入…');
    try {
      const r = await upload(file, false);
      checked = null;
      fileInput.value = ''; // the same list twice would declare nobody twice, but say nothing useful either
      $('import-file-help').textContent = '选择文件后点击「检查名单」。';
      $('import-confirm-box').hidden = true;
      showResult('commit', {
        title: `导入结果：${r.fileName || file.name}`,
        note: '以下是本次导入的逐行结果。',
        totals: r.totals, list: r.lines, results: r.results, importId: r.importId,
      });
      showDone(r);
      historyList.load(0);
    } catch (err) {
      if (err.status === 401) { toLogin(); return; }
      if (err.status === 0) {
        // the answer was lost: the import may have been recorded all the same
        showError(err, '无法确定是否已导入：请先查看下方的导入记录，确认没有导入后再重试。');
        historyList.load(0);
      } else {
        showError(err);
      }
    } finally {
      setBusy(null);
    }
  });

  /** 导入完成 with the totals, and the refused lines as CSV when there are any. */
  function showDone(r) {
    const t = r.totals || {};
    const refused = Number(t.refused) || 0;
    done.dataset.importId = String(r.importId ?? '');
    done.replaceChildren(
      h('strong', { class: 'import-done-title' }, '导入完成'),
      h('span', { class: 'import-done-totals' },
        `共 ${Number(t.rows) || 0} 行：${nameOf(r.results, 'declared')} ${Number(t.ok) || 0} 人，`
        + `${nameOf(r.results, 'waiting')} ${Number(t.waiting) || 0} 人，未导入 ${refused} 行。`),
      h('span', { class: 'import-done-approval' }, approvalText(!!r.approvedAtOnce, true)),
      refused && r.importId != null
        ? ImportView.downloadLink(`/api/base/imports/${enc(r.importId)}/refused.csv`, `未导入的学员-${r.importId}.csv`,
          `下载未导入的 ${refused} 行（修改后可重新导入）`, { class: 'import-done-refused', id: 'import-done-refused' })
        : null);
    done.hidden = false;
    done.focus();
  }

  // ---- 导入记录 ----

  const historyList = ImportHistory.create({
    courseId,
    toLogin,
    async onView(s, btn) {
      if (busy) return;
      btn.disabled = true;
      try {
        const d = await api(`/base/imports/${enc(s.id)}`);
        const sum = d.summary || s;
        checked = null;
        $('import-confirm-box').hidden = true;
        showResult('history', {
          title: `导入记录：${sum.fileName || ''}`,
          note: `${Portal.formatDateTime(sum.createdAt)} 导入的名单，逐行结果如下。${approvalText(!!sum.approvedAtOnce, true)}`,
          totals: { rows: sum.rows, ok: sum.declared, waiting: sum.waiting, refused: sum.refused },
          list: d.lines, results: d.results, importId: sum.id,
        });
        $('import-result-title').focus();
      } catch (e) {
        if (e.status === 401) { toLogin(); return; }
        Portal.toast(e.message || Portal.NETWORK_ERROR, 'error', 6000);
      } finally {
        if (document.contains(btn)) btn.disabled = false;
      }
    },
  });

  // ---- start ----

  $('page-loading').hidden = true;
  $('page-body').hidden = false;
  $('main').removeAttribute('aria-busy');
  historyList.load(0);
});
