// The coach in LinkedIn's newest dialog, where it is hardest: a one-click fix that the page's
// React-like state must notice and that Ctrl+Z must undo; a textarea that is replaced whenever
// the stage switches and a dialog opened and closed twenty times; and how long a keystroke
// takes to reach the coach.

import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import {
  BROWSERS, useBrowser, openNote, click, clickNoteBox, undo, waitFor, waitForNoteBox, waitForCoach,
  waitForReport, assertNothingLeaked,
} from './harness.mjs';
import { latencyFigures, typeTimed } from './coach-page.mjs';

const MISSPELLED = "Hi Rosa, I really enjoyed your webinar on accessible forms. I'd love to conect and learn more.";
const FIXED = MISSPELLED.replace('conect', 'connect');
const CANNED = "I'd like to add you to my professional network on LinkedIn.";
const LATENCY_NOTE = 'Hi Rosa, your talk on accessible forms was so useful';

const pageState = (page) => page.evaluate(() => window.fixture.state());

// Every coach in the page, and whether the one for the visible box is the only one.
function coachCensus(page) {
  return page.evaluate(() => {
    const box = __t.noteBox();
    const mine = __t.coachFor(box);
    const all = __t.coaches();
    return {
      total: all.length,
      visible: all.filter(__t.visible).length,
      forBox: Boolean(mine),
      others: all.filter((c) => c !== mine).length,
      boxes: __t.noteBoxes().length,
    };
  });
}

const server = await startServer();
const timings = [];
after(async () => {
  await server.close();
  console.log(`timing editing: ${timings.join('; ')}`);
});

for (const kind of BROWSERS) {
  describe(`coach editing and lifecycle in era C (${kind})`, () => {
    const ctx = useBrowser(kind, { server, timings });

    it('one-click fix reaches the page\'s own state, and Ctrl+Z brings the original back', async () => {
      const { page } = ctx.tab();
      await page.goto(server.url('/in/rosa-diaz/?ui=c'));
      await openNote(page);
      await clickNoteBox(page);
      await page.keyboard.type(MISSPELLED);
      await waitForReport(page, { rules: ['misspelling'] });
      const before_ = await pageState(page);
      assert.equal(before_.note, MISSPELLED);
      assert.equal(before_.counter, `${MISSPELLED.length}/200`);

      const fixes = await page.evaluate(() => {
        const coach = __t.coachFor(__t.noteBox());
        return coach.shadowRoot.querySelectorAll('[data-rule="misspelling"] button[data-action="apply"]').length;
      });
      assert.ok(fixes > 0, 'the misspelling finding offers a one-click fix');
      await click(page, '[data-rule="misspelling"] button[data-action="apply"]');
      await waitFor(page, (want) => __t.noteBox()?.value === want, FIXED, { message: 'the fix in the note box' });

      const fixed = await pageState(page);
      assert.equal(fixed.note, FIXED, "the page's state has the fixed text (it heard an input event)");
      assert.equal(fixed.tracked, FIXED);
      assert.equal(fixed.counter, `${FIXED.length}/200`, "the page's counter moved");
      assert.notEqual(fixed.counter, before_.counter);
      assert.equal(fixed.sendDisabled, false);
      assert.equal(fixed.sendAriaDisabled, 'false');
      assert.equal(await page.evaluate(() => __t.activeDeep() === __t.noteBox()), true,
        'focus is back in the note box after the click, so Ctrl+Z applies to it');
      await waitForReport(page, { absent: ['misspelling'] });

      await undo(page);
      await waitFor(page, (want) => __t.noteBox()?.value === want, MISSPELLED, { message: 'Ctrl+Z restoring the original text' });
      const undone = await pageState(page);
      assert.equal(undone.note, MISSPELLED);
      assert.equal(undone.counter, `${MISSPELLED.length}/200`);
      await waitForReport(page, { rules: ['misspelling'] });
      assert.deepEqual(ctx.tab().errors, []);
    });

    it('stage switch and 20 open/close cycles leave exactly one working coach', async () => {
      const { page } = ctx.tab();
      // Enough free notes for the sends below (at 0 the dialog shows an upsell instead).
      await page.goto(server.url('/in/rosa-diaz/?ui=c&delay=80&quota=20'));
      await openNote(page);
      await clickNoteBox(page);
      await page.keyboard.type('Hi Rosa');
      const first = await page.evaluateHandle(() => __t.noteBox());

      // Cancel adding a note → Add a free note: a new textarea node.
      await click(page, 'button[aria-label="Cancel adding a note"]');
      await waitFor(page, () => __t.coaches().length === 0 && __t.noteBoxes().length === 0, undefined,
        { message: 'no coach once the note stage is gone' });
      await click(page, 'button[aria-label="Add a free note"]');
      await waitForNoteBox(page);
      await waitForCoach(page);
      assert.equal(await page.evaluate((old) => !old.isConnected && old !== __t.noteBox(), first), true,
        'the stage switch replaced the textarea');
      await first.dispose();
      assert.deepEqual(await coachCensus(page), { total: 1, visible: 1, forBox: true, others: 0, boxes: 1 });

      // Every way the dialog goes away, in turn.
      const closers = {
        dismiss: () => click(page, 'button[aria-label="Dismiss"]'),
        escape: () => page.keyboard.press('Escape'),
        backdrop: () => page.mouse.click(6, 6),
        send: async () => {
          await clickNoteBox(page);
          await page.keyboard.type('Hi');
          await click(page, 'button[aria-label="Send invitation"]:not([disabled])');
        },
        cancelThenDismiss: async () => {
          await click(page, 'button[aria-label="Cancel adding a note"]');
          await click(page, 'button[aria-label="Dismiss"]');
        },
      };
      const order = Object.keys(closers);
      for (let i = 0; i < 20; i++) {
        await closers[order[i % order.length]]();
        await waitFor(page, () => __t.all('[role=dialog]').length === 0 && __t.coaches().length === 0, undefined,
          { message: `dialog and coach gone after close #${i + 1} (${order[i % order.length]})` });
        await openNote(page);
        const census = await coachCensus(page);
        assert.deepEqual(census, { total: 1, visible: 1, forBox: true, others: 0, boxes: 1 }, `after reopen #${i + 1}`);
      }

      await clickNoteBox(page);
      await page.keyboard.type(CANNED);
      await waitForReport(page, { verdict: 'canned', rules: ['canned-default'] });
      assert.deepEqual(await coachCensus(page), { total: 1, visible: 1, forBox: true, others: 0, boxes: 1 });
      assert.equal(await page.evaluate(() => window.fixture.textareasMade()), 22);
      assert.deepEqual(ctx.tab().errors, [], 'no console errors or uncaught exceptions in the page');
    });

    it('keystroke-to-coach latency (printed, not asserted)', async () => {
      const { page } = ctx.tab();
      await page.goto(server.url('/in/rosa-diaz/?ui=c&delay=80'));
      await openNote(page);
      await clickNoteBox(page);
      // Warm the background (a cold worker's first answer is not what typing feels like).
      await page.keyboard.type('H');
      await waitForReport(page, { settle: 0 });
      await page.keyboard.press('Backspace');
      await waitFor(page, () => __t.noteBox().value === '');
      await new Promise((r) => setTimeout(r, 100));

      const samples = await typeTimed(page, LATENCY_NOTE);
      const value = await page.evaluate(() => __t.noteBox().value);
      assert.equal(value, LATENCY_NOTE, 'no keystroke lost');
      assert.equal(samples.length, LATENCY_NOTE.length, 'one keydown per character');
      const { got, line } = latencyFigures(samples.map((s) => s.update));
      console.log(`latency ${kind}: ${line}`);
      assert.ok(got.length > 0, 'the coach reacted to typing at all');
      await waitForReport(page, { verdict: undefined });
    });

    it('no CSP report, no request beyond the pages\' own, nothing from the extension', async () => {
      console.log(await assertNothingLeaked({ server, since: ctx.since, tabs: [ctx.tab()], network: ctx.network, kind }));
    });
  });
}
