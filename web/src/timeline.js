// The timeline: events per day, one line per frequent type and the total;
// dragging across it picks a date range that filters everything else.
import uPlot from 'uplot';
import { clear } from './dom.js';
import { typeColor } from './colors.js';

let plot;

// xRange pads a short range and leaves out the oldest 1% of events (dates
// of past background such as "in 1969"), which would squeeze the rest.
function xRange(counts, min, max) {
  const total = counts.reduce((n, c) => n + c.count, 0);
  let seen = 0;
  for (const c of [...counts].sort((a, b) => a.day.localeCompare(b.day))) {
    seen += c.count;
    if (seen > total * 0.01) {
      min = Math.max(min, sec(c.day));
      break;
    }
  }
  const pad = Math.max(86400 * 2, (max - min) * 0.02);
  return [min - pad, max + pad];
}
const day = (sec) => new Date(sec * 1000).toISOString().slice(0, 10);
const sec = (d) => Date.parse(d + 'T00:00:00Z') / 1000;

// drawTimeline draws counts ([{day, type, count}]); range is the selected
// [from, to] or null; onRange is called with the days of a new selection.
export function drawTimeline(el, counts, range, onRange) {
  plot?.destroy();
  plot = null;
  clear(el);
  if (!counts.length) return;
  const days = [...new Set(counts.map((c) => c.day))].sort();
  const index = new Map(days.map((d, i) => [d, i]));
  const totals = new Map();
  for (const c of counts) totals.set(c.type, (totals.get(c.type) || 0) + c.count);
  const types = [...totals.keys()].sort((a, b) => totals.get(b) - totals.get(a) || a.localeCompare(b)).slice(0, 6);
  const total = new Array(days.length).fill(0);
  const per = Object.fromEntries(types.map((tp) => [tp, new Array(days.length).fill(null)]));
  for (const c of counts) {
    const i = index.get(c.day);
    total[i] += c.count;
    if (per[c.type]) per[c.type][i] = c.count;
  }
  const bars = uPlot.paths.bars({ size: [0.8, 12] });
  const opts = {
    width: Math.max(el.clientWidth, 300), height: 170,
    scales: { x: { time: true, range: (u, min, max) => xRange(counts, min, max) } },
    cursor: { drag: { x: true, y: false, setScale: false } },
    legend: { show: true },
    series: [{}, { label: 'total', stroke: '#555', fill: 'rgba(80,80,80,0.15)', paths: bars, points: { show: false } },
      ...types.map((tp) => ({ label: tp, stroke: typeColor(tp), width: 1.5, points: { show: true, size: 4 }, spanGaps: false }))],
    axes: [{}, { size: 40 }],
    hooks: {
      setSelect: [(u) => {
        if (u.select.width < 3) return;
        const from = day(u.posToVal(u.select.left, 'x'));
        const to = day(u.posToVal(u.select.left + u.select.width, 'x'));
        onRange(from, to);
      }],
    },
  };
  plot = new uPlot(opts, [days.map(sec), total, ...types.map((tp) => per[tp])], el);
  if (range) {
    const left = plot.valToPos(sec(range[0]), 'x');
    const right = plot.valToPos(sec(range[1]), 'x');
    plot.setSelect({ left, width: Math.max(right - left, 2), top: 0, height: plot.over.clientHeight }, false);
  }
}
