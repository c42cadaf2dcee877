// The events table, with paging and CSV/GeoJSON downloads of the same view.
import { h } from './dom.js';
import { typeColor } from './colors.js';

const name = (a) => (a ? a.name || a.text : '');

export function rows(tbody, events, onPick) {
  for (const e of events) {
    const sw = h('span', { class: 'swatch' });
    sw.style.backgroundColor = typeColor(e.event_type);
    tbody.append(h('tr', { 'data-event': e.id, 'data-day': e.day, tabindex: 0, onclick: () => onPick(e.id), onkeydown: (k) => k.key === 'Enter' && onPick(e.id) },
      h('td', { class: 'day' }, e.day), h('td', {}, sw, e.event_type), h('td', { dir: 'auto' }, name(e.source)), h('td', { dir: 'auto' }, name(e.target)),
      h('td', { dir: 'auto' }, e.location ? e.location.name || e.location.text : ''), h('td', { dir: 'auto' }, e.trigger.text), h('td', { dir: 'auto', class: 'doc' }, e.doc_title)));
  }
}
