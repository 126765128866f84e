// The page watcher narrows once the page is idle: LinkedIn's feed changes attributes all the
// time, and the content script need not hear each one while no invitation dialog is open. After
// 3 s without a note box, a click or a focus move, an attribute change alone (a dialog already in
// the page, merely unhidden) wakes nothing; the writer's next click does, and the coach comes.
// Before that, and while a note box is open, every watched attribute counts at once.

import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { BROWSERS, useBrowser, waitFor, assertNothingLeaked } from './harness.mjs';

const IDLE_MS = 3000;
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

// A dialog of era B's shape put in the page hidden; → nothing (unhide it with reveal()).
function plantHiddenDialog() {
  const dialog = document.createElement('div');
  dialog.setAttribute('role', 'dialog');
  dialog.className = 'artdeco-modal send-invite';
  dialog.setAttribute('aria-labelledby', 'send-invite-modal');
  dialog.hidden = true;
  dialog.innerHTML = '<h2 id="send-invite-modal">You can add a note to personalize your invitation to Rosa Díaz.</h2><textarea id="custom-message" name="message" maxlength="200" style="width:400px;height:80px"></textarea>';
  document.body.append(dialog);
  window.reveal = () => { dialog.hidden = false; };
}

const coachCount = (page) => page.evaluate(() => __t.coaches().length);

const server = await startServer();
const timings = [];
after(async () => {
  await server.close();
  console.log(`timing watch: ${timings.join('; ')}`);
});

for (const kind of BROWSERS) {
  describe(`the page watcher narrows when idle (${kind})`, () => {
    const ctx = useBrowser(kind, { server, timings });

    it('while the page is fresh, a dialog unhidden by an attribute gets its coach at once', async () => {
      const { page } = ctx.tab();
      await page.goto(server.url('/in/rosa-diaz/'));
      await page.evaluate(plantHiddenDialog);
      await page.evaluate(() => window.reveal());
      await waitFor(page, () => __t.coaches().length === 1, undefined, { message: 'the coach for the unhidden dialog', timeout: 2000 });
    });

    it('once idle, an attribute change alone wakes nothing; the writer\'s click does', async () => {
      const { page } = ctx.tab();
      await page.goto(server.url('/in/rosa-diaz/'));
      await page.evaluate(plantHiddenDialog);
      await pause(IDLE_MS + 1000);
      await page.evaluate(() => window.reveal());
      await pause(800);
      assert.equal(await coachCount(page), 0, 'no scan for an attribute change on an idle page');
      await page.mouse.click(5, 5);
      await waitFor(page, () => __t.coaches().length === 1, undefined, { message: 'the coach after a click', timeout: 2000 });
      assert.deepEqual(ctx.tab().errors, []);
    });

    it('no CSP report, no request beyond the pages\' own, nothing from the extension', async () => {
      console.log(await assertNothingLeaked({ server, since: ctx.since, tabs: [ctx.tab()], network: ctx.network, kind }));
    });
  });
}
