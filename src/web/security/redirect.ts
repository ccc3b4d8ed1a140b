/**
 * The one check for every page a request asks to be sent on to (`back` of /prefs/*, `next` of /login): a path
 * of this site, or the fallback. Browsers read `/\evil.example`, `//evil.example` and `/%5Cevil.example`
 * (once decoded by a proxy) as another host, and `/console//evil.example` is an address no page of ours has;
 * CR/LF would split the Location header. All of them, in any percent-encoded form, give the fallback.
 */

const BASE = 'http://gongkai.invalid';
const MAX_LENGTH = 2000;

/** Decoded once more, as a proxy or a browser might; a malformed escape counts as hostile. */
function decoded(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

function plainPath(value: string): boolean {
  if (!value.startsWith('/') || value.length > MAX_LENGTH) return false;
  // Control characters (CR/LF, NUL, tab) and backslashes: never part of an address of ours.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return false;
  const path = value.split(/[?#]/, 1)[0];
  // `//host` is another site; `//` anywhere in the path is no page of ours.
  if (path.includes('//')) return false;
  // A scheme smuggled in (`/javascript:…` is a path, but the decoded forms are checked too).
  if (/^\/*[a-z][a-z0-9+.-]*:/i.test(path)) return false;
  return true;
}

/**
 * `value` when it is a path of this site (each of its decoded forms too), starting with `prefix`; else
 * `fallback`. What is returned is the address as the URL parser resolves it on this origin.
 */
export function safeLocalPath(value: unknown, fallback: string, prefix = '/'): string {
  if (typeof value !== 'string' || !plainPath(value)) return fallback;
  let form = value;
  for (let i = 0; i < 3; i++) {
    const next = decoded(form);
    if (next === null || !plainPath(next)) return fallback;
    if (next === form) break;
    form = next;
  }
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!plainPath(path)) return fallback;
  const within =
    prefix === '/' || url.pathname === prefix || url.pathname.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
  return within ? path : fallback;
}
