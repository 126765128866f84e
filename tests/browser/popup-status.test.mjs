// The popup when LinkedIn has changed its dialog: an invitation dialog shows a note field, but
// under a name none of the adapter's selectors knows (the era C fixture with ?note=renamed). The
// coach cannot attach; the popup says so in words instead of "no invitation note", and a first
// stage (no field yet) or a dialog the adapter knows still reads as before.

import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { ROOT, BROWSERS, useBrowser, click, waitFor, waitForCoach, assertNothingLeaked } from './harness.mjs';
import { EXTENSION_PAGE_PREFS, openExtensionPage, popupState } from './extension-pages.mjs';

const EN = JSON.parse(readFileSync(join(ROOT, 'extension', '_locales', 'en', 'messages.json'), 'utf8'));

const server = await startServer();
const timings = [];
after(async () => {
  await server.close();
  console.log(`timing popup-status: ${timings.join('; ')}`);
});

for (const kind of BROWSERS) {
  describe(`the popup on a changed dialog (${kind})`, () => {
    const ctx = useBrowser(kind, { server, timings, firefoxPrefs: EXTENSION_PAGE_PREFS });

    it('a note field the adapter does not know: the popup says LinkedIn changed the dialog', async () => {
      const { page } = ctx.tab();
      await page.goto(server.url('/in/rosa-diaz/?ui=c&note=renamed&delay=50'));
      const popup = await openExtensionPage(ctx.session, 'popup/popup.html');

      await page.bringToFront();
      await click(page, 'button[aria-label="Invite Rosa Díaz to connect"]');
      await waitFor(page, () => __t.all('button[aria-label="Add a free note"]').some(__t.visible), undefined, { message: 'the first stage' });
      await popupState(popup, { want: 'none', message: 'the first stage has no note field yet: no box, nothing lost' });

      await click(page, 'button[aria-label="Add a free note"]');
      await waitFor(page, () => __t.all('textarea#invitation-message').some(__t.visible), undefined, { message: 'the renamed note field' });
      await popupState(popup, { want: 'lost', message: 'the popup says the note box is lost' });
      assert.equal(await popup.evaluate(() => document.getElementById('status').textContent), EN.popup_lost_box.message);
      assert.equal(EN.popup_lost_box.message, "LinkedIn changed this dialog; Uncanned can't find the note box.");
      assert.equal(await page.evaluate(() => __t.coaches().length), 0, 'no coach on a field it does not know');

      // The same page with the dialog the adapter knows: a box, coached.
      await page.goto(server.url('/in/rosa-diaz/?ui=c&delay=50'));
      await click(page, 'button[aria-label="Invite Rosa Díaz to connect"]');
      await click(page, 'button[aria-label="Add a free note"]');
      await waitForCoach(page);
      await popupState(popup, { want: 'box', message: 'the known dialog is a box again' });

      await popup.close();
      assert.deepEqual(popup.errors, []);
      assert.deepEqual(ctx.tab().errors, []);
    });

    it('no CSP report, no request beyond the pages\' own, nothing from the extension', async () => {
      console.log(await assertNothingLeaked({ server, since: ctx.since, tabs: [ctx.tab()], network: ctx.network, kind }));
    });
  });
}
