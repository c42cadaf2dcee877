// The API client: JSON in, errors as exceptions with the server's message.
export async function api(path, params) {
  const q = params ? '?' + new URLSearchParams(params).toString() : '';
  const res = await fetch('/api/' + path + q, { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.error || `${res.status} ${res.statusText}`);
  return body;
}

export const enc = encodeURIComponent;
