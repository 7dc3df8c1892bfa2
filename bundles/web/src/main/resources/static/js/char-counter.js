/*
 * A live counter under a text field that has a most length: 「已输入 n/100」. It counts Unicode code points,
 * as the server does (an emoji or a rare CJK character counts once), and turns to the error colour
 * (class is-full) once the limit is reached.
 *
 *   const counter = CharCounter.attach(control, 100, {id: 'x-count'});   // then insert `counter` after the field
 *   counter.update()   (after setting control.value from a script)
 *
 * The control's maxlength (which browsers count in UTF-16 units) is widened by one for every character outside
 * the Basic Multilingual Plane, so that the browser stops the typing where the server's limit is.
 * Test hooks: p.char-counter[data-count][data-max], .is-full.
 *
 * Exposes the global `CharCounter`. Needs portal.js first.
 */
(function () {
  'use strict';

  /** Unicode code points in `text`. */
  const count = (text) => [...String(text ?? '')].length;

  function attach(control, max, { id } = {}) {
    const el = Portal.h('p', { class: 'help char-counter', id: id || null, 'aria-live': 'off', 'data-max': max });
    if (id) {
      const described = (control.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
      if (!described.includes(id)) control.setAttribute('aria-describedby', [...described, id].join(' '));
    }
    function update() {
      const value = control.value || '';
      const n = count(value);
      if (control.maxLength > 0) control.maxLength = max + (value.length - n);
      el.textContent = `已输入 ${n}/${max}`;
      el.dataset.count = String(n);
      el.classList.toggle('is-full', n >= max);
    }
    control.addEventListener('input', update);
    el.update = update;
    update();
    return el;
  }

  window.CharCounter = { attach, count };
})();
