// The extension replaced under a page while the writer types: the old copy's coach must not stay
// behind, no keystroke may be lost, and nothing may throw in the page. Two real ways:
//
// - update: the same build installed again over the running one (the DevTools protocol's
//   Extensions.loadUnpacked in Chromium, WebDriver BiDi's webExtension.install in Firefox), which
//   is what a new version arriving does: the old copy is unloaded and the new one loaded.
// - reload: `runtime.reload()` called by the extension itself: in Chromium from its service
//   worker (in a profile with developer mode on, as anyone loading an unpacked build has it:
//   without it Chromium disables the extension instead), in Firefox from its options page
//   (WebDriver BiDi cannot evaluate in the background page).
//
// The browsers differ after it. Chromium leaves the old content script running, cut off from
// the extension: its watcher sees the next change on the page and tears its coach down (with
// the test build's teardown-fault hook making the first step of that teardown throw), and the
// new copy runs only in pages loaded after it. Firefox stops the old copy where it is (its
// listeners and observers go silent, so it cannot clean up after itself) and runs the new copy
// in the open page at once, which removes the coach it finds there that is not its own.

import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import {
  BROWSERS, useBrowser, clickNoteBox, extensionDir, openNote, selectAll, waitFor, waitForReport,
  assertNothingLeaked,
} from './harness.mjs';
import { typeInDialog } from './coach-page.mjs';
import { EXTENSION_PAGE_PREFS, extensionTabs, openExtensionPage } from './extension-pages.mjs';

const FIRST = 'Hi Rosa, ';
const TYPED = 'we met at RustConf last year and talked about embedded async for an hour.';
const CANNED = "I'd like to add you to my professional network on LinkedIn.";
const MORE = ' Thanks!';
const WAYS = { chromium: ['update', 'reload'], firefox: ['update', 'reload'] };
// Real keys, one every 20 ms: the extension is replaced about 400 ms into them.
const KEY_DELAY_MS = 20;
const REPLACE_AFTER_MS = 400;

const server = await startServer();
const timings = [];
after(async () => {
  await server.close();
  console.log(`timing reload: ${timings.join('; ')}`);
});

// Types TYPED into the focused note box while the extension is replaced `way`.
async function typeWhileReplaced(session, page, way) {
  if (way === 'reload' && session.kind === 'chromium') {
    const worker = await (await session.browser.waitForTarget((t) => t.type() === 'service_worker'
      && t.url().startsWith(`chrome-extension://${session.extensionId}/`))).worker();
    await worker.evaluate((ms) => {
      setTimeout(() => chrome.runtime.reload(), ms);
      return true;
    }, REPLACE_AFTER_MS);
    await page.keyboard.type(TYPED, { delay: KEY_DELAY_MS });
    return;
  }
  if (way === 'reload') {
    const options = await openExtensionPage(session, 'options/options.html');
    // Called later from the page itself, once the typing has begun: the reload closes the
    // page, and with it the call that asked for it.
    await options.evaluate((ms) => {
      setTimeout(() => (globalThis.browser ?? globalThis.chrome).runtime.reload(), ms);
      return true;
    }, REPLACE_AFTER_MS);
    await page.bringToFront();
    await clickNoteBox(page);
    await page.keyboard.type(TYPED, { delay: KEY_DELAY_MS });
    assert.deepEqual((await extensionTabs(session)).map((t) => t.url), [], 'the reload took place: it closed the options page');
    return;
  }
  const typing = page.keyboard.type(TYPED, { delay: KEY_DELAY_MS });
  await new Promise((r) => setTimeout(r, REPLACE_AFTER_MS));
  await session.browser.installExtension(extensionDir(session.kind));
  await typing;
}

for (const kind of BROWSERS) {
  for (const way of WAYS[kind] ?? []) {
    describe(`the extension replaced (${way}) while the writer types (${kind})`, () => {
      const ctx = useBrowser(kind, { server, timings, firefoxPrefs: EXTENSION_PAGE_PREFS });

      it('no coach of the old copy stays, every keystroke reaches the note, nothing throws', async () => {
        const tab = ctx.tab();
        const { page } = tab;
        await typeInDialog(page, server.url('/in/rosa-diaz/?ui=c'), FIRST);
        await waitForReport(page, { verdict: undefined });
        await page.evaluate(() => { window.__oldCoach = __t.coachFor(__t.noteBox()); });
        if (kind === 'chromium') {
          // The old copy runs its teardown here: its first step will throw (the test build's
          // teardown-fault hook), and the coach must come off all the same.
          await page.evaluate(() => new Promise((resolve) => {
            window.addEventListener('uncanned-test-teardown-broken', resolve, { once: true });
            window.dispatchEvent(new CustomEvent('uncanned-test-break-teardown'));
          }));
        }
        await typeWhileReplaced(ctx.session, page, way);

        const state = await page.evaluate(() => window.fixture.state());
        assert.equal(state.note, FIRST + TYPED, 'every keystroke reached the page');
        assert.equal(state.counter, `${(FIRST + TYPED).length}/200`, "the page's own counter followed");
        await waitFor(page, () => !window.__oldCoach.isConnected && __t.coaches().every((c) => c !== window.__oldCoach),
          undefined, { message: "the old copy's coach gone" });

        if (kind === 'chromium') {
          assert.equal(await page.evaluate(() => __t.coaches().length), 0, 'nothing of the old coach left');
          // The old copy, still running cut off, acts on nothing more: keys go on reaching the
          // page, and no coach comes back.
          await page.keyboard.type(MORE);
          await new Promise((r) => setTimeout(r, 500));
          assert.equal((await page.evaluate(() => window.fixture.state())).note, FIRST + TYPED + MORE, 'keys after it reached the page');
          assert.equal(await page.evaluate(() => __t.coaches().length), 0, 'the old copy attached nothing again');
          // The new copy runs in the page loaded next.
          await page.reload();
          await openNote(page);
          await clickNoteBox(page);
        }
        // The coach there now is the new copy's, alone, and it answers.
        assert.equal(await page.evaluate(() => __t.coaches().length), 1, 'one coach');
        await selectAll(page);
        await page.keyboard.type(CANNED);
        await waitForReport(page, { verdict: 'canned', rules: ['canned-default'] });
        assert.deepEqual(tab.errors, [], 'no console errors or uncaught exceptions in the page');
      });

      it('no CSP report, no request beyond the pages\' own, nothing from the extension', async () => {
        console.log(await assertNothingLeaked({ server, since: ctx.since, tabs: [ctx.tab()], network: ctx.network, kind }));
      });
    });
  }
}
