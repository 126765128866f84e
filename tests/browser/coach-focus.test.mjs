// The coach alone on a page, with stand-in engines the test answers when it chooses: where
// focus goes when rewrites the writer asked for arrive, where it stays when a list is rebuilt,
// and an edit that cannot go in because the page keeps focus from the note box, or that has to
// take the fallback path (no execCommand): maxlength and Ctrl+Z still hold. And how many
// analyses the coach keeps in flight (one), with the engine answering when the test says.

import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { BROWSERS, useBrowser, waitFor, undo } from './harness.mjs';
import { loadCoach } from './coach-page.mjs';

const NOTE = 'We met at RustConf.';

// A coach on a blank page whose `suggest` answers only when the test calls __c.release(), with
// the rewrites in __c.next; `analyze` finds "teh" (fix: "the very") and calls every note personal.
async function coachWithHeldAnswers(page, kind, { maxLength } = {}) {
  await loadCoach(page, kind);
  await page.evaluate((maxLength) => {
    const other = document.createElement('input');
    other.id = 'elsewhere';
    const box = document.createElement('textarea');
    box.style.cssText = 'width: 500px; height: 80px; display: block';
    if (maxLength) box.maxLength = maxLength;
    document.body.append(other, box);
    const c = { waiting: [], next: [] };
    window.__c = c;
    c.release = () => { const list = c.next; for (const resolve of c.waiting.splice(0)) resolve({ suggestions: list }); };
    c.coach = Uncanned.coach.attach(box, {
      analyze: async (text) => {
        const at = text.indexOf('teh');
        const findings = at < 0 ? [] : [{ rule: 'misspelling', severity: 'warning', message: 'Misspelt', span: { start: at, end: at + 3 }, fixes: [{ label: 'the very', replacement: 'the very', span: { start: at, end: at + 3 } }] }];
        return { verdict: 'personal', findings, checklist: {}, length: { used: text.length, limit: 300 } };
      },
      suggest: () => new Promise((resolve) => c.waiting.push(resolve)),
      css: '',
    });
    c.root = c.coach.host.shadowRoot;
    c.focused = () => {
      const a = c.root.activeElement;
      if (a) return a.closest('[data-intent]')?.dataset.intent ?? a.dataset.action;
      return document.activeElement === box ? 'note' : document.activeElement?.id || 'body';
    };
    c.live = () => c.root.querySelector('[role="status"]').textContent;
  }, maxLength);
}

const rewrite = (intent) => ({ intent, text: `Hi [name], ${intent}.`, slots: [{ start: 3, end: 9 }] });
const state = (page) => page.evaluate(() => ({ focused: __c.focused(), live: __c.live(), shown: [...__c.root.querySelectorAll('[data-intent]')].map((li) => li.dataset.intent) }));

// Types the note, then asks for rewrites from the keyboard: focus on "Suggest a rewrite", Enter.
async function askFromKeyboard(page) {
  await page.click('textarea');
  await page.keyboard.type(NOTE);
  await waitFor(page, () => !__c.root.querySelector('[data-action="suggest"]').hidden, undefined, { message: 'the ask button' });
  await page.evaluate(() => __c.root.querySelector('[data-action="suggest"]').focus());
  await page.keyboard.press('Enter');
  await waitFor(page, () => __c.waiting.length === 1, undefined, { message: 'the rewrites asked for' });
}

const server = await startServer();
const timings = [];
after(async () => {
  await server.close();
  console.log(`timing coach-focus: ${timings.join('; ')}`);
});

for (const kind of BROWSERS) {
  describe(`coach focus and edits (${kind})`, () => {
    const ctx = useBrowser(kind, { extension: false, server, timings });

    it('asked from the keyboard and waited for: focus moves to the first "Use this"', async () => {
      const { page } = ctx.tab();
      await coachWithHeldAnswers(page, kind);
      await askFromKeyboard(page);
      assert.equal((await state(page)).focused, 'note', 'focus waits in the note meanwhile');
      await page.evaluate((list) => { __c.next = list; __c.release(); }, [rewrite('met'), rewrite('their_work')]);
      await waitFor(page, () => __c.focused() === 'met', undefined, { message: 'focus on the first rewrite' });
    });

    it('a key pressed since asking keeps focus in the note, and the live region says the rewrites are there', async () => {
      const { page } = ctx.tab();
      await coachWithHeldAnswers(page, kind);
      await askFromKeyboard(page);
      await page.keyboard.press('ArrowLeft');
      await page.evaluate((list) => { __c.next = list; __c.release(); }, [rewrite('met')]);
      await waitFor(page, () => __c.root.querySelectorAll('[data-intent]').length === 1, undefined, { message: 'the rewrites shown' });
      const seen = await state(page);
      assert.equal(seen.focused, 'note');
      assert.equal(seen.live, 'Rewrites are ready, under the note.');
    });

    it('focus moved elsewhere since asking stays there', async () => {
      const { page } = ctx.tab();
      await coachWithHeldAnswers(page, kind);
      await askFromKeyboard(page);
      await page.click('#elsewhere');
      await page.evaluate((list) => { __c.next = list; __c.release(); }, [rewrite('met')]);
      await waitFor(page, () => __c.root.querySelectorAll('[data-intent]').length === 1, undefined, { message: 'the rewrites shown' });
      assert.deepEqual(await state(page), { focused: 'elsewhere', live: 'Rewrites are ready, under the note.', shown: ['met'] });
    });

    it('a rebuilt list leaves focus on the same rewrite, or in the note if it is gone, never on another', async () => {
      const { page } = ctx.tab();
      await coachWithHeldAnswers(page, kind);
      await askFromKeyboard(page);
      await page.evaluate((list) => { __c.next = list; __c.release(); }, [rewrite('met'), rewrite('their_work'), rewrite('reconnect')]);
      await waitFor(page, () => __c.focused() === 'met', undefined, { message: 'focus on the first rewrite' });
      await page.keyboard.press('Tab');
      await waitFor(page, () => __c.focused() === 'their_work', undefined, { message: 'Tab to the second rewrite' });

      await page.evaluate(() => __c.coach.update());
      await waitFor(page, () => __c.waiting.length === 1, undefined, { message: 'the refetch for a new context' });
      await page.evaluate((list) => { __c.next = list; __c.release(); }, [rewrite('their_work'), rewrite('met')]);
      await waitFor(page, () => __c.root.querySelector('[data-intent]')?.dataset.intent === 'their_work', undefined, { message: 'the reordered list' });
      assert.equal((await state(page)).focused, 'their_work', 'focus followed its rewrite to its new place');

      await page.evaluate(() => __c.coach.update());
      await waitFor(page, () => __c.waiting.length === 1, undefined, { message: 'the second refetch' });
      await page.evaluate((list) => { __c.next = list; __c.release(); }, [rewrite('met'), rewrite('reconnect')]);
      await waitFor(page, () => __c.root.querySelectorAll('[data-intent]').length === 2, undefined, { message: 'the list without it' });
      assert.equal((await state(page)).focused, 'note', 'its rewrite gone, focus is back in the note, not on the rewrite in its place');
      assert.deepEqual(ctx.tab().errors, []);
    });

    it('an edit goes in only if the note box takes focus; otherwise nothing changes and the coach says why', async () => {
      const { page } = ctx.tab();
      await coachWithHeldAnswers(page, kind);
      await page.click('textarea');
      await page.keyboard.type('I saw teh talk');
      await waitFor(page, () => Boolean(__c.root.querySelector('[data-rule="misspelling"] [data-action="apply"]')), undefined, { message: 'the fix' });
      // A page that sends focus elsewhere whenever the note box gets it.
      await page.evaluate(() => {
        const box = __c.coach.textarea;
        box.addEventListener('focus', () => document.getElementById('elsewhere').focus());
        box.blur();
      });
      const button = await page.evaluateHandle(() => __c.root.querySelector('[data-rule="misspelling"] [data-action="apply"]'));
      await button.click();
      await button.dispose();
      const seen = await page.evaluate(() => ({
        note: __c.coach.textarea.value,
        elsewhere: document.getElementById('elsewhere').value,
        notice: __c.root.querySelector('[data-notice]').hidden ? '' : __c.root.querySelector('[data-notice]').textContent,
      }));
      assert.deepEqual(seen, {
        note: 'I saw teh talk',
        elsewhere: '',
        notice: "Nothing was changed: the note box didn't take the cursor. Click in the note, then try again.",
      });
    });

    it('without execCommand the fix still goes in, within maxlength, and Ctrl+Z takes it back', async () => {
      const { page } = ctx.tab();
      await coachWithHeldAnswers(page, kind, { maxLength: 16 });
      await page.click('textarea');
      await page.keyboard.type('I saw teh talk!');
      await waitFor(page, () => Boolean(__c.root.querySelector('[data-rule="misspelling"] [data-action="apply"]')), undefined, { message: 'the fix' });
      // The fix would make the note 20 long: a box that allows 16 takes "the very" cut to "the ".
      await page.evaluate(() => { document.execCommand = () => false; });
      const box = await page.evaluateHandle(() => __c.root.querySelector('[data-rule="misspelling"] [data-action="apply"]'));
      await box.click();
      await box.dispose();
      await waitFor(page, () => __c.coach.textarea.value !== 'I saw teh talk!', undefined, { message: 'the fix in the note' });
      const value = await page.evaluate(() => __c.coach.textarea.value);
      assert.ok(value.length <= 16, `within maxlength: ${JSON.stringify(value)}`);
      assert.equal(value, 'I saw the  talk!');
      await undo(page);
      await waitFor(page, () => __c.coach.textarea.value === 'I saw teh talk!', undefined, { message: 'Ctrl+Z restoring the note' });
      assert.deepEqual(ctx.tab().errors, []);
    });

    it('at most one analysis in flight: keys typed meanwhile are sent once it is answered, newest text only', async () => {
      const { page } = ctx.tab();
      await loadCoach(page, kind);
      await page.evaluate(() => {
        const box = document.createElement('textarea');
        document.body.append(box);
        // Each analysis waits until the test answers it.
        const a = { asked: [], answer: [] };
        window.__a = a;
        a.coach = Uncanned.coach.attach(box, {
          analyze: (text) => new Promise((resolve) => {
            a.asked.push(text);
            a.answer.push(() => resolve({ verdict: 'personal', findings: [], checklist: {}, length: { used: text.length, limit: 300 } }));
          }),
          css: '',
        });
      });
      const asked = () => page.evaluate(() => __a.asked);
      const answerNext = () => page.evaluate(() => __a.answer.shift()());
      await waitFor(page, () => __a.asked.length === 1, undefined, { message: 'the empty note asked about' });
      await page.click('textarea');
      await page.keyboard.type('We met');
      await answerNext();
      await waitFor(page, () => __a.asked.length === 2, undefined, { message: 'the text typed meanwhile asked about' });
      await page.keyboard.type(' at RustConf');
      await new Promise((r) => setTimeout(r, 200));
      assert.deepEqual(await asked(), ['', 'We met'], 'nothing more is sent while an analysis is in flight');
      await answerNext();
      await waitFor(page, () => __a.asked.length === 3, undefined, { message: 'the newest text asked about' });
      assert.deepEqual(await asked(), ['', 'We met', 'We met at RustConf'], 'one request for all the keys typed meanwhile, with the newest text');
      await answerNext();
      await waitFor(page, () => __a.coach.host.getAttribute('data-uncanned-length') === String('We met at RustConf'.length), undefined, { message: 'the newest analysis shown' });
      await new Promise((r) => setTimeout(r, 100));
      assert.equal((await asked()).length, 3, 'nothing left queued');
      assert.deepEqual(ctx.tab().errors, []);
    });
  });
}
