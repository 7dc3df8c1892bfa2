/*
 * File uploads of 学时学分申报: a file input plus its list. Files are sent one by one (POST /api/attachments,
 * XMLHttpRequest for the progress bar); done files carry [data-attachment-id], a download link and a remove button.
 *
 * Limits come from GET /api/attachments/limits (public): {maxBytes, maxSize, maxFilesPerDeclaration, types}.
 *  - a PDF / ZIP over maxBytes is refused before sending (onRefuse「文件超过 {maxSize}，请压缩后再上传」);
 *  - a JPEG / PNG photo over maxBytes or over 2 MB is first shrunk in the browser: drawn on a canvas with its
 *    long side at most 2400 px (EXIF orientation respected) and re-encoded as JPEG, quality 0.85 down to 0.6,
 *    named like the original with .jpg; the list item then says 「照片已压缩：{原大小} → {新大小}」. A photo that
 *    stays over maxBytes is refused like a PDF;
 *  - files beyond maxFilesPerDeclaration (counted by `used()` over the whole declaration) are refused.
 *
 *   const u = Uploads.createUploader({input, list, label, limitsEl, used, onChange, onPick, onRefuse});
 *   u.ids() u.count() u.active() u.busy() u.setSaved(files) u.saved() u.setDisabled(on)
 * `limitsEl` receives the limits sentence; `onPick()` runs when files are chosen (before any onRefuse of that
 * choice); `onRefuse(message)` says why a file was not sent; `onChange()` runs when the list changed.
 *
 * Test hooks: .upload-limits (#upload-limits for the common 附件), li.attachment-item[data-upload-id] with
 * .is-queued / .is-shrinking / .is-uploading / .is-done / .is-failed, [data-attachment-id], .attachment-remove,
 * .attachment-error, .attachment-warning, .upload-shrunk-note.
 *
 * Exposes the global `Uploads`. Needs portal.js and declaration-view.js first.
 */
(function () {
  'use strict';
  const { api, h } = Portal;
  const V = DeclarationView;

  const ACCEPTED = /\.(jpe?g|png|pdf|zip)$/i;
  const PHOTO_NAME = /\.(jpe?g|png)$/i;
  const PHOTO_TYPE = /^image\/(jpeg|png)$/i;
  const WRONG_TYPE = '只能上传 JPG、PNG、PDF 文件或 ZIP 压缩包';
  const DUPLICATE = '该文件已用于其他申报，请确认没有重复申报';
  const UPLOAD_TIMEOUT_MS = 10 * 60 * 1000;
  const PHOTO_BYTES = 2 * 1024 * 1024; // photos above this are shrunk even when the server would take them
  const LONG_SIDE = 2400;
  const QUALITIES = [0.85, 0.75, 0.6];

  let uploadSeq = 0;

  // ---------------------------------------------------------------- limits

  let limitsPromise = null;

  /** GET /api/attachments/limits, cached; resolves with null when it cannot be had (asked again next time). */
  function limits() {
    if (!limitsPromise) {
      limitsPromise = api('/attachments/limits').then((l) => (l && Number(l.maxBytes) > 0 ? l : null), () => {
        limitsPromise = null;
        return null;
      });
    }
    return limitsPromise;
  }

  /** "image/jpeg" → "JPG", "application/pdf" → "PDF". */
  function typeName(type) {
    const sub = String(type || '').split('/').pop().toUpperCase();
    return sub === 'JPEG' ? 'JPG' : sub;
  }

  /** 「支持 JPG、PNG、PDF、ZIP，单个文件不超过 10 MB，每项申报最多 20 个文件」 */
  function limitsText(l) {
    const parts = [];
    if (Array.isArray(l.types) && l.types.length) parts.push(`支持 ${l.types.map(typeName).join('、')}`);
    if (l.maxSize) parts.push(`单个文件不超过 ${l.maxSize}`);
    if (Number(l.maxFilesPerDeclaration) > 0) parts.push(`每项申报最多 ${l.maxFilesPerDeclaration} 个文件`);
    return parts.join('，');
  }

  function showLimits(el) {
    if (!el) return;
    limits().then((l) => {
      const text = l ? limitsText(l) : '';
      el.textContent = text;
      el.hidden = !text;
    });
  }

  function tooBig(l, names) {
    return `文件超过 ${l.maxSize || V.fileSize(l.maxBytes)}，请压缩后再上传${names && names.length ? `（${names.join('、')}）` : ''}`;
  }

  // ---------------------------------------------------------------- shrinking photos

  const isPhoto = (file) => PHOTO_TYPE.test(file.type || '') || PHOTO_NAME.test(file.name || '');

  function readDataUrl(file) {
    return new Promise((resolve, reject) => {
      const r = new FileReader();
      r.onload = () => resolve(r.result);
      r.onerror = () => reject(r.error);
      r.readAsDataURL(file);
    });
  }

  /** The picture of `file`, upright: an ImageBitmap, or an <img> (from a data: URL, which the page's CSP allows). */
  async function decode(file) {
    if (typeof createImageBitmap === 'function') {
      try { return await createImageBitmap(file, { imageOrientation: 'from-image' }); } catch (e) { /* options unknown */ }
      try { return await createImageBitmap(file); } catch (e) { /* try an <img> */ }
    }
    const url = await readDataUrl(file);
    return new Promise((resolve, reject) => {
      const img = new Image();
      img.onload = () => resolve(img);
      img.onerror = () => reject(new Error('not an image'));
      img.src = url;
    });
  }

  const toBlob = (canvas, quality) => new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));

  /**
   * `file` as a JPEG with its long side at most 2400 px, at the best quality (0.85 … 0.6) that is not over
   * `target` bytes (else the smallest); null when the browser cannot read or draw it.
   */
  async function shrink(file, target) {
    let image;
    try { image = await decode(file); } catch (e) { return null; }
    const w = image.naturalWidth || image.width;
    const ht = image.naturalHeight || image.height;
    if (!w || !ht) return null;
    const scale = Math.min(1, LONG_SIDE / Math.max(w, ht));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(w * scale));
    canvas.height = Math.max(1, Math.round(ht * scale));
    let blob = null;
    try {
      const ctx = canvas.getContext('2d');
      if (!ctx) return null;
      ctx.fillStyle = '#fff'; // the transparent parts of a PNG become white, not black
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
      for (const q of QUALITIES) {
        blob = await toBlob(canvas, q);
        if (!blob || blob.size <= target) break;
      }
    } catch (e) {
      blob = null;
    } finally {
      if (typeof image.close === 'function') image.close();
      canvas.width = 0; // let the browser free the pixels at once (phones)
      canvas.height = 0;
    }
    if (!blob) return null;
    const name = String(file.name || '照片').replace(/\.[^.]*$/, '') + '.jpg';
    return new File([blob], name, { type: 'image/jpeg', lastModified: file.lastModified || Date.now() });
  }

  // ---------------------------------------------------------------- sending

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

  function fileIcon(name) {
    const m = /\.([a-z0-9]+)$/i.exec(name || '');
    const ext = m ? m[1].toLowerCase() : '';
    if (ext === 'pdf') return 'PDF';
    if (ext === 'zip') return 'ZIP';
    if (ext === 'png' || ext === 'jpg' || ext === 'jpeg') return '图';
    return '文';
  }

  // ---------------------------------------------------------------- the uploader

  function createUploader({ input, list, label, limitsEl, used, onChange, onPick, onRefuse }) {
    const items = [];
    let disabled = false;
    const removedSaved = new Set(); // ids of saved files the user took off the list (deleted after the next save)
    const isActive = (i) => i.state === 'done' || i.state === 'queued' || i.state === 'shrinking' || i.state === 'uploading';
    const pending = (i) => i.state === 'queued' || i.state === 'shrinking' || i.state === 'uploading';

    function changed() { if (onChange) onChange(); }
    function refuse(message) { if (onRefuse) onRefuse(message); }

    showLimits(limitsEl);

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
      else if (item.state === 'shrinking') status = '正在压缩照片…';
      else if (item.state === 'uploading') status = pct >= 100 ? '正在处理…' : `正在上传 ${pct}%`;
      const removeLabel = pending(item) ? '取消' : item.state === 'failed' ? '移除' : '删除';
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
        item.shrunk ? h('p', { class: 'upload-shrunk-note', role: 'status' },
          `照片已压缩：${V.fileSize(item.shrunk.from)} → ${V.fileSize(item.shrunk.to)}`) : null,
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

    function add(file, chosen) {
      const item = { uid: ++uploadSeq, file, name: file.name, size: file.size, state: 'queued', progress: 0, chosen };
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

    /** Shrink a big photo; false (and the item gone from the list) when the file cannot be sent. */
    async function prepare(item) {
      const l = await limits();
      const max = l ? Number(l.maxBytes) : Infinity;
      const file = item.file;
      if (isPhoto(file) && (file.size > max || file.size > PHOTO_BYTES)) {
        item.state = 'shrinking';
        render(item);
        const small = await shrink(file, Math.min(max, PHOTO_BYTES));
        if (!items.includes(item)) return false; // cancelled meanwhile
        if (small && small.size <= max && small.size < file.size) {
          item.shrunk = { from: file.size, to: small.size };
          item.file = small;
          item.name = small.name;
          item.size = small.size;
        }
      }
      if (item.file.size > max) {
        drop(item);
        refuse(tooBig(l, item.chosen > 1 ? [item.name] : null));
        return false;
      }
      return true;
    }

    let running = null;
    async function pump() {
      if (running) return;
      const item = items.find((i) => i.state === 'queued');
      if (!item) return;
      running = item;
      let sent = false;
      try {
        if (await prepare(item)) {
          item.state = 'uploading';
          render(item);
          sent = true;
          const stored = await sendFile(item, (f) => setProgress(item, f));
          item.state = 'done';
          item.id = stored.id;
          item.name = stored.name || item.name;
          item.size = stored.size != null ? stored.size : item.size;
          item.duplicates = Array.isArray(stored.duplicates) && stored.duplicates.length > 0;
          item.file = null;
          if (!items.includes(item)) deleteOnServer(item.id); // removed while the answer was on its way
        }
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
      if (sent || items.includes(item)) changed();
      pump();
    }

    function deleteOnServer(id) {
      api(`/attachments/${encodeURIComponent(id)}`, { method: 'DELETE' }).catch(() => { /* best effort: the file was never used */ });
    }

    /** Take an item off the list (nothing to do on the server). */
    function drop(item) {
      const idx = items.indexOf(item);
      if (idx >= 0) items.splice(idx, 1);
      const hadFocus = item.el.contains(document.activeElement);
      item.el.remove();
      if (hadFocus) input.focus();
      changed();
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

    const active = () => items.filter(isActive).length;

    input.addEventListener('change', async () => {
      const files = [...(input.files || [])];
      input.value = '';
      if (!files.length) return;
      if (onPick) onPick();
      const l = await limits();
      const max = l ? Number(l.maxBytes) : Infinity;
      const most = l ? Number(l.maxFilesPerDeclaration) : 0;
      let room = most > 0 ? most - (used ? used() : active()) : Infinity;
      const big = [];
      const extra = [];
      for (const file of files) {
        const sendable = ACCEPTED.test(file.name || '') && file.size > 0;
        if (sendable && !isPhoto(file) && file.size > max) big.push(file.name);
        else if (sendable && room <= 0) extra.push(file.name);
        else {
          if (sendable) room--;
          add(file, files.length);
        }
      }
      if (big.length) refuse(tooBig(l, files.length > 1 ? big : null));
      if (extra.length) refuse(`每项申报最多 ${most} 个文件，以下文件未上传：${extra.join('、')}`);
      changed();
      pump();
    });

    return {
      label,
      /** Ids of the uploaded files, in list order. */
      ids: () => items.filter((i) => i.state === 'done').map((i) => i.id),
      busy: () => items.some(pending),
      count: () => items.filter((i) => i.state === 'done').length,
      /** Files uploaded or on their way (what counts towards maxFilesPerDeclaration). */
      active,
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

  window.Uploads = { limits, limitsText, showLimits, createUploader, shrink };
})();
