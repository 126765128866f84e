// Rewrites in LinkedIn's newest dialog: offered for a canned note, put into the box with one
// click so the page's own state follows, the first [slot] selected to type over, and Ctrl+Z
// back to the writer's words. A personal note gets none unless asked.

import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import {
  ROOT, BROWSERS, useBrowser, openNote, click, clickNoteBox, undo, waitFor, waitForReport,
  assertNothingLeaked,
} from './harness.mjs';

const CANNED = "I'd like to add you to my professional network on LinkedIn.";
const PERSONAL = 'Hi Rosa, your talk on accessible forms at Inclusive Design 24 changed how we label inputs.';

const pageState = (page) => page.evaluate(() => window.fixture.state());
// The README's picture of the coach in LinkedIn's dialog, taken from this test's real run.
const SHOTS = process.env.UNCANNED_SCREENSHOTS ? join(ROOT, process.env.UNCANNED_SCREENSHOTS) : join(ROOT, 'build', 'screenshots');

// The rewrites the coach shows: intent, text and slots as rendered.
function shownRewrites(page) {
  return page.evaluate(() => {
    const coach = __t.coachFor(__t.noteBox());
    const section = coach?.shadowRoot?.querySelector('[data-suggestions]');
    if (!section || section.hidden) return [];
    return [...section.querySelectorAll('[data-intent]')].map((li) => ({
      intent: li.dataset.intent,
      text: li.querySelector('.rewrite-text').textContent,
      slots: [...li.querySelectorAll('.slot')].map((m) => m.textContent),
      apply: Boolean(li.querySelector('button[data-action="apply"]')),
    }));
  });
}

const server = await startServer();
const timings = [];
after(async () => {
  await server.close();
  console.log(`timing suggestions: ${timings.join('; ')}`);
});

for (const kind of BROWSERS) {
  describe(`rewrites in era C (${kind})`, () => {
    const ctx = useBrowser(kind, { server, timings });

    it('a canned note gets rewrites; one click uses one, selects its first slot, and Ctrl+Z undoes it', async () => {
      const { page } = ctx.tab();
      await page.goto(server.url('/in/rosa-diaz/?ui=c'));
      await openNote(page);
      await clickNoteBox(page);
      await page.keyboard.type(CANNED);
      await waitForReport(page, { verdict: 'canned', rules: ['canned-default'] });

      await waitFor(page, () => {
        const s = __t.coachFor(__t.noteBox())?.shadowRoot?.querySelector('[data-suggestions]');
        return Boolean(s && !s.hidden && s.querySelector('[data-intent]'));
      }, undefined, { message: 'the rewrites list' });
      const rewrites = await shownRewrites(page);
      assert.ok(rewrites.length >= 3 && rewrites.length <= 5, JSON.stringify(rewrites));
      for (const r of rewrites) {
        assert.ok(r.text.startsWith('Hi Rosa,'), `greets the recipient the page named: ${r.text}`);
        assert.ok(r.text.length <= 200, `fits the dialog's 200: ${r.text}`);
        assert.ok(r.slots.length > 0 && r.slots.every((s) => s.startsWith('[') && s.endsWith(']')));
        assert.ok(r.apply);
      }
      // The coach, rewrites and all, leaves Send in sight and clickable, without scrolling.
      const sendInSight = await page.evaluate(() => {
        const send = __t.all('button[aria-label="Send invitation"]').find(__t.visible);
        const r = send.getBoundingClientRect();
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        return r.top >= 0 && r.bottom <= innerHeight && __t.hitDeep(x, y)?.closest('button') === send;
      });
      assert.equal(sendInSight, true, 'the Send button stays visible and uncovered');
      if (kind === 'chromium') {
        // A common laptop window for the picture (the check above used the smaller default);
        // the coach's bound follows the window height.
        const viewport = page.viewport();
        await page.setViewport({ width: 1280, height: 800 });
        // A blinking caret would make each capture differ from the last.
        await page.evaluate(() => { __t.noteBox().style.caretColor = 'transparent'; });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        mkdirSync(SHOTS, { recursive: true });
        const dialog = await page.evaluateHandle(() => __t.closestDeep(__t.noteBox(), '[role="dialog"]'));
        await dialog.asElement().screenshot({ path: join(SHOTS, 'linkedin-dialog.png') });
        await dialog.dispose();
        await page.evaluate(() => { __t.noteBox().style.caretColor = ''; });
        if (viewport) await page.setViewport(viewport);
      }
      const before_ = await pageState(page);
      const chosen = rewrites[0];

      await click(page, '[data-suggestions] [data-intent] button[data-action="apply"]');
      await waitFor(page, (want) => __t.noteBox()?.value === want, chosen.text, { message: 'the rewrite in the note box' });
      const selection = await page.evaluate(() => {
        const box = __t.noteBox();
        return {
          selected: box.value.slice(box.selectionStart, box.selectionEnd),
          start: box.selectionStart,
          focused: __t.activeDeep() === box,
        };
      });
      assert.equal(selection.selected, chosen.slots[0], 'the first slot is selected');
      assert.equal(selection.start, chosen.text.indexOf(chosen.slots[0]));
      assert.equal(selection.focused, true, 'focus is in the note box, ready to type');

      const after_ = await pageState(page);
      assert.equal(after_.note, chosen.text, "the page's own state has the rewrite");
      assert.equal(after_.counter, `${chosen.text.length}/200`, "the page's counter moved");
      assert.notEqual(after_.counter, before_.counter);
      assert.equal(after_.sendDisabled, false);

      // Typing replaces the selected slot.
      await page.keyboard.type('the Leeds meetup');
      const typed = chosen.text.replace(chosen.slots[0], 'the Leeds meetup');
      await waitFor(page, (want) => __t.noteBox()?.value === want, typed, { message: 'the slot typed over' });

      // Undo until the writer's own note is back: the typing, then the rewrite.
      for (let i = 0; i < 40; i++) {
        if (await page.evaluate((want) => __t.noteBox().value === want, CANNED)) break;
        await undo(page);
      }
      await waitFor(page, (want) => __t.noteBox()?.value === want, CANNED, { message: 'Ctrl+Z restoring the original note' });
      assert.equal((await pageState(page)).note, CANNED);
      await waitForReport(page, { verdict: 'canned' });
      assert.deepEqual(ctx.tab().errors, []);
    });

    it('a personal note gets no rewrites unless asked', async () => {
      const { page } = ctx.tab();
      await page.goto(server.url('/in/rosa-diaz/?ui=c'));
      await openNote(page);
      await clickNoteBox(page);
      await page.keyboard.type(PERSONAL);
      await waitForReport(page, { verdict: 'personal' });
      // Longer than the coach waits before fetching rewrites.
      await new Promise((r) => setTimeout(r, 600));
      assert.deepEqual(await shownRewrites(page), [], 'nothing offered unasked');

      await click(page, 'button[data-action="suggest"]');
      await waitFor(page, () => {
        const s = __t.coachFor(__t.noteBox())?.shadowRoot?.querySelector('[data-suggestions]');
        return Boolean(s && !s.hidden && s.querySelector('[data-intent]'));
      }, undefined, { message: 'rewrites after asking' });
      assert.ok((await shownRewrites(page)).length >= 3);
      assert.equal(await page.evaluate(() => __t.noteBox().value), PERSONAL, 'asking changes nothing in the note');
      assert.deepEqual(ctx.tab().errors, []);
    });

    it('no CSP report, no request beyond the pages\' own, nothing from the extension', async () => {
      console.log(await assertNothingLeaked({ server, since: ctx.since, tabs: [ctx.tab()], network: ctx.network, kind }));
    });
  });
}
