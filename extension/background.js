// The only place the engine runs. LinkedIn's CSP has no 'wasm-unsafe-eval', so Chromium refuses
// to compile wasm in a content script there and reports the attempt to the site; the extension's
// own pages and workers are governed by the manifest's CSP instead, which allows it.
//
// Messages (from content/engine-client.js, and the options page for 'rules'):
//   { type: 'analyze', seq, text, context } → the report (src/report.rs), or { error }
//   { type: 'suggest', seq, text, context } → { suggestions } (src/suggest.rs), or { error }
//   { type: 'rules', lang }                 → [{ id, title }] for the options page, or { error }
//   { type: 'coach-css' }                   → { css }, or { error }
//   { type: 'open-options' }                → {} once the options page is open
// Who may send which, and the size caps: message-policy.js.

import init, { analyze, suggest, rules, __wbg_reset_state as replaceInstance } from './engine/uncanned.js';
import { refusal, senderKind } from './message-policy.js';

const api = globalThis.browser ?? globalThis.chrome;

const SENDER_ENV = {
  extensionOrigin: api.runtime.getURL(''),
  contentMatches: (api.runtime.getManifest().content_scripts ?? []).flatMap((cs) => cs.matches ?? []),
};

// A start can fail for passing reasons (memory pressure while the browser starts, a worker
// stopped mid-fetch); a few quick retries, then the next message tries again from scratch.
const START_RETRY_DELAYS_MS = [50, 250, 1000];

let engineStart = null;

function startEngine() {
  engineStart ??= (async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        await init({ module_or_path: api.runtime.getURL('engine/uncanned_bg.wasm') });
        // The engine reads its phrase lists on first use; doing it now keeps that off the first
        // keystroke.
        analyze('', undefined);
        return;
      } catch (error) {
        if (attempt >= START_RETRY_DELAYS_MS.length) throw error;
        await new Promise((resolve) => setTimeout(resolve, START_RETRY_DELAYS_MS[attempt]));
      }
    }
  })();
  engineStart.catch(() => { engineStart = null; });
  return engineStart;
}

// Started at once, awaited per message: a worker woken by a keystroke must answer that keystroke.
// A failure here is reported in each reply below.
startEngine().catch(() => {});

let coachCss = null;

function describe(error) {
  return error instanceof Error ? error.message : String(error);
}

// A trap (a panic compiled to `unreachable`, an out-of-bounds access) leaves the instance's
// memory in whatever state it stopped in: every later call on it is suspect. The instance is
// replaced from the compiled module the glue kept, and the call made once more on the new one,
// since the trap may have come from an earlier call's leftovers rather than from this text.
function callEngine(engineCall, ...args) {
  for (let attempt = 0; ; attempt++) {
    try {
      return engineCall(...args);
    } catch (error) {
      if (!(error instanceof WebAssembly.RuntimeError)) return { error: describe(error) };
      replaceInstance();
      if (attempt > 0) return { error: `the engine stopped on this text (${describe(error)})` };
    }
  }
}

function runEngine(engineCall, message) {
  return startEngine().then(
    () => callEngine(engineCall, message.text, message.context ?? undefined),
    (error) => ({ error: `the engine failed to load: ${describe(error)}` }),
  );
}

function loadCoachCss() {
  coachCss ??= fetch(api.runtime.getURL('content/coach.css')).then((response) => {
    if (!response.ok) throw new Error(`coach.css: ${response.status}`);
    return response.text();
  });
  coachCss.catch(() => { coachCss = null; });
  return coachCss;
}

function reply(sendResponse, promise) {
  promise.then(sendResponse, (error) => sendResponse({ error: describe(error) }));
  // Keeps the channel open for the asynchronous answer (works in Chromium and Firefox alike).
  return true;
}

// Registered synchronously at the top level, before anything is awaited, so that the message
// which woke the worker is delivered to it.
api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== api.runtime.id) return false;
  const refused = refusal(message, senderKind(sender, SENDER_ENV));
  if (refused) {
    sendResponse({ error: refused });
    return false;
  }
  switch (message.type) {
    case 'analyze':
      return reply(sendResponse, runEngine(analyze, message));
    case 'suggest':
      return reply(sendResponse, runEngine(suggest, message));
    case 'rules':
      return reply(sendResponse, startEngine().then(() => callEngine(rules, message.lang ?? undefined)));
    case 'open-options':
      return reply(sendResponse, Promise.resolve(api.runtime.openOptionsPage()).then(() => ({})));
    case 'coach-css':
      return reply(sendResponse, loadCoachCss().then((css) => ({ css })));
    default:
      return false;
  }
});
