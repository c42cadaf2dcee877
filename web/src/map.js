// The map: an offline basemap (Natural Earth countries from world-atlas,
// labels in Arabic and English), an optional tile layer, and the events as
// points clustered and coloured by type.
import L from './leaflet-global.js';
import 'leaflet.markercluster';
import { feature, mesh } from 'topojson-client';
import { h } from './dom.js';
import { getLang, t } from './i18n.js';
import { typeColor } from './colors.js';

let map, points, labels, placeLabels, countryLabels = [], places = [];

export async function initMap(el, tileURL) {
  map = L.map(el, { minZoom: 2, maxZoom: 13, worldCopyJump: true, zoomSnap: 0.5 }).setView([29, 20], 4);
  map.attributionControl.setPrefix('');
  map.attributionControl.addAttribution('Natural Earth');
  if (tileURL) L.tileLayer(tileURL, { maxZoom: 18 }).addTo(map);
  points = L.markerClusterGroup({ maxClusterRadius: 36, showCoverageOnHover: false, spiderfyOnMaxZoom: true });
  labels = L.layerGroup().addTo(map);
  placeLabels = L.layerGroup().addTo(map);
  const [topo, lbls] = await Promise.all([fetch('countries-50m.json').then((r) => r.json()), fetch('country-labels.json').then((r) => r.json())]);
  if (!tileURL) {
    const canvas = L.canvas({ padding: 0.2 });
    L.geoJSON(feature(topo, topo.objects.countries), {
      renderer: canvas, interactive: false,
      style: { stroke: false, fillColor: '#f3efe6', fillOpacity: 1 },
    }).addTo(map);
    L.geoJSON(mesh(topo, topo.objects.countries, (a, b) => a !== b), {
      renderer: canvas, interactive: false, style: { color: '#9a8f7a', weight: 0.8, opacity: 1 },
    }).addTo(map);
  }
  countryLabels = lbls;
  points.addTo(map);
  drawLabels();
}

function label(text, cls) {
  return L.divIcon({ className: cls, html: h('span', {}, text), iconSize: null });
}

// drawLabels writes the country and place names in the current language.
export function drawLabels() {
  if (!map) return;
  const ar = getLang() === 'ar';
  labels.clearLayers();
  for (const c of countryLabels) {
    L.marker([c.lat, c.lon], { icon: label(ar ? c.ar : c.en, 'country-label'), interactive: false, keyboard: false }).addTo(labels);
  }
  placeLabels.clearLayers();
  for (const p of places.slice(0, 12)) {
    L.marker([p.lat, p.lon], { icon: label(ar ? p.text : p.name, 'place-label'), interactive: false, keyboard: false }).addTo(placeLabels);
  }
}

export function setPlaces(ps) {
  places = ps;
  drawLabels();
}

// showEvents replaces the points; onPick gets the id of a clicked event.
export function showEvents(events, onPick) {
  points.clearLayers();
  const markers = [];
  for (const e of events) {
    const l = e.location;
    if (!l || l.lat == null || l.lon == null) continue;
    const m = L.circleMarker([l.lat, l.lon], {
      radius: 7, color: '#ffffff', weight: 1.5, fillColor: typeColor(e.event_type), fillOpacity: 0.95, className: 'marsad-point',
    });
    const tip = h('div', { class: 'tip' }, h('b', {}, e.event_type), ' ', e.day || '', h('br'),
      [e.source?.name || e.source?.text, e.target?.name || e.target?.text].filter(Boolean).join(' → '), h('br'), l.name || l.text);
    m.bindTooltip(tip, { direction: 'top' });
    m.on('click', () => onPick(e.id));
    m.on('add', () => m.getElement()?.setAttribute('data-event', e.id));
    markers.push(m);
  }
  points.addLayers(markers);
  if (markers.length) map.fitBounds(points.getBounds(), { maxZoom: 7, padding: [30, 30] });
  return markers.length;
}

export function invalidate() {
  map?.invalidateSize();
}

export const pointsTitle = () => t('map');
