// The extension speaks the browser's language: the coach's own strings from _locales and the
// engine's messages alike, whatever language the note is in, and the options page and popup too.
// German: Chromium started with --lang=de; Firefox with intl.locale.requested=de, which takes
// effect only with Firefox's German language pack installed (`make browsers` installs Debian's
// firefox-esr-l10n-de; without it Firefox stays English and its half is skipped).

import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { startServer } from './server.mjs';
import {
  BROWSERS, useBrowser, openNote, clickNoteBox, waitFor, waitForReport, assertNothingLeaked,
} from './harness.mjs';
import { EXTENSION_PAGE_PREFS, openExtensionPage } from './extension-pages.mjs';

const CANNED = "I'd like to add you to my professional network on LinkedIn.";
const FIREFOX_LANGPACK_DE = '/usr/lib/firefox-esr/browser/extensions/langpack-de@firefox-esr.mozilla.org.xpi';

const server = await startServer();
const timings = [];
after(async () => {
  await server.close();
  console.log(`timing locale: ${timings.join('; ')}`);
});

const GERMAN = {
  chromium: { chromiumArgs: ['--lang=de'] },
  firefox: { firefoxPrefs: { ...EXTENSION_PAGE_PREFS, 'intl.locale.requested': 'de' } },
};

for (const kind of BROWSERS) {
  const skip = kind === 'firefox' && !existsSync(FIREFOX_LANGPACK_DE)
    ? `no German language pack for Firefox (${FIREFOX_LANGPACK_DE}): apt-get install firefox-esr-l10n-de`
    : false;
  describe(`in German (${kind})`, { skip }, () => {
    const ctx = useBrowser(kind, { server, timings, ...GERMAN[kind] });

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
          settings: root.querySelector('[data-action="settings"]').textContent,
          message,
        } : null;
      }, undefined, { message: 'German messages in the coach' });
      assert.equal(shown.verdict, 'Standardtext');
      assert.match(shown.check, /Woher Sie sich kennen/);
      assert.equal(shown.settings, 'Einstellungen');
      assert.match(shown.message, /Das ist LinkedIns Standardtext/);
      assert.deepEqual(ctx.tab().errors, []);
    });

    it('the options page and the popup are in German, rule titles included', async () => {
      const options = await openExtensionPage(ctx.session, 'options/options.html');
      const seen = await options.evaluate(() => ({
        lang: document.documentElement.lang,
        title: document.title,
        name: document.querySelector('label[for="sender_name"]').textContent,
        rule: document.querySelector('label[for="rule-job-ask"]').textContent,
      }));
      assert.deepEqual(seen, {
        lang: 'de',
        title: 'Uncanned-Einstellungen',
        name: 'Ihr Name',
        rule: 'Jobanfrage zuerst job-ask',
      });
      await options.close();
      assert.deepEqual(options.errors, []);

      const popup = await openExtensionPage(ctx.session, 'popup/popup.html');
      const popupSeen = await popup.evaluate(() => ({
        pause: document.getElementById('pause').textContent,
        status: document.getElementById('status').textContent,
      }));
      assert.deepEqual(popupSeen, { pause: 'Auf LinkedIn pausieren', status: 'Uncanned funktioniert auf LinkedIn-Seiten.' });
      await popup.close();
      assert.deepEqual(popup.errors, []);
    });

    it('no CSP report, no request beyond the pages\' own, nothing from the extension', async () => {
      console.log(await assertNothingLeaked({ server, since: ctx.since, tabs: [ctx.tab()], network: ctx.network, kind }));
    });
  });
}
