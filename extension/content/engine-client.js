// How note text reaches the engine: a message to the background, which alone may run the wasm
// (LinkedIn's CSP stops Chromium from compiling it here, and reports the attempt to the site).
//
// Message protocol (see background.js):
//   → { type: 'analyze', seq, text, context }   ← the report, or { error }
//   → { type: 'suggest', seq, text, context }   ← { suggestions }, or { error }
//   → { type: 'coach-css' }                      ← { css }, or { error }
//   → { type: 'open-options' }                   ← {} once the options page is open

(function (U) {
  'use strict';

  const api = globalThis.browser ?? globalThis.chrome;

  function send(message) {
    // Throws synchronously once the extension has been reloaded under this page; callers see
    // the same rejected promise either way.
    try {
      return Promise.resolve(api.runtime.sendMessage(message));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  function unwrap(reply) {
    if (reply == null) throw new Error('no answer from the engine');
    if (typeof reply.error === 'string') throw new Error(reply.error);
    return reply;
  }

  // One client per note box. Answers can overtake each other (a cold background, a long note),
  // so each request is numbered and an answer older than the newest one already delivered
  // resolves to null: typing fast never puts a stale report over a newer one.
  function createEngineClient() {
    return { analyze: numbered('analyze'), suggest: numbered('suggest') };
  }

  // A request that got no answer at all (a background stopped or restarting under it) is sent
  // once more; an answer that is an error is the engine's word and stands.
  function request(message) {
    return send(message).then((reply) => reply ?? send(message), () => send(message));
  }

  function numbered(type) {
    let sent = 0;
    let delivered = 0;
    return (text, context) => {
      const seq = ++sent;
      return request({ type, seq, text, context }).then(
        (reply) => {
          if (seq < delivered) return null;
          delivered = seq;
          return unwrap(reply);
        },
        (error) => {
          if (seq < delivered) return null;
          throw error;
        },
      );
    };
  }

  let coachCss = null;
  function loadCoachCss() {
    coachCss ??= request({ type: 'coach-css' }).then((reply) => unwrap(reply).css);
    coachCss.catch(() => { coachCss = null; });
    return coachCss;
  }

  U.createEngineClient = createEngineClient;
  // Content scripts cannot open the options page themselves; the background can.
  U.openSettings = () => send({ type: 'open-options' });
  U.loadCoachCss = loadCoachCss;
  U.extensionAlive = () => {
    try {
      return Boolean(api?.runtime?.id);
    } catch {
      return false;
    }
  };
})(globalThis.Uncanned || (globalThis.Uncanned = {}));
