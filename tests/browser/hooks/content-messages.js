// Test builds only (scripts/assemble.mjs lists it after the content scripts in dist/test-*): lets
// a test send messages to the background from the content script's own context, which Firefox's
// WebDriver BiDi cannot evaluate in (it lists a tab's window realm only, not the extension's
// sandbox). The messages leave from the same context, with the same sender (tab, URL, frame), as
// the coach's own; the background's policy sees no difference.
//
// Inert until the page dispatches `uncanned-test-send` with a JSON list of messages as its
// detail; the replies, in order, come back as `uncanned-test-replies` with a JSON detail.
// Strings both ways, so nothing crosses between the page's world and this one but text.

(function () {
  'use strict';

  const api = globalThis.browser ?? globalThis.chrome;

  window.addEventListener('uncanned-test-send', async (event) => {
    const replies = [];
    for (const message of JSON.parse(event.detail)) {
      try {
        replies.push(await api.runtime.sendMessage(message));
      } catch (error) {
        replies.push({ thrown: String(error?.message ?? error) });
      }
    }
    window.dispatchEvent(new CustomEvent('uncanned-test-replies', { detail: JSON.stringify(replies) }));
  });
})();
