// The actor network: actors coloured by side, edges by PLOVER quad class.
import cytoscape from 'cytoscape';
import { clear, h } from './dom.js';
import { quadColor, sideColor } from './colors.js';
import { t } from './i18n.js';

let cy;

export function drawNetwork(el, legend, net, onPick) {
  cy?.destroy();
  cy = null;
  clear(el);
  const nodes = net.nodes.slice(0, 60);
  const keep = new Set(nodes.map((n) => n.id));
  const edges = net.edges.filter((e) => keep.has(e.source) && keep.has(e.target) && e.source !== e.target);
  const max = Math.max(1, ...nodes.map((n) => n.events));
  cy = cytoscape({
    container: el,
    elements: [
      ...nodes.map((n) => ({ data: { id: 'n:' + n.id, key: n.id, label: n.name || n.id, color: sideColor(n.side), size: 14 + 30 * Math.sqrt(n.events / max) } })),
      ...edges.map((e, i) => ({ data: { id: 'e' + i, source: 'n:' + e.source, target: 'n:' + e.target, color: quadColor(e.quad), width: 1 + Math.min(6, Math.log2(1 + e.count)) } })),
    ],
    style: [
      { selector: 'node', style: { 'background-color': 'data(color)', label: 'data(label)', width: 'data(size)', height: 'data(size)', 'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 3, color: '#222', 'text-wrap': 'ellipsis', 'text-max-width': 120 } },
      { selector: 'edge', style: { 'line-color': 'data(color)', 'target-arrow-color': 'data(color)', 'target-arrow-shape': 'triangle', width: 'data(width)', 'curve-style': 'bezier', opacity: 0.8 } },
    ],
    layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 90 },
    wheelSensitivity: 0.3,
  });
  cy.on('tap', 'node', (ev) => onPick(ev.target.data('key')));
  clear(legend);
  for (const q of [1, 2, 3, 4]) {
    const sw = h('span', { class: 'swatch' });
    sw.style.backgroundColor = quadColor(q);
    legend.append(h('span', { class: 'item' }, sw, t('quad' + q)));
  }
}
