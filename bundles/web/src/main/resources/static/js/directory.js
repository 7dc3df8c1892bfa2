// The 单位与专业查询 page: region select, unit/department/major pickers, title and ethnic selects.
  document.addEventListener('DOMContentLoaded', () => {
    'use strict';
    const { api, h, toast } = Portal;
    const $ = (id) => document.getElementById(id);
    const region = $('region');
    const title = $('title');
    const ethnic = $('ethnic-group');
    const selectedText = (sel) => (sel.value ? sel.options[sel.selectedIndex].textContent : '');

    const department = Pickers.bindField({
      type: 'department', input: '#department-name', hidden: '#department-id', button: '#pick-department',
      options: () => ({ unitId: unit.get().id, unitName: unit.get().name }),
      onChange: summarize,
    });
    const unit = Pickers.bindField({
      type: 'unit', input: '#unit-name', hidden: '#unit-id', button: '#pick-unit',
      options: () => ({ regionCode: region.value, regionName: selectedText(region) }),
      onChange: (v) => {
        department.clear();
        department.enable(!!v);
        $('department-name').placeholder = v ? '点击“选择”选择部门' : '请先选择单位';
      },
    });
    const major = Pickers.bindField({
      type: 'major', input: '#major-name', hidden: '#major-code', button: '#pick-major', onChange: summarize,
    });

    region.addEventListener('change', () => {
      unit.clear();
      unit.enable(!!region.value);
      $('unit-name').placeholder = region.value ? '点击“选择”查找单位' : '请先选择区域';
      summarize();
    });
    title.addEventListener('change', summarize);
    ethnic.addEventListener('change', summarize);
    $('lookup-reset').addEventListener('click', () => {
      region.value = '';
      title.value = '';
      ethnic.value = '';
      region.dispatchEvent(new Event('change'));
      major.clear();
    });

    function show(key, text) {
      const dd = document.querySelector(`#lookup-result [data-show="${key}"]`);
      dd.textContent = text || '未选择';
      dd.classList.toggle('none', !text);
    }

    function summarize() {
      const u = unit.get();
      const d = department.get();
      const m = major.get();
      show('region', selectedText(region));
      show('unit', u ? (u.kindName ? `${u.name}（${u.kindName}）` : u.name) : '');
      show('department', d ? d.name : '');
      show('major', m ? m.path || m.name : '');
      const level = title.value ? title.options[title.selectedIndex].dataset.level : '';
      show('title', level ? `${selectedText(title)}（${level}）` : selectedText(title));
      show('ethnic', selectedText(ethnic));
      const status = $('lookup-status');
      const ok = u && m;
      status.classList.toggle('ok', !!ok);
      status.textContent = ok
        ? '您的单位和专业均已在平台登记，注册时可直接选择。'
        : '请依次选择区域、单位和专业。找不到您的单位或部门时，请联系单位人事部门登记。';
    }

    // Fill a <select> from a directory list; failures show the Chinese message.
    async function fillSelect(path, target, build, errorEl) {
      try {
        const data = await api(path);
        target.append(...build(data.items || []));
      } catch (e) {
        if (errorEl) { errorEl.textContent = e.message; errorEl.hidden = false; }
        toast(e.message, 'error');
      }
    }

    fillSelect('/directory/regions', region,
      (items) => items.map((r) => h('option', { value: r.code }, r.name)), $('region-error'));
    fillSelect('/directory/titles', title, (items) => {
      const groups = new Map();
      for (const t of items) {
        const key = t.seriesCode || t.seriesName || '';
        if (!groups.has(key)) groups.set(key, h('optgroup', { label: t.seriesName || '其他' }));
        groups.get(key).append(h('option', { value: t.code, 'data-level': t.levelName }, t.name));
      }
      return [...groups.values()];
    });
    fillSelect('/directory/ethnic-groups', ethnic,
      (items) => items.map((g) => h('option', { value: g.code }, g.name)));

    department.enable(false);
    unit.enable(false);
    summarize();
  });
