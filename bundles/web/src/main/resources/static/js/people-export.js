/*
 * 人员明细导出 of 全省统计报表: every person of the province (or of a region) and their year, as
 * GET /api/ops/reports/people.csv|.xlsx. The server writes the file while it is read, which takes a
 * minute for 100 000 people, so the page reads the answer itself and shows how far it got
 * (#people-export-progress: a <progress> and a text): for CSV the people received (one line each, after
 * HEADING_LINES heading lines) of the view's people, for Excel the megabytes received. Then it saves the
 * file under the server's name (Content-Disposition) and marks #people-export-progress data-done="true".
 * A refusal shows the problem's message. Exposes the global `PeopleExport`.
 */
(function () {
  'use strict';
  const { h, toast } = Portal;

  const HEADING_LINES = 3; // 范围/年度/生成时间, 达标规则, the column names
  const NEWLINE = 10;
  const REFRESH_MS = 200; // at most so often the progress text changes
  const MB = 1024 * 1024;
  const TYPES = {
    csv: { accept: 'text/csv', fallback: '人员完成情况.csv', label: 'CSV' },
    xlsx: { accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fallback: '人员完成情况.xlsx', label: 'Excel' },
  };

  /** How many newline bytes a chunk holds. */
  function newlines(chunk) {
    let n = 0;
    for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, i + 1)) n++;
    return n;
  }

  const megabytes = (bytes) => `${(bytes / MB).toFixed(1)} MB`;

  /** Hand `blob` to the browser as a download named `name`. */
  function save(blob, name) {
    const href = URL.createObjectURL(blob);
    const a = h('a', { href, download: name, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 60000);
  }

  /** The message of a refused download: the problem's message (or title), else the status. */
  async function refusal(res) {
    let problem = null;
    try { problem = await res.json(); } catch (e) { problem = null; }
    const message = problem && typeof problem === 'object' && (problem.message || problem.title);
    return message || (res.status >= 500 ? `服务暂时不可用（${res.status}），请稍后重试` : `导出失败（${res.status}）`);
  }

  /**
   * Wire the two buttons. opts: {csv, xlsx (the buttons), progress (the box), bar (<progress>), text,
   * errorBox, url(format) (the download's path), total() (the people of the view, 0 when unknown),
   * toLogin() (the session has ended)}.
   */
  function attach(opts) {
    const { csv, xlsx, progress, bar, text, errorBox } = opts;
    const buttons = [csv, xlsx];
    let running = false;

    function setRunning(on) {
      running = on;
      for (const b of buttons) {
        b.disabled = on;
        b.setAttribute('aria-busy', String(on));
      }
    }

    /** Show how far the download got; `done`: it is complete. */
    function show(format, state, done) {
      const total = state.total;
      if (format === 'csv') {
        const people = Math.max(0, state.lines - HEADING_LINES);
        if (total > 0) {
          bar.max = total;
          bar.value = done ? total : Math.min(people, total);
        } else if (done) {
          bar.max = 1;
          bar.value = 1;
        } else {
          bar.removeAttribute('value'); // how many will come is not known: an indeterminate bar
        }
        const counted = total > 0 ? `已导出 ${people} / ${total} 人` : `已导出 ${people} 人`;
        text.textContent = done ? `导出完成：${counted}` : counted;
      } else {
        if (state.length > 0) {
          bar.max = state.length;
          bar.value = Math.min(state.bytes, state.length);
        } else if (done) {
          bar.max = 1;
          bar.value = 1;
        } else {
          bar.removeAttribute('value');
        }
        text.textContent = done ? `导出完成：${megabytes(state.bytes)}` : `已接收 ${megabytes(state.bytes)}`;
      }
    }

    async function run(format) {
      if (running) return;
      const type = TYPES[format];
      setRunning(true);
      errorBox.hidden = true;
      progress.removeAttribute('data-done');
      progress.hidden = false;
      bar.removeAttribute('value');
      text.textContent = '正在准备导出…';
      // total: the people of the view when the download started (the page may show another year meanwhile)
      const state = { bytes: 0, lines: 0, length: 0, total: opts.total() || 0 };
      try {
        const res = await fetch(opts.url(format), {
          credentials: 'same-origin', headers: { Accept: `${type.accept}, application/problem+json` },
        });
        if (res.status === 401) { opts.toLogin(); return; }
        if (!res.ok) throw new Error(await refusal(res));
        state.length = Number(res.headers.get('Content-Length')) || 0;
        const chunks = [];
        if (res.body && res.body.getReader) {
          const reader = res.body.getReader();
          let shownAt = 0;
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            chunks.push(value);
            state.bytes += value.length;
            if (format === 'csv') state.lines += newlines(value);
            const now = Date.now();
            if (now - shownAt >= REFRESH_MS) { shownAt = now; show(format, state, false); }
          }
        } else { // no streams: the whole answer at once
          const whole = new Uint8Array(await res.arrayBuffer());
          chunks.push(whole);
          state.bytes = whole.length;
          if (format === 'csv') state.lines = newlines(whole);
        }
        const blob = new Blob(chunks, { type: res.headers.get('Content-Type') || '' });
        save(blob, Portal.downloadName(res.headers.get('Content-Disposition'), type.fallback));
        show(format, state, true);
        progress.setAttribute('data-done', 'true');
        toast(`${type.label} 文件已生成，开始下载`, 'success');
      } catch (e) {
        progress.hidden = true;
        errorBox.textContent = e && e.message && !(e instanceof TypeError) ? e.message : '导出中断，请检查网络后重试';
        errorBox.hidden = false;
      } finally {
        setRunning(false);
      }
    }

    csv.addEventListener('click', () => run('csv'));
    xlsx.addEventListener('click', () => run('xlsx'));
    return { running: () => running };
  }

  window.PeopleExport = { attach };
})();
