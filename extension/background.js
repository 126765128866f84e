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

import init, { analyze, suggest, rules } from './engine/uncanned.js';
import { refusal, senderKind } from './message-policy.js';

const api = globalThis.browser ?? globalThis.chrome;

const SENDER_ENV = {
  extensionOrigin: api.runtime.getURL(''),
  contentMatches: (api.runtime.getManifest().content_scripts ?? []).flatMap((cs) => cs.matches ?? []),
};

// Started at once, awaited per message: a worker woken by a keystroke must answer that keystroke.
const engineReady = init({ module_or_path: api.runtime.getURL('engine/uncanned_bg.wasm') });
// A failed load is reported in each reply below; this only keeps it from also surfacing as an
// unhandled rejection.
engineReady.catch(() => {});
// The engine reads its phrase lists on first use; doing it now keeps that off the first keystroke.
engineReady.then(() => analyze('', undefined), () => {});

let coachCss = null;

function describe(error) {
  return error instanceof Error ? error.message : String(error);
}

function runEngine(engineCall, message) {
  try {
    return engineCall(message.text, message.context ?? undefined);
  } catch (error) {
    return { error: describe(error) };
  }
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
    case 'suggest':
      return reply(sendResponse, engineReady.then(
        () => runEngine(message.type === 'analyze' ? analyze : suggest, message),
        (error) => ({ error: `the engine failed to load: ${describe(error)}` }),
      ));
    case 'rules':
      return reply(sendResponse, engineReady.then(() => rules(message.lang ?? undefined)));
    case 'open-options':
      return reply(sendResponse, Promise.resolve(api.runtime.openOptionsPage()).then(() => ({})));
    case 'coach-css':
      return reply(sendResponse, loadCoachCss().then((css) => ({ css })));
    default:
      return false;
  }
});
