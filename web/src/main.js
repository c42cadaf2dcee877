// The Marsad dashboard: filters in the URL drive the map, the timeline,
// the events table and the actor network; the side panel reads an article
// with its coded spans, or shows an actor's history.
import { api } from './api.js';
import { clear, h } from './dom.js';
import { setLang, t, getLang } from './i18n.js';
import { eventTypes } from './colors.js';
import { filterKeys, filters, readState, writeState } from './state.js';
import { initMap, showEvents, setPlaces, drawLabels, invalidate } from './map.js';
import { drawTimeline } from './timeline.js';
import { drawNetwork } from './network.js';
import { rows } from './table.js';
import { showActor, showEvent } from './reader.js';

let state = readState();
let busy = 0;
const $ = (id) => document.getElementById(id);

// track marks the page busy while work runs, so that people (and the
// browser tests) can tell when a view is complete.
async function track(p) {
  busy++;
  document.body.dataset.busy = 'true';
  try {
    return await p;
  } catch (err) {
    console.error(err);
    showError(err);
  } finally {
    if (--busy === 0) delete document.body.dataset.busy;
  }
}

function showError(err) {
  const box = $('error') || document.body.appendChild(h('div', { id: 'error', role: 'alert' }));
  box.textContent = `${t('error')}: ${err.message}`;
  setTimeout(() => box.remove(), 8000);
}

function fillForm() {
  const form = $('filters');
  for (const k of ['type', 'country', 'actor', 'from', 'to', 'text']) form.elements[k].value = state[k] || '';
  form.elements.happenings.checked = state.happenings === 'true';
  $('clear-range').hidden = !(state.from || state.to);
}

function readForm() {
  const form = $('filters');
  for (const k of ['type', 'country', 'actor', 'from', 'to', 'text']) state[k] = form.elements[k].value.trim();
  state.happenings = form.elements.happenings.checked ? 'true' : '';
}

const handlers = {
  onActor: (key) => openActor(key),
  onEvent: (id) => openEvent(id),
  onClose: () => closeSide(),
};

function openEvent(id) {
  state.event = id;
  delete state.actor_page;
  writeState(state);
  return track(showEvent($('side-body'), id, handlers));
}

function openActor(key) {
  state.actor_page = key;
  delete state.event;
  writeState(state);
  return track(showActor($('side-body'), key, filters(state, 'actor'), handlers));
}

function closeSide() {
  delete state.event;
  delete state.actor_page;
  writeState(state);
  clear($('side-body')).append(h('p', { class: 'hint' }, t('hint')));
}

let nextCursor = null;

async function loadTable(more) {
  const tbody = $('events').tBodies[0];
  const params = { ...filters(state), limit: 100 };
  if (more && nextCursor) params.cursor = nextCursor;
  const page = await api('events', params);
  if (!more) clear(tbody);
  rows(tbody, page.events, openEvent);
  nextCursor = page.next_cursor;
  $('more').hidden = !nextCursor;
  $('count').textContent = `(${tbody.rows.length}${nextCursor ? '+' : ''})`;
  if (!tbody.rows.length) tbody.append(h('tr', {}, h('td', { colspan: 7, class: 'hint' }, t('noEvents'))));
  const q = new URLSearchParams({ ...filters(state), limit: 100000 });
  $('dl-csv').href = '/api/events?' + q + '&format=csv';
  $('dl-geojson').href = '/api/events?' + q + '&format=geojson';
}

async function loadMap() {
  const [page, places] = await Promise.all([api('events', { ...filters(state), limit: 1000 }), api('places', { ...filters(state), limit: 200 })]);
  setPlaces(places.places);
  showEvents(page.events, openEvent);
}

async function loadTimeline() {
  const tl = await api('timeline', filters(state, 'from', 'to'));
  const range = state.from && state.to ? [state.from, state.to] : null;
  drawTimeline($('timeline'), tl.counts, range, (from, to) => {
    state.from = from;
    state.to = to;
    fillForm();
    writeState(state);
    refresh(false);
  });
}

async function loadNetwork() {
  drawNetwork($('network'), $('network-legend'), await api('network', { ...filters(state), limit: 400 }), openActor);
}

// refresh reloads every view of the filters; the timeline too unless the
// change came from its own brush.
function refresh(withTimeline = true) {
  const jobs = [loadTable(false), loadMap(), loadNetwork()];
  if (withTimeline) jobs.push(loadTimeline());
  return Promise.all(jobs.map(track));
}

async function main() {
  setLang(state.lang);
  const sel = $('f-type');
  for (const tp of eventTypes) sel.append(h('option', { value: tp }, tp));
  fillForm();
  $('filters').addEventListener('submit', (ev) => {
    ev.preventDefault();
    readForm();
    fillForm();
    writeState(state);
    refresh();
  });
  $('reset').addEventListener('click', () => {
    for (const k of filterKeys) delete state[k];
    fillForm();
    writeState(state);
    refresh();
  });
  $('clear-range').addEventListener('click', () => {
    delete state.from;
    delete state.to;
    fillForm();
    writeState(state);
    refresh();
  });
  $('more').addEventListener('click', () => track(loadTable(true)));
  $('lang').addEventListener('click', () => {
    state.lang = getLang() === 'ar' ? 'en' : '';
    setLang(state.lang);
    writeState(state);
    drawLabels();
    invalidate();
    if (state.event) openEvent(state.event);
    else if (state.actor_page) openActor(state.actor_page);
    else closeSide();
  });
  const cfg = await track(api('config'));
  await track(initMap($('map'), cfg?.tile_url));
  await refresh();
  if (state.event) await openEvent(state.event);
  else if (state.actor_page) await openActor(state.actor_page);
  document.body.dataset.ready = 'true';
}

main();
