// Building DOM nodes without HTML strings: every value from the store
// (article text, titles, actor names) becomes a text node, never markup.

// h creates an element; attrs are set as attributes (href only when it is
// an http(s) URL), children are nodes or strings (as text).
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'href') {
      const u = safeHref(v);
      if (u) el.setAttribute('href', u);
      continue;
    }
    if (k.startsWith('on')) {
      el.addEventListener(k.slice(2), v);
      continue;
    }
    el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// safeHref keeps http(s) links, same-origin paths and fragments only: no
// javascript:, data: or other schemes from article metadata.
export function safeHref(v) {
  const s = String(v).trim();
  if (s.startsWith('#') || (s.startsWith('/') && !s.startsWith('//'))) return s;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : '';
  } catch {
    return '';
  }
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}
