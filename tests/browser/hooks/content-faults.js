// Test builds only (scripts/assemble.mjs lists it after the content scripts in dist/test-*):
// makes the first step of the content script's teardown throw, as an API of an extension
// reloaded or updated under the page may, so that a browser test sees the steps after it run.
//
// Inert until the page dispatches `uncanned-test-break-teardown` (answered with
// `uncanned-test-teardown-broken`). From then on, once the extension is gone from under this
// copy (its runtime.id unset), removeEventListener in this world throws: of the content
// scripts, only stopping the page watcher, teardown's first step, calls it (the coaches let go
// of theirs through an AbortSignal). Prototypes are per world: the page's own listeners are
// untouched.

(function () {
  'use strict';

  const api = globalThis.browser ?? globalThis.chrome;

  function extensionGone() {
    try {
      return !api?.runtime?.id;
    } catch {
      return true;
    }
  }

  window.addEventListener('uncanned-test-break-teardown', () => {
    const remove = EventTarget.prototype.removeEventListener;
    EventTarget.prototype.removeEventListener = function (...args) {
      if (extensionGone()) throw new Error('Extension context invalidated.');
      return remove.apply(this, args);
    };
    window.dispatchEvent(new CustomEvent('uncanned-test-teardown-broken'));
  }, { once: true });
})();
