// The engine runs in the extension's background, which the browser suspends when it has been
// idle for a while (Chromium stops the service worker, Firefox unloads the event page). Someone
// who pauses over a note and types again must still get an answer, from a background that
// starts cold.

import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import {
  BROWSERS, useBrowser, openNote, clickNoteBox, selectAll, waitFor, waitForReport,
  assertNothingLeaked, fmtMs, suspendBackground, SHORT_IDLE_PREFS,
} from './harness.mjs';

const CANNED = "I'd like to add you to my professional network on LinkedIn.";
const PERSONAL = "Hi Marco, great talking with you at the Berlin Rust meetup last Thursday about embedded async. I'd love to keep in touch.";

const server = await startServer();
const timings = [];
after(async () => {
  await server.close();
  console.log(`timing restart: ${timings.join('; ')}`);
});

for (const kind of BROWSERS) {
  describe(`coach after the background was suspended (${kind})`, () => {
    const ctx = useBrowser(kind, {
      server,
      timings,
      firefoxPrefs: SHORT_IDLE_PREFS,
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
