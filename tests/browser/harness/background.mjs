// The extension's background, as the browser runs it: suspended after idling (Chromium stops the
// service worker, Firefox unloads the event page).

import assert from 'node:assert/strict';

// Firefox's idle timeout is 30 s; a test cannot sit that long. Pass these prefs to useBrowser
// in files that suspend the background.
export const FIREFOX_IDLE_MS = 1000;
export const SHORT_IDLE_PREFS = Object.freeze({ 'extensions.background.idle.timeout': FIREFOX_IDLE_MS });

// Suspends the background the way the browser would after idling; resolves once it is down.
// `restarted()` says (Chromium) whether it has run again since; null where that can't be seen.
export async function suspendBackground(kind, page) {
  if (kind === 'chromium') {
    const cdp = await page.createCDPSession();
    const statuses = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => statuses.push(...e.versions.map((v) => v.runningStatus)));
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const deadline = Date.now() + 5_000;
    while (!statuses.includes('stopped') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.ok(statuses.includes('stopped'), 'the service worker stopped');
    return {
      restarted: () => statuses.lastIndexOf('running') > statuses.lastIndexOf('stopped'),
      stop: () => cdp.detach().catch(() => {}),
    };
  }
  // Firefox unloads an idle event page by itself once the (shortened) idle timeout has passed.
  await new Promise((r) => setTimeout(r, FIREFOX_IDLE_MS * 2.5));
  return { restarted: () => null, stop: async () => {} };
}
