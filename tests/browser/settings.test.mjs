// The options page and the popup, with the real extension in Chromium and Firefox: settings saved
// in one tab reach the coach in an open LinkedIn dialog in another without a reload; the popup
// sees the note box (and its absence), and pausing removes the coach until resumed.
// Accessibility of both pages with axe-core. How the extension's own pages are reached in
// Firefox: extension-pages.mjs.

import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import {
  ROOT, BROWSERS, useBrowser, openNote, newPage, click, clickNoteBox, selectAll, waitFor,
  waitForCoach, waitForReport, assertNothingLeaked,
} from './harness.mjs';
import {
  EXTENSION_PAGE_PREFS, extensionBase, extensionTabs, openExtensionPage, popupState, popupInFront,
} from './extension-pages.mjs';

const CANNED = "I'd like to add you to my professional network on LinkedIn.";
// 190 characters: near a 200 limit, comfortably inside 300.
const LONG = "Hi Marco, great talking with you at the Berlin Rust meetup last Thursday about embedded async. I'd love to keep in touch and hear how the RTOS port goes; happy to share our notes on it too.";
const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

const server = await startServer();
const timings = [];
after(async () => {
  await server.close();
  console.log(`timing settings: ${timings.join('; ')}`);
});

async function waitUntil(fn, { timeout = 5_000, message = 'condition' } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > end) throw new Error(`${message} not met within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function findingSeverity(page, rule) {
  return waitFor(page, (rule) => __t.coachFor(__t.noteBox())?.shadowRoot
    ?.querySelector(`[data-rule="${rule}"]`)?.dataset.severity ?? false, rule, { message: `a ${rule} finding` });
}

function storedSettings(extPage) {
  return extPage.evaluate(async () => (await (globalThis.browser ?? globalThis.chrome).storage.local.get('settings')).settings ?? null);
}

// Evaluated rather than added as a script tag: the extension pages' CSP refuses inline scripts.
async function seriousAxeViolations(extPage) {
  await extPage.evaluate((source) => { (0, eval)(source); }, AXE);
  return extPage.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

for (const kind of BROWSERS) {
  describe(`options and popup (${kind})`, () => {
    const ctx = useBrowser(kind, { server, timings, firefoxPrefs: EXTENSION_PAGE_PREFS });

    it('the options reach an open dialog without a reload: rules, "they know me well", name and role', async () => {
      const { page } = ctx.tab();
      await page.goto(server.url('/in/rosa-diaz/?ui=c'));
      await openNote(page);
      await clickNoteBox(page);
      await page.keyboard.type('Hi, are you hiring?');
      await waitForReport(page, { rules: ['job-ask', 'missing-context'] });

      // The coach's Settings button opens the options page in a tab of its own.
      await click(page, 'button[data-action="settings"]');
      const optionsUrl = `${extensionBase(ctx.session)}options/options.html`;
      const opened = await waitUntil(async () => (await extensionTabs(ctx.session)).find((t) => t.url === optionsUrl), { message: 'the Settings button opens the options page' });
      await opened.close();

      const options = await openExtensionPage(ctx.session, 'options/options.html');
      const rules = await options.evaluate(() => [...document.querySelectorAll('input[data-rule]')]
        .map((i) => ({ id: i.dataset.rule, label: i.labels[0]?.textContent ?? '', checked: i.checked })));
      assert.ok(rules.length >= 14, `a switch per rule (${rules.length})`);
      assert.ok(rules.every((r) => r.checked), 'every rule on by default');
      assert.match(rules.find((r) => r.id === 'job-ask').label, /Job request first/, 'titled by the engine');

      await options.click('#rule-job-ask');
      await waitUntil(async () => (await storedSettings(options))?.disabled_rules.includes('job-ask'), { message: 'job-ask stored as off' });
      await page.bringToFront();
      await waitForReport(page, { rules: ['missing-context'], absent: ['job-ask'] });
      await options.bringToFront();
      await options.click('#rule-job-ask');
      await page.bringToFront();
      await waitForReport(page, { rules: ['job-ask', 'missing-context'] });

      await page.bringToFront();
      await clickNoteBox(page);
      await selectAll(page);
      await page.keyboard.type(CANNED);
      await waitForReport(page, { verdict: 'canned', rules: ['canned-default'] });
      assert.equal(await findingSeverity(page, 'canned-default'), 'error');

      await options.bringToFront();
      await options.click('#expecting');
      await options.click('#sender_name');
      await options.page.keyboard.type('Alex Ray');
      await options.click('#sender_role');
      await options.page.keyboard.type('product designer at Acme');
      const stored = await waitUntil(async () => {
        const s = await storedSettings(options);
        return s?.sender_role === 'product designer at Acme' ? s : null;
      }, { message: 'name, role and expecting stored' });
      assert.equal(stored.sender_name, 'Alex Ray');
      assert.equal(stored.expecting, true);
      assert.deepEqual(stored.disabled_rules, []);

      await page.bringToFront();
      await waitFor(page, () => __t.coachFor(__t.noteBox())?.shadowRoot
        ?.querySelector('[data-rule="canned-default"]')?.dataset.severity === 'hint', undefined, { message: 'canned-default a tip for someone who expects it' });
      // The rewrites on screen are fetched afresh and now introduce the sender.
      await waitFor(page, () => [...(__t.coachFor(__t.noteBox())?.shadowRoot?.querySelectorAll('[data-suggestions] .rewrite-text') ?? [])]
        .some((p) => p.textContent.includes('Alex Ray, product designer at Acme')), undefined, { message: 'a rewrite with the sender\'s name and role' });

      await options.bringToFront();
      await options.click('#expecting');
      await page.bringToFront();
      await waitFor(page, () => __t.coachFor(__t.noteBox())?.shadowRoot
        ?.querySelector('[data-rule="canned-default"]')?.dataset.severity === 'error', undefined, { message: 'back to a problem, live' });

      await options.bringToFront();
      assert.deepEqual(await seriousAxeViolations(options), [], 'options page: no serious or critical axe violations');
      assert.deepEqual(ctx.tab().errors, []);
      await options.close();
      assert.deepEqual(options.errors, []);
    });

    it('the limit from the options replaces the page\'s only when set', async () => {
      const tab = await newPage(ctx.session);
      const { page } = tab;
      await page.goto(server.url('/in/marco-rossi/?ui=c&plan=premium'));
      await click(page, 'button[aria-label="Invite Marco Rossi to connect"]');
      await click(page, 'button[aria-label="Add a note"]');
      await waitForCoach(page);
      await clickNoteBox(page);
      await page.keyboard.type(LONG);
      await waitForReport(page, { verdict: 'personal', absent: ['near-limit', 'over-limit'] });

      const options = await openExtensionPage(ctx.session, 'options/options.html');
      assert.equal(await options.evaluate(() => document.getElementById('limit-auto').checked), true, 'automatic by default');
      await options.click('#limit-200');
      await page.bringToFront();
      await waitForReport(page, { rules: ['near-limit'] });
      await options.bringToFront();
      await options.click('#limit-auto');
      await page.bringToFront();
      await waitForReport(page, { absent: ['near-limit', 'over-limit'] });
      assert.deepEqual(tab.errors, []);
      await options.close();
      assert.deepEqual(options.errors, []);
      await page.close();
    });

    it('the popup sees the note box, and pause removes the coach until resumed', async () => {
      const { page } = ctx.tab();
      await page.bringToFront();
      await waitForCoach(page);
      const popup = await openExtensionPage(ctx.session, 'popup/popup.html');
      // Opened as a page, the popup's own tab is the active one: not LinkedIn. It says
      // "checking" until the tab query answers, which under load can outlast the page's load.
      await waitFor(popup, () => document.getElementById('status').dataset.state !== 'checking', undefined, { message: 'the popup answered' });
      assert.equal(await popup.evaluate(() => document.getElementById('status').dataset.state), 'elsewhere');

      await page.bringToFront();
      await popupState(popup, { want: 'box', message: 'the popup sees the box' });

      // A LinkedIn page without an invitation dialog: the content script answers, no box.
      const feed = await newPage(ctx.session);
      await feed.page.goto(server.url('/feed/'));
      await popupState(popup, { want: 'none', message: 'the popup sees no box on the feed' });
      await feed.page.close();

      await popupInFront(popup);
      assert.equal(await popup.evaluate(() => document.getElementById('pause').dataset.paused), 'false');
      await popup.click('#pause');
      await waitFor(popup, async () => {
        const { paused } = await (globalThis.browser ?? globalThis.chrome).storage.local.get('paused');
        return paused === true && document.getElementById('pause').dataset.paused === 'true';
      }, undefined, { message: 'paused, stored and shown' });
      await page.bringToFront();
      await waitFor(page, () => __t.coaches().length === 0, undefined, { message: 'no coach while paused' });
      assert.ok(await page.evaluate(() => Boolean(__t.noteBox())), 'the note box itself is untouched');
      await popupState(popup, { want: 'paused', message: 'the popup says paused' });

      await popupInFront(popup);
      await popup.click('#pause');
      await page.bringToFront();
      await waitForCoach(page);
      await waitForReport(page, { verdict: 'canned' });
      await popupState(popup, { want: 'box', message: 'the popup sees the box again' });

      await popup.bringToFront();
      assert.deepEqual(await seriousAxeViolations(popup), [], 'popup: no serious or critical axe violations');
      assert.deepEqual(ctx.tab().errors, []);
      await popup.close();
      assert.deepEqual(popup.errors, []);
    });

    it('no CSP report, no request beyond the pages\' own, nothing from the extension', async () => {
      console.log(await assertNothingLeaked({ server, since: ctx.since, tabs: [ctx.tab()], network: ctx.network, kind }));
    });
  });
}
