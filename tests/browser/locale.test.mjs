// The coach speaks the browser's language: its own strings from _locales and the engine's
// messages alike, whatever language the note is in. Chromium only: Debian's Firefox ships no
// other locale without a language pack.

import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import {
  BROWSERS, useBrowser, openNote, clickNoteBox, waitFor, waitForReport,
} from './harness.mjs';

const CANNED = "I'd like to add you to my professional network on LinkedIn.";

const server = await startServer();
const timings = [];
after(async () => {
  await server.close();
  console.log(`timing locale: ${timings.join('; ')}`);
});

if (BROWSERS.includes('chromium')) {
  describe('coach in German (chromium --lang=de)', () => {
    const ctx = useBrowser('chromium', { server, timings, chromiumArgs: ['--lang=de'] });

    it('verdict, checklist and findings are in German for an English note', async () => {
      const { page } = ctx.tab();
      await page.goto(server.url('/in/rosa-diaz/?ui=c'));
      await openNote(page);
      await clickNoteBox(page);
      await page.keyboard.type(CANNED);
      await waitForReport(page, { verdict: 'canned', rules: ['canned-default'] });
      const shown = await waitFor(page, () => {
        const root = __t.coachFor(__t.noteBox()).shadowRoot;
        const message = root.querySelector('[data-rule="canned-default"] .message')?.textContent ?? '';
        return message.includes('Standardtext') ? {
          verdict: root.querySelector('.verdict-label').textContent,
          check: root.querySelector('[data-check="how_we_know"]').textContent,
          message,
        } : null;
      }, undefined, { message: 'German messages in the coach' });
      assert.equal(shown.verdict, 'Standardtext');
      assert.match(shown.check, /Woher Sie sich kennen/);
      assert.match(shown.message, /Das ist LinkedIns Standardtext/);
      assert.deepEqual(ctx.tab().errors, []);
    });
  });
}
