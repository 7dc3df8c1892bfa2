// 学习形式管理 (运维 › 学习形式, OPS): the learning forms live and retired (GET /api/ops/learning-forms) and the
// feature repository's learning-form features (GET /api/ops/learning-forms/available) with 安装 / 升级 / 卸载
// (POST /api/ops/learning-forms/installations, DELETE .../installations/{feature}). Every label — 在用/已停用,
// 未安装/已安装/可升级, the action's word, 已安装/已升级/已卸载 — comes from the server. The forms defined without
// Java (GET .../definitions) with 新建 / 修改 (js/ops-define.js) and 停用 (DELETE .../definitions/{id}).
document.addEventListener('DOMContentLoaded', async () => {
  'use strict';
  const { api, h } = Portal;
  const $ = (id) => document.getElementById(id);

  const user = await Portal.requireLogin(['OPS']);
  if (!user) return;

  const result = $('ops-forms-result');
  const errorBox = $('ops-forms-error');
  let busy = false;

  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = false;
    errorBox.focus();
  }

  function versionsText(f) {
    if (!f.versions || f.versions.length < 2) return String(f.declarations);
    return `${f.declarations}（${f.versions.map((v) => `${v.version}：${v.declarations}`).join('，')}）`;
  }

  function formRow(f) {
    return h('tr', { role: 'row', 'data-form-id': f.id, 'data-live': String(f.live) },
      h('td', { role: 'cell', 'data-label': '学习形式' }, h('strong', {}, f.name), h('div', { class: 'muted' }, f.id)),
      h('td', { role: 'cell', 'data-label': '版本', class: 'form-version' }, f.version),
      h('td', { role: 'cell', 'data-label': '类型' }, [f.kindName, f.categoryName].filter(Boolean).join(' · ') || '—'),
      h('td', { role: 'cell', 'data-label': '状态' },
        h('span', { class: `state-badge${f.live ? ' state-approved' : ''}`, 'data-status': f.live ? 'live' : 'retired' }, f.statusName)),
      h('td', { role: 'cell', 'data-label': '提供者' }, f.bundle ? `${f.bundle} ${f.bundleVersion || ''}` : '—'),
      h('td', { role: 'cell', 'data-label': '上线时间' }, f.since ? Portal.formatDateTime(f.since) : '—'),
      h('td', { role: 'cell', 'data-label': '申报数（各版本）', class: 'form-declarations' }, versionsText(f)),
      h('td', { role: 'cell', class: 'row-actions' }, f.live ? h('button', {
        type: 'button', class: 'btn btn-small', 'data-action': 'figures', 'aria-haspopup': 'dialog',
        onclick: () => OpsFigures.open(f, (saved) => {
          result.textContent = `已保存 ${saved.formName} 的数值：新的试算和申报按新数值计算，已有的申报不变`;
          result.hidden = false;
          result.focus();
          load();
        }),
      }, '数值配置') : null));
  }

  function featureRow(f) {
    const actions = h('td', { role: 'cell', class: 'row-actions' });
    if (f.action) {
      actions.append(h('button', {
        type: 'button', class: 'btn btn-small btn-primary', 'data-action': f.action,
        onclick: () => install(f),
      }, f.actionName));
    }
    if (f.installedVersion) {
      actions.append(h('button', { type: 'button', class: 'btn btn-small btn-danger', 'data-action': 'uninstall', onclick: () => uninstall(f) }, '卸载'));
    }
    return h('tr', { role: 'row', 'data-feature': f.name, 'data-status': f.status },
      h('td', { role: 'cell', 'data-label': '功能包' }, f.name),
      h('td', { role: 'cell', 'data-label': '说明' }, f.description || '—'),
      h('td', { role: 'cell', 'data-label': '已安装版本', class: 'installed-version' }, f.installedVersion || '—'),
      h('td', { role: 'cell', 'data-label': '最新版本' }, f.newestVersion),
      h('td', { role: 'cell', 'data-label': '状态' }, h('span', { class: 'state-badge' }, f.statusName)),
      actions);
  }

  let choices = null;

  function definitionRow(d) {
    const f = d.definition;
    const rule = (choices.ruleTypes.find((r) => r.code === f.rule.type) || {}).name || f.rule.type;
    return h('tr', { role: 'row', 'data-definition-id': f.id, 'data-live': String(d.live) },
      h('td', { role: 'cell', 'data-label': '学习形式' }, h('strong', {}, f.name), h('div', { class: 'muted' }, f.id)),
      h('td', { role: 'cell', 'data-label': '版本' }, d.version),
      h('td', { role: 'cell', 'data-label': '计算规则' }, rule),
      h('td', { role: 'cell', 'data-label': '状态' },
        h('span', { class: `state-badge${d.live ? ' state-approved' : ''}` }, d.statusName)),
      h('td', { role: 'cell', class: 'row-actions' },
        h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'redefine', 'aria-haspopup': 'dialog',
          onclick: () => OpsDefine.open(d, choices, defined) }, '修改'),
        h('button', { type: 'button', class: 'btn btn-small btn-danger', 'data-action': 'retire', onclick: () => retire(d) }, '停用')));
  }

  function defined(saved, created) {
    const f = saved.definition;
    result.textContent = `${created ? '已新建' : '已修改'} ${f.name} ${saved.version}（${saved.statusName}）`
      + (created ? '' : '：新的申报按新版本计算，已有的申报不变');
    result.hidden = false;
    result.focus();
    load();
  }

  async function retire(d) {
    const yes = await ConfirmDialog.ask({
      title: '停用学习形式',
      message: '停用后将不能再用该学习形式申报；已有的申报仍可完整查看，并按已停用列出。',
      what: `${d.definition.name} ${d.version}`, ok: '停用', danger: true,
    });
    if (!yes) return;
    errorBox.hidden = true;
    try {
      await api(`/ops/learning-forms/definitions/${encodeURIComponent(d.definition.id)}`, { method: 'DELETE' });
      result.textContent = `已停用 ${d.definition.name}`;
      result.hidden = false;
      result.focus();
    } catch (e) {
      showError(`停用失败：${e.message}`);
    }
    await load();
  }

  function fill(tbody, empty, count, items, row, unit) {
    tbody.replaceChildren(...items.map(row));
    empty.hidden = items.length > 0;
    count.textContent = `共 ${items.length} ${unit}`;
  }

  async function load() {
    errorBox.hidden = true;
    try {
      const [forms, features, definitions] = await Promise.all([api('/ops/learning-forms'), api('/ops/learning-forms/available'),
        api('/ops/learning-forms/definitions'), choices ? null : api('/ops/learning-forms/definition-choices').then((c) => { choices = c; })]);
      fill($('forms-rows'), $('forms-empty'), $('forms-count'), forms.items || [], formRow, '种');
      fill($('definitions-rows'), $('definitions-empty'), $('definitions-count'), definitions.items || [], definitionRow, '种');
      fill($('features-rows'), $('features-empty'), $('features-count'), features.items || [], featureRow, '个');
    } catch (e) {
      if (e.status === 401) { location.replace('/login.html' + Portal.query({ next: location.pathname })); return; }
      showError(`加载失败：${e.message}`);
    }
  }

  /** The sentence of what was done: 「已安装 X 1.0.0：技能竞赛（在用）」. */
  function said(done) {
    const forms = (done.forms || []).map((f) => `${f.name}（${f.statusName}）`);
    const more = forms.length ? `：${forms.join('，')}` : (done.formIds || []).length ? `：${done.formIds.join('，')}` : '';
    const from = done.previousVersion ? `（原版本 ${done.previousVersion}）` : '';
    return `${done.outcomeName} ${done.feature} ${done.version}${from}${more}`;
  }

  async function act(run, label) {
    if (busy) return;
    busy = true;
    errorBox.hidden = true;
    result.hidden = true;
    document.querySelectorAll('#features-rows button').forEach((b) => { b.disabled = true; });
    $('features-panel').setAttribute('aria-busy', 'true');
    try {
      const done = await run();
      result.textContent = said(done);
      result.hidden = false;
      result.focus();
      await load();
    } catch (e) {
      showError(`${label}失败：${e.message}`);
      await load();
    } finally {
      busy = false;
      $('features-panel').setAttribute('aria-busy', 'false');
    }
  }

  function install(f) {
    act(() => api('/ops/learning-forms/installations', { body: { feature: f.name, version: f.newestVersion }, timeout: 120000 }),
      f.actionName);
  }

  async function uninstall(f) {
    const yes = await ConfirmDialog.ask({
      title: '卸载学习形式',
      message: '卸载后将不能再用该学习形式申报；已有的申报仍可完整查看，并按已停用列出。',
      what: `${f.name} ${f.installedVersion}`, ok: '卸载', danger: true,
    });
    if (!yes) return;
    act(() => api(`/ops/learning-forms/installations/${encodeURIComponent(f.name)}`, { method: 'DELETE', timeout: 120000 }), '卸载');
  }

  $('ops-forms-reload').addEventListener('click', load);
  $('define-new').addEventListener('click', () => choices && OpsDefine.open(null, choices, defined));
  await load();
  $('page-loading').hidden = true;
  $('page-body').hidden = false;
  $('main').removeAttribute('aria-busy');
});
