/*
 * Type-to-filter for the <select> of learning forms (学习形式) on 学时学分申报.
 *
 * As the person types in `input`, the select lists only the items whose name contains every word typed
 * (case and spaces ignored), in the order `items()` gives them (the server's); the current choice always
 * stays listed, so filtering never changes it. When nothing matches, `empty` says 「没有匹配的学习形式」.
 * Keys in the search box: ↓ goes to the list, Enter chooses the first match, Esc clears the search.
 *
 *   const search = FormSearch.attach({input, select, empty, items, options, placeholder, onPick});
 *     items()          → [{id, name, ...}]
 *     options(items)   → the <option>/<optgroup> nodes for those items
 *     placeholder()    → the first <option value="">
 *     onPick(id)       → the person chose a form with Enter (select.value is already set)
 *   search.refresh()   (after items() changed)     search.enable(on)
 *
 * Test hooks: #form-search, #form-search-empty, select[data-match-count].
 * Exposes the global `FormSearch`. Needs portal.js first.
 */
(function () {
  'use strict';

  const NO_MATCH = '没有匹配的学习形式';
  const fold = (s) => String(s ?? '').toLowerCase();

  function words(query) {
    return fold(query).split(/\s+/).filter(Boolean);
  }

  function matches(name, terms) {
    const n = fold(name).replace(/\s+/g, '');
    return terms.every((t) => n.includes(t));
  }

  function attach({ input, select, empty, items, options, placeholder, onPick }) {
    let hits = [];

    function refresh() {
      const terms = words(input.value);
      const all = items() || [];
      hits = all.filter((it) => matches(it.name, terms));
      const current = select.value;
      const listed = all.filter((it) => hits.includes(it) || String(it.id) === current);
      select.replaceChildren(placeholder(), ...options(listed));
      select.value = current;
      select.dataset.matchCount = String(hits.length);
      const none = terms.length > 0 && all.length > 0 && !hits.length;
      empty.textContent = none ? NO_MATCH : '';
      empty.hidden = !none;
    }

    input.addEventListener('input', refresh);
    input.addEventListener('keydown', (e) => {
      if (e.isComposing) return; // an input method is still composing the word
      if (e.key === 'ArrowDown') {
        e.preventDefault();
        select.focus();
      } else if (e.key === 'Enter') {
        e.preventDefault();
        const first = hits.find((it) => {
          const opt = [...select.options].find((o) => o.value === String(it.id));
          return opt && !opt.disabled;
        });
        if (first && String(first.id) !== select.value) {
          select.value = String(first.id);
          onPick(String(first.id));
        }
      } else if (e.key === 'Escape' && input.value) {
        e.preventDefault();
        input.value = '';
        refresh();
      }
    });

    return {
      refresh,
      enable(on) {
        input.disabled = !on;
      },
    };
  }

  window.FormSearch = { attach };
})();
