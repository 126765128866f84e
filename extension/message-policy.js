// Who may ask the background what, and how much they may send. The background answers only its
// own extension (the browser checks sender.id), but within it each message type has one kind of
// sender: a content script cannot ask for the options page's rule titles, an extension page
// cannot run the engine on text, and nothing is parsed or handed to the wasm before its size is
// known. A pure module: the background imports it, and Node tests it without a browser.
//
// Sizes are in UTF-16 code units (JavaScript string length), the unit of the note box's own
// maxlength. extension/README.md ("Message caps") lists the same numbers.

export const CAPS = Object.freeze({
  // The note. LinkedIn allows 300; a pasted document is refused whole rather than cut, so the
  // coach never reports on text the writer cannot see.
  note: 100_000,
  // Every other string anywhere in a message: a name, a headline, a language tag, a rule id, a
  // post's first lines, the profile's about text (LinkedIn's own cap for it is 2,600).
  field: 4_000,
  // Entries in any list (disabled rules, facts read from the page).
  list: 100,
  // Keys in any one object.
  keys: 50,
  // Objects and lists inside one another, the message itself being depth 0.
  depth: 4,
});

// The kind of context each message type comes from. 'content': the content script in a tab the
// manifest's content_scripts match (LinkedIn; the test build adds the fixture server). 'page':
// one of the extension's own pages (options, popup).
export const SENDERS = Object.freeze({
  analyze: 'content',
  suggest: 'content',
  'coach-css': 'content',
  'open-options': 'content',
  rules: 'page',
});

const SENDER_NAMES = { content: 'the content script on LinkedIn', page: "the extension's own pages" };

// A match pattern (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns)
// as a test of a URL. Ports are ignored, as both browsers do for patterns without one.
export function matchesPattern(pattern, url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (pattern === '<all_urls>') return /^(?:https?|wss?|file|ftp):$/.test(u.protocol);
  const m = /^(\*|[a-z][a-z0-9+.-]*):\/\/(\*|\*\.[^/]+|[^/*]+)?(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, rawHost = '', path] = m;
  const protocol = u.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
  const host = rawHost.replace(/:\d+$/, '');
  if (host.startsWith('*.')) {
    const base = host.slice(2);
    if (u.hostname !== base && !u.hostname.endsWith(`.${base}`)) return false;
  } else if (host !== '*' && u.hostname !== host) {
    return false;
  }
  const glob = new RegExp(`^${path.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return glob.test(u.pathname + u.search);
}

// 'content', 'page' or null for a runtime.onMessage sender. `extensionOrigin` is
// runtime.getURL(''); `contentMatches` the manifest's content_scripts matches.
export function senderKind(sender, { extensionOrigin, contentMatches }) {
  const url = typeof sender?.url === 'string' ? sender.url : '';
  if (!url) return null;
  if (url.startsWith(extensionOrigin)) return 'page';
  // A content script always runs in a tab; its sender.url is the page's.
  if (sender.tab && contentMatches.some((pattern) => matchesPattern(pattern, url))) return 'content';
  return null;
}

// The first field over its cap, as a message naming it; null when everything fits.
function oversized(value, where, depth) {
  if (typeof value === 'string') {
    const cap = where === 'text' ? CAPS.note : CAPS.field;
    return value.length > cap ? `${where} is ${value.length} UTF-16 units long; the cap is ${cap}` : null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (depth > CAPS.depth) return `${where} is nested more than ${CAPS.depth} levels deep`;
  if (Array.isArray(value)) {
    if (value.length > CAPS.list) return `${where} has ${value.length} entries; the cap is ${CAPS.list}`;
    for (let i = 0; i < value.length; i++) {
      const found = oversized(value[i], `${where}[${i}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const keys = Object.keys(value);
  if (keys.length > CAPS.keys) return `${where} has ${keys.length} keys; the cap is ${CAPS.keys}`;
  for (const key of keys) {
    if (key.length > CAPS.field) return `a key of ${where} is ${key.length} UTF-16 units long; the cap is ${CAPS.field}`;
    const found = oversized(value[key], where === 'message' ? key : `${where}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

// Why the background must not answer `message` from `kind` (see senderKind), or null if it may.
// The shape checks the engine call needs come last: a refused sender learns nothing else.
export function refusal(message, kind) {
  if (message === null || typeof message !== 'object' || Array.isArray(message)) return 'a message must be an object';
  const { type } = message;
  if (typeof type !== 'string' || !Object.hasOwn(SENDERS, type)) {
    return `unknown message type: ${typeof type === 'string' ? type.slice(0, 40) : typeof type}`;
  }
  const from = SENDERS[type];
  if (kind !== from) {
    return `'${type}' is answered only for ${SENDER_NAMES[from]}; this came from ${kind ? SENDER_NAMES[kind] : 'somewhere else'}`;
  }
  const tooBig = oversized(message, 'message', 0);
  if (tooBig) return tooBig;
  if (type === 'analyze' || type === 'suggest') {
    if (typeof message.text !== 'string') return 'text must be a string';
    const { context } = message;
    if (context != null && (typeof context !== 'object' || Array.isArray(context))) return 'context must be an object';
  }
  if (type === 'rules' && message.lang != null && typeof message.lang !== 'string') return 'lang must be a string';
  return null;
}
