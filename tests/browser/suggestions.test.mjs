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
import { loadCoach } from './coach-page.mjs';

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

// The coach alone on a blank page, with stand-ins for the engine that count the rewrites asked
// for and answer them when told: what the extension's messages cannot show.
async function coachOnBlankPage(page, kind) {
  await loadCoach(page, kind);
  await page.evaluate(() => {
    const box = document.createElement('textarea');
    box.style.cssText = 'width: 500px; height: 120px; display: block';
    document.body.append(box);
    const t = { calls: [], delay: 0, context: { limit: 300 }, hiddenSince: [], quote: false };
    window.__rw = t;
    const verdict = (text) => /professional network/.test(text) ? 'canned'
      : /met at|your talk/.test(text) ? 'personal' : 'needs_context';
    t.coach = Uncanned.coach.attach(box, {
      analyze: async (text) => ({ verdict: verdict(text), findings: [], checklist: {}, length: { used: text.length, limit: 300 } }),
      suggest: (text, context) => {
        const n = t.calls.push({ text, context });
        const answer = { suggestions: [{ intent: 'met', text: `Hi [name], answer ${n}.`, slots: [{ start: 3, end: 9 }] }] };
        if (t.quote) answer.suggestions.unshift({ intent: 'replace_canned', text: `${text} (${n})`, slots: [] });
        return new Promise((resolve) => setTimeout(() => resolve(answer), t.delay));
      },
      getContext: () => t.context,
      css: '',
    });
    t.section = () => t.coach.host.shadowRoot.querySelector('[data-suggestions]');
    t.shown = () => (t.section().hidden ? [] : [...t.section().querySelectorAll('[data-intent] .rewrite-text')].map((p) => p.textContent));
    // Every time the list went out of sight once it was there.
    let shown = false;
    new MutationObserver(() => {
      if (shown && t.section().hidden) t.hiddenSince.push(t.coach.textarea.value);
      shown = !t.section().hidden;
    }).observe(t.section(), { attributes: true, attributeFilter: ['hidden'] });
  });
}

const rw = (page) => page.evaluate(() => ({ calls: __rw.calls.map((c) => c.text), shown: __rw.shown(), hidden: __rw.hiddenSince.slice() }));
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

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
          end: box.selectionEnd,
          focused: __t.activeDeep() === box,
        };
      });
      assert.equal(selection.selected, chosen.slots[0], 'the first slot is selected');
      assert.ok(selection.selected.startsWith('[') && selection.selected.endsWith(']'), selection.selected);
      assert.equal(selection.start, chosen.text.indexOf(chosen.slots[0]));
      assert.equal(selection.end, selection.start + chosen.slots[0].length);
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

    it('rewrites are fetched when the verdict turns, not per keystroke, and a late answer never replaces a newer one', async () => {
      const { page } = ctx.tab();
      await coachOnBlankPage(page, kind);
      await page.click('textarea');
      await page.keyboard.type(CANNED, { delay: 15 });
      await waitFor(page, () => __rw.shown().length === 1, undefined, { message: 'the rewrites after the pause' });
      let state = await rw(page);
      assert.deepEqual(state.calls, [CANNED], 'one request, for the note as it stood at the pause');

      // More typing under the same verdict leaves the list as it is, in sight.
      await page.keyboard.type(' Thanks!', { delay: 15 });
      await pause(600);
      state = await rw(page);
      assert.equal(state.calls.length, 1, 'no request for typing alone');
      assert.deepEqual(state.shown, ['Hi [name], answer 1.']);
      assert.deepEqual(state.hidden, [], 'the list never left while the writer typed');

      // A new context (a free account's limit) refetches; of two answers the newer one stays,
      // even when the older one arrives last.
      await page.evaluate(() => { __rw.delay = 700; __rw.coach.update(); });
      await waitFor(page, () => __rw.calls.length === 2, undefined, { message: 'the slow request' });
      await page.evaluate(() => { __rw.delay = 0; __rw.context = { limit: 200 }; __rw.coach.update(); });
      await waitFor(page, () => __rw.shown()[0] === 'Hi [name], answer 3.', undefined, { message: 'the newer answer' });
      await pause(900);
      state = await rw(page);
      assert.deepEqual(state.shown, ['Hi [name], answer 3.'], 'the late answer was dropped');
      assert.deepEqual(await page.evaluate(() => __rw.calls[2].context), { limit: 200 });

      // Using it: the note is the rewrite, the slot selected; its own verdict fetches nothing.
      await page.evaluate(() => __rw.coach.host.shadowRoot.querySelector('[data-intent] button[data-action="apply"]').scrollIntoView());
      const at = await page.evaluate(() => {
        const r = __rw.coach.host.shadowRoot.querySelector('[data-intent] button[data-action="apply"]').getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      });
      await page.mouse.click(at.x, at.y);
      const box = await page.evaluate(() => {
        const b = __rw.coach.textarea;
        return { value: b.value, start: b.selectionStart, end: b.selectionEnd, focused: document.activeElement === b };
      });
      assert.deepEqual(box, { value: 'Hi [name], answer 3.', start: 3, end: 9, focused: true });
      await pause(600);
      assert.equal((await rw(page)).calls.length, 3);

      // A personal note: nothing unasked; the button asks at once, and keyboard focus follows.
      await page.keyboard.down('Control');
      await page.keyboard.press('KeyA');
      await page.keyboard.up('Control');
      await page.keyboard.type('We met at RustConf.', { delay: 15 });
      await waitFor(page, () => __rw.coach.host.getAttribute('data-uncanned-verdict') === 'personal' && __rw.shown().length === 0, undefined, { message: 'no rewrites for a personal note' });
      await pause(600);
      assert.equal((await rw(page)).calls.length, 3, 'nothing fetched unasked');
      await page.evaluate(() => __rw.coach.host.shadowRoot.querySelector('button[data-action="suggest"]').focus());
      await page.keyboard.press('Enter');
      await waitFor(page, () => __rw.shown()[0] === 'Hi [name], answer 4.', undefined, { message: 'rewrites on request' });
      assert.equal(await page.evaluate(() => __rw.coach.host.shadowRoot.activeElement?.dataset.action), 'apply', 'focus on the first "Use this"');

      // The rewrite that keeps the writer's sentences follows them, once per pause.
      await page.evaluate(() => { __rw.quote = true; __rw.coach.update(); });
      await waitFor(page, () => __rw.shown()[0] === 'We met at RustConf. (5)', undefined, { message: 'the note quoted' });
      await page.evaluate(() => {
        const b = __rw.coach.textarea;
        b.focus();
        b.setSelectionRange(b.value.length, b.value.length);
        __rw.hiddenSince.length = 0;
      });
      await page.keyboard.type(' Great talk.', { delay: 15 });
      await waitFor(page, () => __rw.shown()[0] === 'We met at RustConf. Great talk. (6)', undefined, { message: 'the quote following the note' });
      await pause(600);
      state = await rw(page);
      assert.equal(state.calls.length, 6, 'one request after the pause, none per keystroke');
      assert.deepEqual(state.hidden, [], 'the list stayed in sight meanwhile');
      assert.deepEqual(ctx.tab().errors, []);
    });

    it('without a suggest function the coach offers no rewrites at all', async () => {
      const { page } = ctx.tab();
      await loadCoach(page, kind);
      const seen = await page.evaluate(async () => {
        const box = document.createElement('textarea');
        document.body.append(box);
        box.value = "I'd like to add you to my professional network on LinkedIn.";
        const coach = Uncanned.coach.attach(box, {
          analyze: async (text) => ({ verdict: 'canned', findings: [], checklist: {}, length: { used: text.length, limit: 300 } }),
          css: '',
        });
        await new Promise((r) => setTimeout(r, 500));
        const root = coach.host.shadowRoot;
        return { list: !root.querySelector('[data-suggestions]').hidden, ask: !root.querySelector('[data-action="suggest"]').hidden };
      });
      assert.deepEqual(seen, { list: false, ask: false });
    });

    it('no CSP report, no request beyond the pages\' own, nothing from the extension', async () => {
      console.log(await assertNothingLeaked({ server, since: ctx.since, tabs: [ctx.tab()], network: ctx.network, kind }));
    });
  });
}
