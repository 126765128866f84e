// The background keeps the engine answering through its two failures: a wasm start that fails
// (retried), and a trap, after which the instance is replaced. The test build's engine-fault
// hook (tests/browser/hooks/engine-faults.js, loaded ahead of background.js in dist/test-* only)
// makes each happen on demand and logs that it did, so a pass is a recovery, not a fault that
// never fired.

import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import {
  BROWSERS, useBrowser, openNote, clickNoteBox, selectAll, waitForReport, assertNothingLeaked,
  suspendBackground, SHORT_IDLE_PREFS,
} from './harness.mjs';
import { EXTENSION_PAGE_PREFS, openExtensionPage } from './extension-pages.mjs';

const CANNED = "I'd like to add you to my professional network on LinkedIn.";
const PERSONAL = "Hi Rosa, your talk on accessible forms at the Berlin meetup changed how our team labels inputs. I'd love to keep in touch.";

const server = await startServer();
const timings = [];
after(async () => {
  await server.close();
  console.log(`timing engine-recovery: ${timings.join('; ')}`);
});

// Reads or writes the hook's records through the options page, the extension's own storage.
async function faults(session, faultsToSet) {
  const options = await openExtensionPage(session, 'options/options.html');
  const log = await options.evaluate(async (next) => {
    const api = globalThis.browser ?? globalThis.chrome;
    if (next) await api.storage.local.set({ 'test-faults': next, 'test-fault-log': [] });
    return (await api.storage.local.get('test-fault-log'))['test-fault-log'] ?? [];
  }, faultsToSet ?? null);
  await options.close();
  return log;
}

for (const kind of BROWSERS) {
  describe(`the engine recovers (${kind})`, () => {
    const ctx = useBrowser(kind, { server, timings, firefoxPrefs: { ...EXTENSION_PAGE_PREFS, ...SHORT_IDLE_PREFS } });

    it('a wasm start that fails twice is retried, and the coach answers', async () => {
      const { page } = ctx.tab();
      await faults(ctx.session, { failStarts: 2 });
      // The next start is a cold one: the background is suspended as after idling.
      await page.goto(server.url('/in/rosa-diaz/?ui=c&delay=50'));
      const suspended = await suspendBackground(kind, page);
      await suspended.stop();
      await openNote(page);
      await clickNoteBox(page);
      await page.keyboard.type(CANNED);
      await waitForReport(page, { verdict: 'canned', rules: ['canned-default'], timeout: 8_000 });
      const log = await faults(ctx.session);
      assert.deepEqual(log.slice(0, 3), ['start-failed', 'start-failed', 'started'], `fault log: ${JSON.stringify(log)}`);
      assert.deepEqual(ctx.tab().errors, []);
    });

    it('after a trap the instance is replaced, and the coach answers the next keystrokes', async () => {
      const { page } = ctx.tab();
      await faults(ctx.session, { trap: true });
      await page.bringToFront();
      await clickNoteBox(page);
      await selectAll(page);
      await page.keyboard.type(PERSONAL);
      await waitForReport(page, { verdict: 'personal', absent: ['canned-default'] });
      const log = await faults(ctx.session);
      assert.ok(log.includes('trapped'), `the trap fired: ${JSON.stringify(log)}`);
      assert.ok(log.indexOf('new-instance') > log.indexOf('trapped'), `a new instance after the trap: ${JSON.stringify(log)}`);
      // And it keeps answering.
      await selectAll(page);
      await page.keyboard.type(CANNED);
      await waitForReport(page, { verdict: 'canned', rules: ['canned-default'] });
      assert.deepEqual(ctx.tab().errors, []);
    });

    it('no CSP report, no request beyond the pages\' own, nothing from the extension', async () => {
      console.log(await assertNothingLeaked({ server, since: ctx.since, tabs: [ctx.tab()], network: ctx.network, kind }));
    });
  });
}
