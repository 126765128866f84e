// The engine runs in the extension's background, which the browser suspends when it has been
// idle for a while (Chromium stops the service worker, Firefox unloads the event page). Someone
// who pauses over a note and types again must still get an answer, from a background that
// starts cold.

import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import {
  BROWSERS, useBrowser, openNote, clickNoteBox, selectAll, waitFor, waitForReport,
  assertNothingLeaked, fmtMs,
} from './harness.mjs';

const CANNED = "I'd like to add you to my professional network on LinkedIn.";
const PERSONAL = "Hi Marco, great talking with you at the Berlin Rust meetup last Thursday about embedded async. I'd love to keep in touch.";
// Firefox's default is 30 s; a test cannot sit that long.
const FIREFOX_IDLE_MS = 1000;

const server = await startServer();
const timings = [];
after(async () => {
  await server.close();
  console.log(`timing restart: ${timings.join('; ')}`);
});

// Suspends the background the way the browser would after idling; resolves once it is down.
async function suspendBackground(kind, page) {
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

for (const kind of BROWSERS) {
  describe(`coach after the background was suspended (${kind})`, () => {
    const ctx = useBrowser(kind, {
      server,
      timings,
      firefoxPrefs: { 'extensions.background.idle.timeout': FIREFOX_IDLE_MS },
    });

    it('the first keystroke after a suspension gets an answer, and typing goes on', async () => {
      const { page } = ctx.tab();
      await page.goto(server.url('/in/marco-rossi/?ui=c&delay=100'));
      await openNote(page, 'Marco Rossi');
      await clickNoteBox(page);
      await page.keyboard.type(CANNED);
      await waitForReport(page, { verdict: 'canned', rules: ['canned-default'] });

      const suspended = await suspendBackground(kind, page);
      await page.evaluate(() => {
        window.__probe = __t.latencyProbe(__t.coachFor(__t.noteBox()));
      });
      await page.keyboard.type(' ');
      await waitFor(page, () => window.__probe.changes.length > 0, undefined, { message: 'an answer after the suspension' });
      const cold = await page.evaluate(() => {
        window.__probe.stop();
        return window.__probe.changes[0] - window.__probe.keys[0];
      });
      const restarted = suspended.restarted();
      await suspended.stop();
      if (restarted !== null) assert.equal(restarted, true, 'the service worker was started again');
      console.log(`cold start ${kind}: first answer ${fmtMs(cold)} after the keystroke`);

      await selectAll(page);
      await page.keyboard.type(PERSONAL);
      await waitForReport(page, { verdict: 'personal', absent: ['canned-default'] });
      assert.equal(await page.evaluate(() => __t.noteBox().value), PERSONAL);
      assert.deepEqual(ctx.tab().errors, []);
    });

    it('no CSP report, no request beyond the pages\' own, nothing from the extension', async () => {
      console.log(await assertNothingLeaked({ server, since: ctx.since, tabs: [ctx.tab()], network: ctx.network, kind }));
    });
  });
}
