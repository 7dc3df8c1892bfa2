// A modal 「请确认」 dialog, shared by 申报进度查询 (撤销/删除) and 学员导入 (确认导入).
//
//   const yes = await ConfirmDialog.ask({title, message, what, ok, danger});
//
// uses the page's #confirm-dialog (#confirm-title, #confirm-message, #confirm-what, #confirm-ok, #confirm-cancel)
// and builds it (with those ids) when the page has none. `what` (optional) is shown in a box under the message,
// `ok` is the text of the confirming button, `danger` makes it red. Resolves with true (#confirm-ok) or false
// (#confirm-cancel, Esc, a click beside the dialog); the focus goes back to where it was. Opening it again while
// it is open answers the first question with false.
//
// Needs js/portal.js before it. Exposes the global `ConfirmDialog`.
(function () {
  'use strict';
  const { h } = Portal;

  let els = null;
  let answer = null; // resolve function of the open question
  let opener = null;

  /** The dialog's elements: the page's markup, else built once. */
  function elements() {
    if (els) return els;
    let dialog = document.getElementById('confirm-dialog');
    if (!dialog) {
      dialog = h('dialog', { id: 'confirm-dialog', class: 'modal', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-message' },
        h('div', { class: 'modal-box' },
          h('div', { class: 'modal-head' }, h('h2', { id: 'confirm-title', class: 'modal-title' }, '请确认')),
          h('div', { class: 'modal-body' },
            h('p', { id: 'confirm-message', class: 'confirm-message' }),
            h('p', { id: 'confirm-what', class: 'confirm-what', hidden: true })),
          h('div', { class: 'modal-foot' },
            h('button', { type: 'button', id: 'confirm-ok', class: 'btn btn-primary' }, '确定'),
            h('button', { type: 'button', id: 'confirm-cancel', class: 'btn' }, '取消'))));
      (document.getElementById('main') || document.body).append(dialog);
    }
    const $ = (id) => document.getElementById(id);
    els = { dialog, title: $('confirm-title'), message: $('confirm-message'), what: $('confirm-what'), ok: $('confirm-ok'), cancel: $('confirm-cancel') };
    els.ok.addEventListener('click', () => close(true));
    els.cancel.addEventListener('click', () => close(false));
    dialog.addEventListener('click', (e) => { if (e.target === dialog) close(false); });
    dialog.addEventListener('close', () => {
      if (dialog.open) return; // (the event of an earlier close, after the next question opened it again)
      document.body.classList.remove('has-picker');
      if (answer) { const a = answer; answer = null; a(false); }
      if (opener && document.contains(opener)) opener.focus();
      opener = null;
    });
    return els;
  }

  function close(result) {
    const e = elements();
    const done = answer;
    answer = null;
    if (e.dialog.open && typeof e.dialog.close === 'function') e.dialog.close();
    else if (e.dialog.hasAttribute('open')) {
      e.dialog.removeAttribute('open');
      e.dialog.dispatchEvent(new Event('close'));
    }
    document.body.classList.remove('has-picker');
    if (done) done(result);
  }

  /** Ask; resolves with true when confirmed. */
  function ask({ title, message, what, ok, danger }) {
    const e = elements();
    if (answer) { const a = answer; answer = null; a(false); }
    e.title.textContent = title || '请确认';
    e.message.textContent = message || '';
    e.what.replaceChildren(...[].concat(what || []));
    e.what.hidden = !what;
    e.ok.textContent = ok || '确定';
    e.ok.className = danger ? 'btn btn-primary btn-danger' : 'btn btn-primary';
    if (!e.dialog.open) opener = document.activeElement;
    return new Promise((resolve) => {
      answer = (v) => { answer = null; resolve(v); };
      if (!e.dialog.open) {
        if (typeof e.dialog.showModal === 'function') e.dialog.showModal();
        else e.dialog.setAttribute('open', '');
      }
      document.body.classList.add('has-picker');
      e.cancel.focus();
    });
  }

  window.ConfirmDialog = { ask };
})();
