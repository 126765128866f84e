// The playground as a visitor uses it: the same engine and coach without installing anything.
// In Chromium and Firefox, with real key presses; an accessibility check with axe-core; and the
// README's screenshots, taken from the real page (into build/screenshots, or the folder named by
// UNCANNED_SCREENSHOTS).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { serveStatic } from '../../scripts/serve.mjs';
import {
  ROOT, BROWSERS, useBrowser, click, clickNoteBox, selectAll, undo, waitFor, waitForReport,
} from './harness.mjs';

const CANNED = "I'd like to add you to my professional network on LinkedIn.";
const PERSONAL = 'Hi Rosa, great talking with you at the Berlin Rust meetup about embedded async. I would love to keep in touch.';
const LONG = 'Hi Rosa, I enjoyed your panel at SaaStr on usage-based pricing, especially the point about seat-based churn. I am building billing tools for vertical SaaS and would love to compare notes some time soon.';
const SHOTS = process.env.UNCANNED_SCREENSHOTS ? join(ROOT, process.env.UNCANNED_SCREENSHOTS) : join(ROOT, 'build', 'screenshots');

const WWW = join(ROOT, 'dist', 'www');
if (!existsSync(join(WWW, 'index.html'))) throw new Error('dist/www is missing: build the playground first (`make www`).');

const fixtures = await startServer(); // the browsers' proxy: anything off this machine shows up there
const site = await serveStatic(WWW);
const timings = [];
after(async () => {
  await site.close();
  await fixtures.close();
  console.log(`timing playground: ${timings.join('; ')}`);
});

async function openPlayground(page) {
  await page.setViewport?.({ width: 1120, height: 900 });
  await page.goto(site.url);
  await waitFor(page, () => document.documentElement.dataset.ready === 'true', undefined, { message: 'the playground ready', timeout: 10_000 });
}

// Clicks the note box until it has focus: in Firefox, a click right after typing in a field
// that moved the page can land before the layout settles, and the keys would go elsewhere.
async function focusNoteBox(page) {
  for (let attempt = 0; attempt < 5; attempt++) {
    await clickNoteBox(page);
    const focused = await page.evaluate(() => document.activeElement?.id === 'custom-message');
    if (focused) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the note box never took focus from a click');
}

async function setField(page, id, value) {
  await page.evaluate((id) => { const el = document.getElementById(id); el.focus(); el.select?.(); }, id);
  await selectAll(page);
  await page.keyboard.type(value);
}

for (const kind of BROWSERS) {
  describe(`playground (${kind})`, () => {
    const ctx = useBrowser(kind, { extension: false, server: fixtures, timings });

    it('checks as you type, follows the recipient and the limit, fixes in one click, undoes with Ctrl+Z', async () => {
      const { page } = ctx.tab();
      await openPlayground(page);
      await clickNoteBox(page);
      await page.keyboard.type(CANNED);
      await waitForReport(page, { verdict: 'canned', rules: ['canned-default'] });
      assert.equal(await page.evaluate(() => document.getElementById('counter').textContent), `${CANNED.length}/300`);

      await selectAll(page);
      await page.keyboard.type(PERSONAL);
      await waitForReport(page, { verdict: 'personal', absent: ['canned-default'] });

      // Greeting Rosa while writing to Jennifer: the recipient input counts.
      await setField(page, 'recipient', 'Jennifer Moore');
      await waitForReport(page, { rules: ['wrong-name'] });
      await click(page, '[data-rule="wrong-name"] button[data-action="apply"]');
      const fixed = PERSONAL.replace('Rosa', 'Jennifer');
      await waitFor(page, (want) => document.getElementById('custom-message').value === want, fixed, { message: 'the name fixed' });
      await waitForReport(page, { absent: ['wrong-name'] });
      await undo(page);
      await waitFor(page, (want) => document.getElementById('custom-message').value === want, PERSONAL, { message: 'Ctrl+Z restoring the note' });

      // A free account's 200 characters.
      await clickNoteBox(page);
      await selectAll(page);
      await page.keyboard.type(LONG);
      await page.select('#limit', '200');
      await waitForReport(page, { rules: ['over-limit'] });
      assert.match(await page.evaluate(() => document.getElementById('counter').textContent), /\/200$/);
      assert.deepEqual(ctx.tab().errors, []);
    });

    it('an example loads with a click, and Ctrl+Z takes it back', async () => {
      const { page } = ctx.tab();
      await openPlayground(page);
      await clickNoteBox(page);
      await page.keyboard.type('Hi Rosa');
      await click(page, '.examples li:nth-child(4) button');
      await waitFor(page, () => document.getElementById('custom-message').value.includes('Rust in Production'), undefined, { message: 'the example in the box' });
      await waitForReport(page, { verdict: 'personal', rules: ['group-only'] });
      assert.equal(await page.evaluate(() => document.getElementById('recipient').value), 'Ines Costa');
      await clickNoteBox(page);
      await undo(page);
      await waitFor(page, () => document.getElementById('custom-message').value === 'Hi Rosa', undefined, { message: 'Ctrl+Z back to what was typed' });

      // Cancel starts over, and is undone like any edit.
      await click(page, '#cancel');
      await waitFor(page, () => document.getElementById('custom-message').value === '', undefined, { message: 'Cancel empties the note' });
      assert.equal(await page.evaluate(() => document.getElementById('counter').textContent), '0/300');
      await undo(page);
      await waitFor(page, () => document.getElementById('custom-message').value === 'Hi Rosa', undefined, { message: 'Ctrl+Z after Cancel' });
      assert.deepEqual(ctx.tab().errors, []);
    });

    it("the profile's facts: a fix that names a mutual connection, rewrites filled in and in the profile's language", async () => {
      const { page } = ctx.tab();
      await openPlayground(page);
      await setField(page, 'recipient', 'Joana Lima');
      await setField(page, 'mutuals', 'Marcos Souza, Ana Lima');
      await focusNoteBox(page);
      const note = "Hi Joana, I see we have some mutual connections, so I thought I'd reach out.";
      await page.keyboard.type(note);
      await waitForReport(page, { rules: ['unnamed-mutuals'] });
      const fixes = () => page.evaluate(() => [...document.querySelector('[data-uncanned-coach]').shadowRoot
        .querySelectorAll('[data-rule="unnamed-mutuals"] button[data-action="apply"][data-fix]')].map((b) => b.textContent));
      await waitFor(page, () => document.querySelector('[data-uncanned-coach]').shadowRoot
        .querySelectorAll('[data-rule="unnamed-mutuals"] [data-fix]').length === 2, undefined, { message: 'a fix a name' });
      assert.deepEqual(await fixes(), ['Change to "we both know Marcos Souza"', 'Change to "we both know Ana Lima"']);
      await click(page, '[data-rule="unnamed-mutuals"] button[data-action="apply"][data-fix="1"]');
      const named = note.replace('I see we have some mutual connections', 'we both know Ana Lima');
      await waitFor(page, (want) => document.getElementById('custom-message').value === want, named, { message: 'the name in the note' });
      assert.equal(await page.evaluate(() => document.getElementById('counter').textContent), `${named.length}/300`);
      await undo(page);
      await waitFor(page, (want) => document.getElementById('custom-message').value === want, note, { message: 'Ctrl+Z restoring the note' });

      // A shared school and a Portuguese profile: "studied at" first, and Portuguese rewrites too.
      await setField(page, 'shared-school', 'Universidade do Porto');
      await page.select('#profile-lang', 'pt');
      await focusNoteBox(page);
      await selectAll(page);
      await page.keyboard.type(CANNED);
      await waitForReport(page, { verdict: 'canned' });
      const rewrites = () => page.evaluate(() => {
        const s = document.querySelector('[data-uncanned-coach]').shadowRoot.querySelector('[data-suggestions]');
        return s.hidden ? [] : [...s.querySelectorAll('[data-intent]')]
          .map((li) => ({ intent: li.dataset.intent, text: li.querySelector('.rewrite-text').textContent }));
      });
      await waitFor(page, () => {
        const s = document.querySelector('[data-uncanned-coach]').shadowRoot.querySelector('[data-suggestions]');
        // The list settles once the typing stops: its first item is then for the whole note.
        return !s.hidden && s.querySelector('[data-intent]')?.dataset.intent === 'studied_together';
      }, undefined, { message: 'rewrites from the facts, "studied at" first' });
      const list = await rewrites();
      assert.equal(list[0].intent, 'studied_together', JSON.stringify(list));
      assert.ok(list[0].text.startsWith('Hi Joana, we both studied at Universidade do Porto.'), list[0].text);
      assert.ok(list.some((r) => r.text.startsWith('Olá Joana,')), JSON.stringify(list));

      // Emptied, the facts are gone from the rewrites: slots again.
      for (const id of ['mutuals', 'shared-school']) {
        await page.evaluate((i) => { const el = document.getElementById(i); el.value = ''; el.dispatchEvent(new Event('input')); }, id);
      }
      await page.select('#profile-lang', '');
      await waitFor(page, () => {
        const s = document.querySelector('[data-uncanned-coach]').shadowRoot.querySelector('[data-suggestions]');
        return !s.hidden && [...s.querySelectorAll('.rewrite-text')].some((p) => p.textContent.includes('[who you both know]'));
      }, undefined, { message: "today's slots" });
      const plain = await rewrites();
      assert.ok(!plain.some((r) => r.intent === 'studied_together' || r.text.startsWith('Olá')), JSON.stringify(plain));
      assert.deepEqual(ctx.tab().errors, []);
    });

    if (kind === 'chromium') {
      it('has no serious or critical accessibility violations with the coach open, light and dark (axe-core)', async () => {
        const { page } = ctx.tab();
        const axe = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
        for (const scheme of ['light', 'dark']) {
          await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
          await openPlayground(page);
          await clickNoteBox(page);
          await page.keyboard.type(CANNED);
          await waitForReport(page, { verdict: 'canned' });
          await waitFor(page, () => {
            const s = document.querySelector('[data-uncanned-coach]')?.shadowRoot?.querySelector('[data-suggestions]');
            return Boolean(s && !s.hidden);
          }, undefined, { message: 'rewrites shown' });
          await page.addScriptTag({ content: axe });
          const violations = await page.evaluate(async () => {
            const result = await window.axe.run(document, { resultTypes: ['violations'] });
            return result.violations
              .filter((v) => v.impact === 'serious' || v.impact === 'critical')
              .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
          });
          assert.deepEqual(violations, [], `${scheme} scheme`);
        }
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
      });

      it('takes the README screenshots', async () => {
        const { page } = ctx.tab();
        mkdirSync(SHOTS, { recursive: true });
        await openPlayground(page);
        // A blinking caret would make each capture differ from the last.
        await page.addStyleTag({ content: '#custom-message { caret-color: transparent; }' });
        const dialog = async (name) => {
          const handle = await page.$('.dialog');
          await handle.screenshot({ path: join(SHOTS, name) });
          console.log(`screenshot ${join(SHOTS, name)}`);
        };
        const show = async (n, verdict) => {
          await click(page, `.examples li:nth-child(${n}) button`);
          await waitForReport(page, { verdict });
          await new Promise((r) => setTimeout(r, 500)); // rewrites arrive after a pause
        };
        await show(1, 'canned');
        await dialog('playground-canned.png');
        await show(3, 'needs_context');
        await dialog('playground-needs-context.png');
        await show(8, 'personal');
        await dialog('playground-personal.png');
      });
    }
  });
}
