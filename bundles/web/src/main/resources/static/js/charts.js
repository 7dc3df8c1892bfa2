/*
 * Charts of the report pages: a thin wrapper over Apache ECharts (global `echarts`, served as
 * /vendor/echarts/echarts.min.js; default canvas renderer).
 *
 *   Charts.bars(el, {categories, values, percent, horizontal})   bars; percent: values are rates 0..1 shown as %;
 *                                                               a value null is no bar; horizontal (default true)
 *   Charts.line(el, {categories, series: [{name, values}]})     one line per series
 *   Charts.pie(el, {items: [{name, value}]})                    a ring of the items (those above 0)
 *
 * Every call (re)uses one echarts instance per element, which follows the window's (and the element's) size.
 * After drawing, the element carries data-rendered="true". The element needs a height (CSS: .chart);
 * horizontal bars grow it (min-height) to give every bar room. Names and values are drawn on the canvas;
 * tooltips use ECharts' own markup, which escapes them. Without ECharts every call returns null and
 * Charts.available() is false. Exposes the global `Charts`.
 */
(function () {
  'use strict';

  const COLORS = ['#0b4a8b', '#c8a24a', '#16794c', '#6b8fb8', '#b42318', '#7a5195', '#2a9d8f', '#e07a1f', '#5f6b7a', '#3d7ec9'];
  const FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';
  const MUTED = '#5f6b7a';
  const LINE = '#d7dde5';
  const EMPTY_TEXT = '暂无数据';
  const BAR_ROW_PX = 28; // room for one bar of a horizontal bar chart
  const BAR_EXTRA_PX = 56; // axis and margins of a horizontal bar chart

  const elements = new Set(); // the elements that hold an instance made here
  const adapters = new WeakMap(); // element → what its option changes with its width (after a resize)
  let resizeQueued = false;

  function available() {
    return typeof window.echarts === 'object' && window.echarts !== null && typeof window.echarts.init === 'function';
  }

  /** A number from a JSON value (24, "0.6171"), or null. */
  function num(value) {
    if (value == null || value === '') return null;
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }

  /** At most `digits` decimals, no float noise (0.6171 * 100 → 61.71). */
  function round(n, digits) {
    const f = 10 ** digits;
    return Math.round(n * f) / f;
  }

  function resize(el) {
    const chart = window.echarts.getInstanceByDom(el);
    if (!chart || el.clientWidth <= 0 || el.clientHeight <= 0) return;
    chart.resize();
    const adapt = adapters.get(el);
    if (adapt && chart.getOption()) chart.setOption(adapt());
  }

  function resizeAll() {
    if (resizeQueued) return;
    resizeQueued = true;
    requestAnimationFrame(() => {
      resizeQueued = false;
      for (const el of [...elements]) {
        if (!el.isConnected) { // removed from the page: let it go
          const chart = window.echarts.getInstanceByDom(el);
          if (chart) chart.dispose();
          elements.delete(el);
        } else {
          resize(el);
        }
      }
    });
  }

  /** The element's chart: the one ECharts already has for it, else a new one. */
  function instance(el) {
    let chart = window.echarts.getInstanceByDom(el);
    if (!chart) {
      chart = window.echarts.init(el, null, { renderer: 'canvas', locale: 'ZH' });
      if (!elements.size) window.addEventListener('resize', resizeAll);
      elements.add(el);
      // a chart drawn while its section was hidden gets its size when the section shows
      if (window.ResizeObserver) new ResizeObserver(() => resize(el)).observe(el);
    }
    return chart;
  }

  /** Draw `option` (replacing whatever the element showed) and mark the element as drawn. */
  function draw(el, option) {
    if (!el || !available()) return null;
    const chart = instance(el);
    adapters.delete(el);
    resize(el); // the element may have changed its size (min-height) since the last drawing
    chart.setOption({
      color: COLORS,
      textStyle: { fontFamily: FONT },
      animationDuration: 400,
      ...option,
    }, true);
    el.setAttribute('data-rendered', 'true');
    return chart;
  }

  /** Nothing to show: a short text in the middle. */
  function drawEmpty(el, text) {
    return draw(el, {
      title: {
        text: text || EMPTY_TEXT, left: 'center', top: 'middle',
        textStyle: { color: MUTED, fontSize: 14, fontWeight: 'normal', fontFamily: FONT },
      },
    });
  }

  const formatter = (percent) => (value) => {
    const n = num(value);
    if (n == null) return '—';
    return percent ? `${n.toFixed(1)}%` : String(round(n, 2));
  };

  const categoryLabel = (width) => ({ color: MUTED, width, overflow: 'truncate' });

  /**
   * Bars of `values` by `categories` (same order; a horizontal chart lists them top to bottom).
   * percent: values are shares 0..1, drawn and labelled as percentages on a 0–100% axis.
   * A value that is null (or not a number) draws no bar. `empty`: the text when there are no categories.
   */
  function bars(el, opts) {
    if (!el || !available()) return null;
    const o = opts || {};
    const categories = (Array.isArray(o.categories) ? o.categories : []).map((c) => String(c ?? ''));
    const percent = !!o.percent;
    const horizontal = o.horizontal !== false;
    el.style.minHeight = horizontal ? `${categories.length * BAR_ROW_PX + BAR_EXTRA_PX}px` : '';
    if (!categories.length) return drawEmpty(el, o.empty);
    const raw = Array.isArray(o.values) ? o.values : [];
    const data = categories.map((_, i) => {
      const n = num(raw[i]);
      return n == null ? '-' : percent ? round(n * 100, 2) : n; // '-': ECharts' "no value"
    });
    const format = formatter(percent);
    // the names take at most a third of a narrow chart (a phone), else labelWidth
    const labelWidth = () => Math.max(56, Math.min(o.labelWidth || 112, Math.round((el.clientWidth || 360) / 3)));
    const valueAxis = {
      type: 'value',
      min: 0,
      ...(percent ? { max: 100 } : {}),
      axisLabel: { color: MUTED, hideOverlap: true, ...(percent ? { formatter: '{value}%' } : {}) },
      splitLine: { lineStyle: { color: LINE } },
    };
    const categoryAxis = {
      type: 'category',
      data: categories,
      inverse: horizontal, // the first category at the top
      axisTick: { alignWithLabel: true },
      axisLine: { lineStyle: { color: LINE } },
      axisLabel: horizontal
        ? categoryLabel(labelWidth())
        : { ...categoryLabel(88), interval: 0, rotate: categories.length > 6 ? 35 : 0 },
    };
    const chart = draw(el, {
      grid: { left: 8, right: horizontal ? 56 : 16, top: horizontal ? 8 : 28, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: format, confine: true },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: [{
        type: 'bar',
        name: o.name || (percent ? '达标率' : ''),
        data,
        barMaxWidth: 28,
        itemStyle: { color: o.color || COLORS[0], borderRadius: horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0] },
        label: {
          show: true, position: horizontal ? 'right' : 'top', color: '#1f2933', fontSize: 12,
          formatter: (p) => format(p.value),
        },
      }],
    });
    if (horizontal) adapters.set(el, () => ({ yAxis: { axisLabel: { width: labelWidth() } } }));
    return chart;
  }

  /** One line per series over `categories` (e.g. the months); a null value leaves a gap. */
  function line(el, opts) {
    if (!el || !available()) return null;
    const o = opts || {};
    const categories = (Array.isArray(o.categories) ? o.categories : []).map((c) => String(c ?? ''));
    const series = Array.isArray(o.series) ? o.series : [];
    if (!categories.length || !series.length) return drawEmpty(el, o.empty);
    return draw(el, {
      legend: { top: 0, textStyle: { color: MUTED } },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: formatter(false), confine: true },
      xAxis: {
        type: 'category', data: categories, boundaryGap: false,
        axisLine: { lineStyle: { color: LINE } }, axisLabel: { color: MUTED },
      },
      yAxis: {
        type: 'value', min: 0, minInterval: 1,
        axisLabel: { color: MUTED }, splitLine: { lineStyle: { color: LINE } },
      },
      series: series.map((s) => ({
        type: 'line',
        name: String((s && s.name) ?? ''),
        data: categories.map((_, i) => {
          const n = num(s && Array.isArray(s.values) ? s.values[i] : null);
          return n == null ? '-' : n;
        }),
        symbolSize: 6,
        lineStyle: { width: 2 },
      })),
    });
  }

  /** A ring of the items whose value is above 0, each labelled with its share. */
  function pie(el, opts) {
    if (!el || !available()) return null;
    const o = opts || {};
    const items = (Array.isArray(o.items) ? o.items : [])
      .map((it) => ({ name: String((it && it.name) ?? ''), value: num(it && it.value) }))
      .filter((it) => it.value != null && it.value > 0);
    if (!items.length) return drawEmpty(el, o.empty);
    return draw(el, {
      legend: { type: 'scroll', bottom: 0, textStyle: { color: MUTED } },
      tooltip: { trigger: 'item', valueFormatter: formatter(false), confine: true },
      series: [{
        type: 'pie',
        name: o.name || '',
        radius: ['35%', '60%'],
        center: ['50%', '45%'],
        avoidLabelOverlap: true,
        data: items,
        label: { formatter: '{b}\n{d}%', color: '#1f2933', width: 96, overflow: 'truncate' },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
      }],
    });
  }

  window.Charts = { available, bars, line, pie };
})();
