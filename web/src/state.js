// The view is its URL: filters, language and the open event or actor are
// query parameters, so a view can be bookmarked and shared.
export const filterKeys = ['type', 'actor', 'country', 'place', 'from', 'to', 'source', 'modality', 'text', 'doc', 'cluster', 'happenings'];
const viewKeys = ['lang', 'event', 'actor_page'];

export function readState() {
  const p = new URLSearchParams(location.search);
  const s = {};
  for (const k of [...filterKeys, ...viewKeys]) if (p.get(k)) s[k] = p.get(k);
  return s;
}

export function writeState(s) {
  const p = new URLSearchParams();
  for (const k of [...filterKeys, ...viewKeys]) if (s[k]) p.set(k, s[k]);
  const q = p.toString();
  history.replaceState(null, '', q ? '?' + q : location.pathname);
}

// filters returns the API filter parameters of s; without lists keys to leave out.
export function filters(s, ...without) {
  const f = {};
  for (const k of filterKeys) if (s[k] && !without.includes(k)) f[k] = s[k];
  return f;
}
