// The options page and the popup, with the real extension: settings saved in one tab reach the
// coach in an open LinkedIn dialog in another without a reload; the popup sees the note box,
// and pausing removes the coach until resumed. Accessibility of the options page with axe-core.
//
// Chromium only: Firefox's WebDriver BiDi neither opens nor reports the extension's own pages
// (moz-extension://), so a test cannot reach them there; the coach side of settings is the same
// code in both browsers.

import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import {
  ROOT, BROWSERS, useBrowser, openNote, newPage, click, clickNoteBox, selectAll, waitFor,
  waitForCoach, waitForReport, assertNothingLeaked,
} from './harness.mjs';

const CANNED = "I'd like to add you to my professional network on LinkedIn.";

const server = await startServer();
const timings = [];
after(async () => {
  await server.close();
  console.log(`timing settings: ${timings.join('; ')}`);
});

async function waitUntil(fn, timeout = 5_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function severityOf(page, rule) {
  return page.evaluate((rule) => __t.coachFor(__t.noteBox())?.shadowRoot
    ?.querySelector(`[data-rule="${rule}"]`)?.dataset.severity ?? null, rule);
}

for (const kind of BROWSERS.filter((k) => k === 'chromium')) {
  describe(`options and popup (${kind})`, () => {
    const ctx = useBrowser(kind, { server, timings });
    const base = () => `chrome-extension://${ctx.session.extensionId}/`;

    // The coach's Settings button opens the options page in a tab of its own.
    async function settingsButtonOpensOptions(page) {
      const before = new Set(await ctx.session.browser.pages());
      await click(page, 'button[data-action="settings"]');
      const opened = await waitUntil(async () => (await ctx.session.browser.pages())
        .find((p) => !before.has(p) && p.url() === `${base()}options/options.html`));
      await opened.close();
    }

    it('options apply to an open dialog without a reload', async () => {
      const { page } = ctx.tab();
      await page.goto(server.url('/in/rosa-diaz/?ui=c'));
      await openNote(page);
      await clickNoteBox(page);
      await page.keyboard.type('Hi, are you hiring?');
      await waitForReport(page, { rules: ['job-ask', 'missing-context'] });

      await settingsButtonOpensOptions(page);
      const options = await newPage(ctx.session);
      await options.page.goto(`${base()}options/options.html`);
      await waitFor(options.page, () => document.documentElement.dataset.ready === 'true', undefined, { message: 'the options page ready' });
      assert.ok(await options.page.evaluate(() => document.querySelectorAll('input[data-rule]').length) >= 14, 'a switch per rule');

      await click(options.page, '#rule-job-ask');
      await waitFor(options.page, () => document.getElementById('status').textContent !== '', undefined, { message: 'saved' });
      await page.bringToFront();
      await waitForReport(page, { rules: ['missing-context'], absent: ['job-ask'] });

      await options.page.bringToFront();
      await click(options.page, '#expecting');
      await click(options.page, '#sender_name');
      await options.page.keyboard.type('Alex Ray');
      await waitFor(options.page, async () => {
        const api = globalThis.browser ?? globalThis.chrome;
        const { settings } = await api.storage.local.get('settings');
        return settings?.sender_name === 'Alex Ray' && settings.expecting === true;
      }, undefined, { message: 'settings stored' });

      await page.bringToFront();
      await clickNoteBox(page);
      await selectAll(page);
      await page.keyboard.type(CANNED);
      await waitForReport(page, { verdict: 'canned', rules: ['canned-default'] });
      assert.equal(await severityOf(page, 'canned-default'), 'hint', 'a tip for someone who expects it');

      await options.page.bringToFront();
      await click(options.page, '#expecting');
      await page.bringToFront();
      await waitFor(page, () => __t.coachFor(__t.noteBox())?.shadowRoot
        ?.querySelector('[data-rule="canned-default"]')?.dataset.severity === 'error', undefined, { message: 'back to a problem, live' });

      if (kind === 'chromium') {
        await options.page.bringToFront();
        // Evaluated rather than added as a script tag: the extension page's CSP refuses inline scripts.
        await options.page.evaluate(readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
        const violations = await options.page.evaluate(async () => {
          const result = await window.axe.run(document, { resultTypes: ['violations'] });
          return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        });
        assert.deepEqual(violations, [], 'options page: no serious or critical axe violations');
      }
      assert.deepEqual(ctx.tab().errors, []);
      assert.deepEqual(options.errors, []);
      await options.page.close();
    });

    it('the popup sees the note box, and pause removes the coach until resumed', async () => {
      const { page } = ctx.tab();
      await page.bringToFront();
      await waitForCoach(page);
      const popup = await newPage(ctx.session);
      await popup.page.goto(`${base()}popup/popup.html`);
      await waitFor(popup.page, () => document.documentElement.dataset.ready === 'true', undefined, { message: 'the popup ready' });
      // Opened as a page, the popup's own tab is the active one: not LinkedIn.
      assert.equal(await popup.page.evaluate(() => document.getElementById('status').dataset.state), 'elsewhere');

      // With the LinkedIn tab in front, the popup answers for it.
      await page.bringToFront();
      const state = () => popup.page.evaluate(() => document.getElementById('status').dataset.state);
      await popup.page.evaluate(() => window.dispatchEvent(new Event('focus')));
      await waitFor(popup.page, () => document.getElementById('status').dataset.state === 'box', undefined, { message: 'the popup sees the box' });

      // Clicked in the popup's own document: a real click needs its tab in front, and in headless
      // Chromium the switch of front tab can lag behind the click.
      await popup.page.evaluate(() => document.getElementById('pause').click());
      await waitFor(popup.page, async () => {
        const { paused } = await (globalThis.browser ?? globalThis.chrome).storage.local.get('paused');
        return paused === true && document.getElementById('pause').getAttribute('aria-pressed') === 'true';
      }, undefined, { message: 'paused, stored and shown' });
      await page.bringToFront();
      await waitFor(page, () => __t.coaches().length === 0, undefined, { message: 'no coach while paused' });
      assert.ok(await page.evaluate(() => Boolean(__t.noteBox())), 'the note box itself is untouched');
      await popup.page.evaluate(() => window.dispatchEvent(new Event('focus')));
      await waitFor(popup.page, () => document.getElementById('status').dataset.state === 'paused', undefined, { message: 'the popup says paused' });

      // Clicked in the popup's own document: a real click needs its tab in front, and in headless
      // Chromium the switch of front tab can lag behind the click.
      await popup.page.evaluate(() => document.getElementById('pause').click());
      await page.bringToFront();
      await waitForCoach(page);
      await waitForReport(page, { verdict: 'canned' });
      // The popup answers for the active tab when it gets focus again, as a reopened popup does.
      await popup.page.evaluate(() => window.dispatchEvent(new Event('focus')));
      await waitFor(popup.page, () => document.getElementById('status').dataset.state === 'box', undefined, { message: 'the popup sees the box again' });
      assert.equal(await state(), 'box');
      assert.deepEqual(ctx.tab().errors, []);
      assert.deepEqual(popup.errors, []);
      await popup.page.close();
    });

    it('no CSP report, no request beyond the pages\' own, nothing from the extension', async () => {
      console.log(await assertNothingLeaked({ server, since: ctx.since, tabs: [ctx.tab()], network: ctx.network, kind }));
    });
  });
}
