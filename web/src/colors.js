// Colours of event types (by PLOVER quad class: blues and greens for
// cooperation, oranges and reds for conflict) and of actor sides.
const byType = {
  AGREE: '#2b8cbe', CONSULT: '#74a9cf', SUPPORT: '#0570b0', CONCEDE: '#a6bddb',
  COOPERATE: '#238b45', AID: '#41ab5d', RETREAT: '#00a087',
  REQUEST: '#fdae6b', ACCUSE: '#fd8d3c', REJECT: '#e6550d', THREATEN: '#d94801',
  PROTEST: '#9e6ebd', SANCTION: '#7a4ca0', MOBILIZE: '#c51b8a', COERCE: '#ef3b2c', ASSAULT: '#a50f15',
};
export const typeColor = (t) => byType[t] || '#636363';
export const eventTypes = Object.keys(byType);

export const quadColor = (q) => ({ 1: '#74a9cf', 2: '#238b45', 3: '#fd8d3c', 4: '#a50f15' })[q] || '#999';

const palette = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#1f78b4', '#b15928', '#6a3d9a'];
export function sideColor(side) {
  if (!side) return '#9e9e9e';
  let n = 0;
  for (const c of side) n = (n * 31 + c.codePointAt(0)) >>> 0;
  return palette[n % palette.length];
}
