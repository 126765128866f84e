// The page is not trusted. Its scripts can reach the coach's open shadow root, so they can click
// its buttons and dispatch keys at them; the coach acts only on events the browser made from the
// writer's own gestures. A page script pokes every coach button every way it can; the note, the
// findings and the tabs stay as they were; then a real click does what it says.

import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import {
  BROWSERS, useBrowser, click, waitFor, waitForReport, assertNothingLeaked,
} from './harness.mjs';
import { typeInDialog } from './coach-page.mjs';
import { EXTENSION_PAGE_PREFS, extensionTabs } from './extension-pages.mjs';

const CANNED_MISSPELT = "I'd like to add you to my professional network on LinkedIn. I'd love to conect.";
const PERSONAL = 'Hi Rosa, your talk on accessible forms at Inclusive Design 24 changed how we label inputs.';

// In the page's own world: every button of the coach clicked, sent a synthetic click, and sent
// Enter and Space; the note sent Ctrl+Z. → what was poked.
function pokeEverything() {
  const coach = __t.coachFor(__t.noteBox());
  const poked = [];
  const opts = { bubbles: true, composed: true, cancelable: true };
  for (let round = 0; round < 2; round++) {
    for (const button of coach.shadowRoot.querySelectorAll('button')) {
      poked.push(button.dataset.action);
      button.click();
      button.dispatchEvent(new MouseEvent('click', opts));
      button.focus();
      for (const [key, code] of [['Enter', 'Enter'], [' ', 'Space']]) {
        button.dispatchEvent(new KeyboardEvent('keydown', { key, code, ...opts }));
        button.dispatchEvent(new KeyboardEvent('keypress', { key, code, ...opts }));
        button.dispatchEvent(new KeyboardEvent('keyup', { key, code, ...opts }));
      }
    }
  }
  const box = __t.noteBox();
  box.focus();
  box.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', code: 'KeyZ', ctrlKey: true, ...opts }));
  return poked;
}

function seen(page) {
  return page.evaluate(() => {
    const root = __t.coachFor(__t.noteBox()).shadowRoot;
    const list = root.querySelector('[data-suggestions]');
    return {
      note: window.fixture.state().note,
      rules: [...root.querySelectorAll('[data-rule]')].map((f) => f.dataset.rule),
      rewrites: list.hidden ? [] : [...list.querySelectorAll('[data-intent] .rewrite-text')].map((p) => p.textContent),
    };
  });
}

const pause = (ms) => new Promise((r) => setTimeout(r, ms));
const server = await startServer();
const timings = [];
after(async () => {
  await server.close();
  console.log(`timing untrusted: ${timings.join('; ')}`);
});

for (const kind of BROWSERS) {
  describe(`the page cannot drive the coach (${kind})`, () => {
    const ctx = useBrowser(kind, { server, timings, firefoxPrefs: EXTENSION_PAGE_PREFS });

    it('a page script clicking every fix, "Use this", dismiss and Settings changes nothing; a real click does', async () => {
      const { page } = ctx.tab();
      await typeInDialog(page, server.url('/in/rosa-diaz/?ui=c'), CANNED_MISSPELT);
      await waitForReport(page, { verdict: 'canned', rules: ['canned-default', 'misspelling'] });
      await waitFor(page, () => Boolean(__t.coachFor(__t.noteBox()).shadowRoot.querySelector('[data-intent] button[data-action="apply"]')), undefined, { message: 'rewrites shown' });
      const before_ = await seen(page);
      const tabsBefore = (await extensionTabs(ctx.session)).length;

      const poked = await page.evaluate(pokeEverything);
      for (const action of ['apply', 'dismiss', 'settings']) assert.ok(poked.includes(action), `poked a ${action} button: ${poked}`);
      await pause(600);
      assert.deepEqual(await seen(page), before_, 'the note, the findings and the rewrites are as they were');
      assert.equal((await extensionTabs(ctx.session)).length, tabsBefore, 'no options tab opened');

      // The writer's own click still works.
      await click(page, '[data-rule="misspelling"] button[data-action="apply"]');
      const fixed = CANNED_MISSPELT.replace('conect', 'connect');
      await waitFor(page, (want) => window.fixture.state().note === want, fixed, { message: 'the real click fixed the note' });
      await waitForReport(page, { absent: ['misspelling'] });
      await click(page, '[data-suggestions] [data-intent] button[data-action="apply"]');
      await waitFor(page, (was) => window.fixture.state().note !== was && window.fixture.state().note.startsWith('Hi Rosa'), fixed, { message: 'the real click used a rewrite' });
      assert.deepEqual(ctx.tab().errors, []);
    });

    it('a page script pressing "Suggest a rewrite" gets nothing; the writer\'s click does', async () => {
      const { page } = ctx.tab();
      await typeInDialog(page, server.url('/in/rosa-diaz/?ui=c'), PERSONAL);
      await waitForReport(page, { verdict: 'personal' });
      const poked = await page.evaluate(pokeEverything);
      assert.ok(poked.includes('suggest'), `poked the suggest button: ${poked}`);
      await pause(700);
      assert.deepEqual((await seen(page)).rewrites, [], 'no rewrites fetched for the page');
      assert.equal((await seen(page)).note, PERSONAL);

      await click(page, 'button[data-action="suggest"]');
      await waitFor(page, () => __t.coachFor(__t.noteBox()).shadowRoot.querySelectorAll('[data-suggestions] [data-intent]').length > 0, undefined, { message: 'rewrites after the real click' });
      assert.deepEqual(ctx.tab().errors, []);
    });

    it('no CSP report, no request beyond the pages\' own, nothing from the extension', async () => {
      console.log(await assertNothingLeaked({ server, since: ctx.since, tabs: [ctx.tab()], network: ctx.network, kind }));
    });
  });
}
