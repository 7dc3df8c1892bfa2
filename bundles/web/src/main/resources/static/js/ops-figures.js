// 数值配置 of a learning form (学习形式管理, OPS): its figures as the server describes them
// (GET /api/ops/learning-forms/figures/{id}: name, description, value, default), a trial of sample values of
// the form's own fields (GET /api/learning-forms/{id}) with the figures in force and the changed ones
// (POST .../figures/{id}/preview), and 保存 (PUT .../figures/{id} with the version read). Field errors go next to their
// inputs (figures.<key>, values.<key>).
//
//   OpsFigures.open({id, name}, onSaved)
//
// Needs js/portal.js and the #figures-dialog markup of ops-forms.html. Exposes the global `OpsFigures`.
(function () {
  'use strict';
  const { api, h } = Portal;
  const $ = (id) => document.getElementById(id);

  let current = null; // {form, figures (the server's answer), schema}

  /** An input for a sample value of a form field (attachments are not needed for a trial). */
  function sampleInput(f) {
    const id = `sample-${f.key}`;
    const common = { id, 'data-field': `values.${f.key}`, 'data-key': f.key };
    let control;
    switch (f.type) {
      case 'choice':
        control = h('select', common, h('option', { value: '' }, '请选择'),
          ...(f.options || []).map((o) => h('option', { value: o.value }, o.label)));
        break;
      case 'number':
      case 'year':
        control = h('input', { ...common, type: 'text', inputmode: 'decimal' });
        break;
      case 'date':
        control = h('input', { ...common, type: 'date' });
        break;
      case 'date_range':
        control = h('span', { class: 'sample-range', ...common },
          h('input', { type: 'date', id: `${id}-from`, 'data-part': 'from', 'aria-label': `${f.label}开始` }), ' 至 ',
          h('input', { type: 'date', id: `${id}-to`, 'data-part': 'to', 'aria-label': `${f.label}结束` }));
        break;
      default:
        control = h('input', { ...common, type: 'text' });
    }
    return h('div', { class: 'field' },
      h('label', { for: id }, f.label),
      control,
      h('p', { class: 'field-error', 'data-error-for': `values.${f.key}`, role: 'alert', hidden: true }));
  }

  function sampleValues() {
    const values = {};
    for (const el of $('sample-fields').querySelectorAll('[data-key]')) {
      const key = el.dataset.key;
      if (el.classList.contains('sample-range')) {
        const from = el.querySelector('[data-part=from]').value;
        const to = el.querySelector('[data-part=to]').value;
        if (from || to) values[key] = { from, to };
      } else if (el.value.trim() !== '') {
        values[key] = el.value.trim();
      }
    }
    return values;
  }

  function figureInput(f) {
    const id = `figure-${f.key}`;
    return h('div', { class: 'field' },
      h('label', { for: id }, f.name),
      h('input', {
        id, type: 'text', value: f.value, 'data-field': `figures.${f.key}`, 'data-key': f.key,
        inputmode: f.type === 'integer' || f.type === 'decimal' ? 'decimal' : 'text', 'aria-describedby': `${id}-help`,
      }),
      h('p', { class: 'help', id: `${id}-help` }, [f.description, `默认 ${f.defaultValue}`].filter(Boolean).join('；')),
      h('p', { class: 'field-error', 'data-error-for': `figures.${f.key}`, role: 'alert', hidden: true }));
  }

  /** The figures the user changed, by key. */
  function changed() {
    const out = {};
    for (const input of $('figures-fields').querySelectorAll('input[data-key]')) {
      const was = current.figures.figures.find((f) => f.key === input.dataset.key);
      if (was && input.value.trim() !== was.value) out[input.dataset.key] = input.value.trim();
    }
    return out;
  }

  function outcomeText(o) {
    if (o.proposedHours == null) return (o.errors || []).map((e) => e.message).join('；') || '—';
    return `${Portal.formatAmount(o.proposedHours)}（${o.explanation || ''}）`;
  }

  async function preview() {
    const form = $('figures-form');
    Portal.clearErrors(form);
    $('figures-error').hidden = true;
    try {
      const answer = await api(`/ops/learning-forms/figures/${encodeURIComponent(current.form.id)}/preview`,
        { body: { figures: changed(), values: sampleValues() } });
      $('outcome-current').textContent = outcomeText(answer.current);
      $('outcome-proposed').textContent = outcomeText(answer.proposed);
      $('figures-outcome').hidden = false;
      Portal.showFieldErrors(form, answer.proposed.errors || []);
    } catch (e) {
      Portal.showErrors(form, e, $('figures-error'));
    }
  }

  async function save(onSaved) {
    const form = $('figures-form');
    const figures = changed();
    if (Object.keys(figures).length === 0) {
      $('figures-error').textContent = '没有修改任何数值';
      $('figures-error').hidden = false;
      return;
    }
    form.setAttribute('aria-busy', 'true');
    $('figures-save').disabled = true;
    try {
      const saved = await api(`/ops/learning-forms/figures/${encodeURIComponent(current.form.id)}`,
        { method: 'PUT', body: { figures, version: current.figures.version } });
      $('figures-dialog').close();
      onSaved(saved);
    } catch (e) {
      Portal.showErrors(form, e, $('figures-error'));
    } finally {
      form.setAttribute('aria-busy', 'false');
      $('figures-save').disabled = false;
    }
  }

  async function open(form, onSaved) {
    const dialog = $('figures-dialog');
    const box = $('figures-form');
    Portal.clearErrors(box);
    $('figures-error').hidden = true;
    $('figures-outcome').hidden = true;
    $('figures-title').textContent = `数值配置：${form.name}`;
    $('figures-fields').replaceChildren();
    $('sample-fields').replaceChildren();
    try {
      const [figures, schema] = await Promise.all([
        api(`/ops/learning-forms/figures/${encodeURIComponent(form.id)}`),
        api(`/learning-forms/${encodeURIComponent(form.id)}`)]);
      current = { form, figures, schema };
      $('figures-fields').replaceChildren(...figures.figures.map(figureInput));
      $('sample-fields').replaceChildren(...(schema.fields || []).filter((f) => f.type !== 'attachment').map(sampleInput));
      $('figures-sample').hidden = !figures.previewable;
    } catch (e) {
      Portal.toast(`数值加载失败：${e.message}`, 'error', 6000);
      return;
    }
    $('figures-preview').onclick = preview;
    box.onsubmit = (ev) => { ev.preventDefault(); save(onSaved); };
    $('figures-cancel').onclick = () => dialog.close();
    Portal.clearErrorsOnInput(box);
    if (typeof dialog.showModal === 'function') dialog.showModal();
  }

  window.OpsFigures = { open };
})();
