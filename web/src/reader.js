// The article reader (the text with the event's trigger, source, target,
// place and date highlighted at their exact offsets, and the event's fields
// beside it) and the actor page, both in the side panel.
import { api, enc } from './api.js';
import { clear, h } from './dom.js';
import { t } from './i18n.js';
import { sideColor, typeColor } from './colors.js';

const roleOrder = ['trigger', 'source', 'target', 'place', 'date', 'claimed_by'];

// segments cuts text (a string) at the spans' offsets, which count Unicode
// code points (not UTF-16 units, as JavaScript strings do): each segment is
// [text, roles, start] with the roles of its code points.
export function segments(text, spans) {
  const cps = Array.from(text);
  const roles = cps.map(() => []);
  for (const s of spans) {
    for (let i = Math.max(0, s.start); i < Math.min(cps.length, s.end); i++) if (!roles[i].includes(s.role)) roles[i].push(s.role);
  }
  const out = [];
  let start = 0;
  for (let i = 1; i <= cps.length; i++) {
    if (i === cps.length || roles[i].join(' ') !== roles[start].join(' ')) {
      out.push([cps.slice(start, i).join(''), roles[start].sort((a, b) => roleOrder.indexOf(a) - roleOrder.indexOf(b)), start]);
      start = i;
    }
  }
  return out;
}

function field(name, ...value) {
  const v = value.flat().filter((x) => x !== null && x !== undefined && x !== '');
  if (!v.length) return null;
  return [h('dt', {}, t(name)), h('dd', {}, ...v)];
}

function actorRef(a, onActor) {
  if (!a) return null;
  const key = a.actor_id || a.text;
  const name = a.name && a.name !== a.text ? `${a.name} — ${a.text}` : a.text;
  return h('a', { href: '#', class: 'actor-link', onclick: (ev) => { ev.preventDefault(); onActor(key); } }, name, a.side ? ` (${a.side})` : '');
}

export async function showEvent(panel, id, { onActor, onEvent, onClose }) {
  clear(panel).append(h('p', { class: 'hint' }, t('loading')));
  const ev = await api('events/' + enc(id));
  const doc = await api('documents/' + enc(ev.event.doc_id));
  const e = ev.event;
  const d = doc.document;
  const text = h('div', { class: 'article-text', id: 'article-text', dir: 'auto' });
  for (const [s, roles, start] of segments(d.text, ev.spans)) {
    if (!roles.length) {
      text.append(s);
      continue;
    }
    text.append(h('mark', { class: roles.map((r) => 'role-' + r).join(' '), 'data-role': roles.join(' '), 'data-start': start, title: roles.map((r) => t(r === 'claimed_by' ? 'claimedBy' : r)).join(', ') }, s));
  }
  const swatch = h('span', { class: 'swatch' });
  swatch.style.backgroundColor = typeColor(e.event_type);
  const loc = e.location;
  const fields = h('dl', { class: 'fields' },
    field('type', swatch, e.event_type, e.mode ? ` / ${e.mode}` : ''),
    field('cameo', e.cameo),
    field('source', actorRef(e.source, onActor)),
    field('target', actorRef(e.target, onActor)),
    field('place', loc ? `${loc.name || ''}${loc.name ? ' — ' : ''}${loc.text}${loc.country ? ' (' + loc.country + ')' : ''}` : null),
    field('date', e.date, e.date_text ? ` «${e.date_text}»` : ''),
    field('modality', e.modality),
    field('claimedBy', e.claimed_by?.text),
    field('fatalities', e.fatalities != null ? `${e.fatalities_approx ? '~' : ''}${e.fatalities}` : null),
    field('confidence', e.confidence?.toFixed(2)),
  );
  const mentions = h('ol', { class: 'mentions' }, ev.mentions.map((m) => h('li', { class: m.event.id === e.id ? 'current' : '' },
    h('a', { href: '#', onclick: (x) => { x.preventDefault(); onEvent(m.event.id); } }, m.event.mention || m.event.event_type), ': ', m.sentence.text)));
  clear(panel).append(
    h('div', { class: 'side-head' }, h('h2', { id: 'reader-title', dir: 'auto' }, d.title || d.id), h('button', { type: 'button', class: 'close', onclick: onClose }, t('close'))),
    h('p', { class: 'meta' }, [d.date, d.source].filter(Boolean).join(' · '), ' ', d.url ? h('a', { href: d.url, rel: 'noopener noreferrer', target: '_blank', class: 'source-link' }, t('openSource')) : null),
    h('div', { class: 'legend roles' }, roleOrder.map((r) => h('mark', { class: 'role-' + r }, t(r === 'claimed_by' ? 'claimedBy' : r)))),
    h('div', { class: 'reader', 'data-event': e.id }, h('h3', {}, t('fields')), fields, h('h3', {}, t('article')), text,
      ev.mentions.length > 1 ? [h('h3', {}, t('mentions')), mentions] : null),
  );
  // Scroll the panel (not the page) to the trigger, below the fields.
  const mark = text.querySelector('mark.role-trigger');
  const side = panel.closest('#side');
  if (mark && side && mark.offsetTop - side.offsetTop > side.clientHeight * 0.8) side.scrollTop = mark.offsetTop - side.offsetTop - side.clientHeight / 2;
}

export async function showActor(panel, key, params, { onActor, onEvent, onClose }) {
  clear(panel).append(h('p', { class: 'hint' }, t('loading')));
  const a = await api('actors/' + enc(key), params);
  const max = Math.max(1, ...a.months.map((m) => m.cooperation + m.conflict));
  const bar = (n, cls) => {
    const b = h('span', { class: 'bar ' + cls });
    b.style.width = `${(100 * n) / max}%`;
    return b;
  };
  const rel = (list) => h('ul', { class: 'relations' }, list.slice(0, 12).map((r) => h('li', {},
    h('a', { href: '#', onclick: (x) => { x.preventDefault(); onActor(r.id); } }, r.name || r.id), ` ${r.side ? '(' + r.side + ') ' : ''}× ${r.count}`)));
  const dot = h('span', { class: 'swatch' });
  dot.style.backgroundColor = sideColor(a.actor.side);
  clear(panel).append(
    h('div', { class: 'side-head' }, h('h2', { id: 'actor-title', dir: 'auto' }, dot, a.actor.name || key), h('button', { type: 'button', class: 'close', onclick: onClose }, t('close'))),
    h('p', { class: 'meta' }, a.actor.side || '', ` ${a.as_source} ${t('asSource')} · ${a.as_target} ${t('asTarget')}`),
    h('div', { class: 'months' }, a.months.map((m) => h('div', { class: 'month' }, h('span', { class: 'm' }, m.month), h('span', { class: 'bars' }, bar(m.cooperation, 'coop'), bar(m.conflict, 'conf')), ` ${m.cooperation}/${m.conflict}`))),
    h('p', { class: 'legend' }, h('span', { class: 'bar coop key' }), t('cooperation'), ' ', h('span', { class: 'bar conf key' }), t('conflict')),
    h('div', { class: 'two' }, h('div', {}, h('h3', {}, t('partners')), rel(a.partners)), h('div', {}, h('h3', {}, t('opponents')), rel(a.opponents))),
    h('h3', {}, t('recent')),
    h('ul', { class: 'recent' }, a.events.slice(0, 30).map((e) => h('li', {}, h('a', { href: '#', onclick: (x) => { x.preventDefault(); onEvent(e.id); } }, `${e.day} ${e.event_type}`), ' ', e.trigger.text, ' — ', e.doc_title))),
  );
}
