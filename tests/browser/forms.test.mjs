// The coach in every form of the invitation dialog LinkedIn has shipped, typed into like a
// person types: the canned default is called canned, a real note personal, a greeting copied
// from the last invitation is caught because the coach read the right recipient, and nothing
// attaches to the site's other text boxes.

import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import {
  BROWSERS, useBrowser, click, clickNoteBox, selectAll, waitFor, waitForNoteBox, waitForCoach,
  waitForReport, assertNothingLeaked,
} from './harness.mjs';

const CANNED = "I'd like to add you to my professional network on LinkedIn.";
const PERSONAL = "Hi Marco, great talking with you at the Berlin Rust meetup last Thursday about embedded async. I'd love to keep in touch.";
const WRONG_NAME = 'Hi Jennifer, great meeting you at the AWS Summit yesterday!';
const RIGHT_NAME = 'Hi Jessica, great meeting you at the AWS Summit yesterday!';
// 189 characters: past 90 % of a 200 limit, well inside 300.
const LONG = "Hi Marco, great talking with you at the Berlin Rust meetup last Thursday about embedded async. I'd love to keep in touch and hear how the RTOS port goes; happy to share our notes on it too.";

const LEADS = { 'marco-rossi': 'ACwAAAMarcoRossi2', 'jessica-moore': 'ACwAAAJessMoore01' };
const NAMES = { 'marco-rossi': 'Marco Rossi', 'jessica-moore': 'Jessica Moore' };

async function openSalesConnect(page) {
  await click(page, 'button[aria-label="Open actions overflow menu"]');
  await click(page, '[role=menu] [data-fixture="connect"]');
}

// Each form: where it lives and the clicks that bring its note box up.
const FORMS = [
  {
    name: 'era B artdeco dialog (maxlength 300)',
    url: (slug) => `/in/${slug}/`,
    open: async (page, slug) => {
      await click(page, `button[aria-label="Invite ${NAMES[slug]} to connect"]`);
      await click(page, 'button[aria-label="Add a note"]');
    },
  },
  {
    name: 'era C shadow-root dialog, free plan (maxlength 200)',
    url: (slug) => `/in/${slug}/?ui=c`,
    open: async (page, slug) => {
      await click(page, `button[aria-label="Invite ${NAMES[slug]} to connect"]`);
      await click(page, 'button[aria-label="Add a free note"]');
    },
  },
  {
    name: 'era C shadow-root dialog, premium (no maxlength, counter 0/300)',
    url: (slug) => `/in/${slug}/?ui=c&plan=premium`,
    open: async (page, slug) => {
      await click(page, `button[aria-label="Invite ${NAMES[slug]} to connect"]`);
      await click(page, 'button[aria-label="Add a note"]');
    },
  },
  {
    name: 'Sales Navigator, older .connect-cta-form',
    url: (slug) => `/sales/people/${LEADS[slug]},NAME_SEARCH,k3Qd`,
    open: openSalesConnect,
  },
  {
    name: 'Sales Navigator, newer labelled dialog',
    url: (slug) => `/sales/lead/${LEADS[slug]},NAME_SEARCH,p0Zx`,
    open: openSalesConnect,
  },
];

// Types `text` with real key events (over a select-all when `replace`), and checks that every
// keystroke arrived and focus never left the box.
async function typeNote(page, text, { replace = false } = {}) {
  const watch = await page.evaluateHandle(() => __t.watchFocus(__t.noteBox()));
  if (replace) await selectAll(page);
  await page.keyboard.type(text);
  const after_ = await page.evaluate((w) => {
    w.stop();
    const box = __t.noteBox();
    return { value: box?.value ?? null, blurs: w.events.length, focused: __t.activeDeep() === box, page: window.fixture.state().note };
  }, watch);
  await watch.dispose();
  assert.equal(after_.value, text, 'every keystroke reached the note box');
  assert.equal(after_.blurs, 0, 'focus never left the note box while typing');
  assert.equal(after_.focused, true, 'the note box still has focus after typing');
  assert.equal(after_.page, text, "the page's own state saw the typing");
}

const server = await startServer();
const timings = [];
after(async () => {
  await server.close();
  console.log(`timing forms: ${timings.join('; ')}`);
});

for (const kind of BROWSERS) {
  describe(`coach in every dialog form (${kind})`, () => {
    const ctx = useBrowser(kind, { server, timings });

    for (const form of FORMS) {
      it(`${form.name}: canned → personal, and the recipient's name is read`, async () => {
        const { page } = ctx.tab();
        await page.goto(server.url(form.url('marco-rossi')));
        await form.open(page, 'marco-rossi');
        await waitForNoteBox(page);
        await waitForCoach(page);
        await clickNoteBox(page);
        await typeNote(page, CANNED);
        await waitForReport(page, { verdict: 'canned', rules: ['canned-default'] });
        await typeNote(page, PERSONAL, { replace: true });
        await waitForReport(page, { verdict: 'personal', absent: ['canned-default', 'wrong-name'] });

        await page.goto(server.url(form.url('jessica-moore')));
        await form.open(page, 'jessica-moore');
        await waitForNoteBox(page);
        await waitForCoach(page);
        await clickNoteBox(page);
        await typeNote(page, WRONG_NAME);
        await waitForReport(page, { rules: ['wrong-name'] });
        // The same note with her name: the finding above came from the page, not from "Jennifer".
        await typeNote(page, RIGHT_NAME, { replace: true });
        await waitForReport(page, { absent: ['wrong-name'] });
        assert.deepEqual(ctx.tab().errors, []);
      });
    }

    it('era C, dialog reused across profiles (SPA): the new recipient replaces the old one', async () => {
      const { page } = ctx.tab();
      await page.goto(server.url('/in/jessica-moore/?ui=c&spa=1'));
      await click(page, 'button[aria-label="Invite Jessica Moore to connect"]');
      await click(page, 'button[aria-label="Add a free note"]');
      await waitForCoach(page);
      await clickNoteBox(page);
      await typeNote(page, WRONG_NAME);
      await waitForReport(page, { rules: ['wrong-name'] });
      await click(page, 'button[aria-label="Dismiss"]');
      // The dialog is only hidden, its note box still in the tree: the coach must go all the same.
      await waitFor(page, () => __t.coaches().length === 0 && __t.all('[role=dialog] textarea#custom-message').length === 1, undefined,
        { message: 'no coach left on the hidden dialog' });

      // Next profile without a reload; the same dialog element comes back for Marco.
      await click(page, 'button[data-fixture-switch="marco-rossi"]');
      await click(page, 'button[aria-label="Add a free note"]');
      await waitForCoach(page);
      assert.equal(await page.evaluate(() => location.pathname), '/in/marco-rossi/');
      await clickNoteBox(page);
      await typeNote(page, RIGHT_NAME);
      await waitForReport(page, { rules: ['wrong-name'] });
      await typeNote(page, 'Hi Marco, great meeting you at the AWS Summit yesterday!', { replace: true });
      await waitForReport(page, { absent: ['wrong-name'] });
      assert.equal(await page.evaluate(() => __t.coaches().length), 1);
      assert.deepEqual(ctx.tab().errors, []);
    });

    it('era C: the limit comes from the page (counter 0/200 without maxlength vs 0/300)', async () => {
      const { page } = ctx.tab();
      await page.goto(server.url('/in/marco-rossi/?ui=c&maxlength=0&delay=100'));
      await click(page, 'button[aria-label="Invite Marco Rossi to connect"]');
      await click(page, 'button[aria-label="Add a free note"]');
      await waitForCoach(page);
      assert.equal(await page.evaluate(() => __t.noteBox().hasAttribute('maxlength')), false);
      await clickNoteBox(page);
      await typeNote(page, LONG);
      await waitForReport(page, { rules: ['near-limit'], absent: ['over-limit'] });

      await page.goto(server.url('/in/marco-rossi/?ui=c&plan=premium&delay=100'));
      await click(page, 'button[aria-label="Invite Marco Rossi to connect"]');
      await click(page, 'button[aria-label="Add a note"]');
      await waitForCoach(page);
      await clickNoteBox(page);
      await typeNote(page, LONG);
      await waitForReport(page, { absent: ['near-limit', 'over-limit'] });
      assert.deepEqual(ctx.tab().errors, []);
    });

    it('dark mode: the coach attaches, works and takes the dark theme', async () => {
      const { page } = ctx.tab();
      await page.goto(server.url('/in/marco-rossi/?theme=dark'));
      await click(page, 'button[aria-label="Invite Marco Rossi to connect"]');
      await click(page, 'button[aria-label="Add a note"]');
      await waitForCoach(page);
      await clickNoteBox(page);
      await typeNote(page, CANNED);
      await waitForReport(page, { verdict: 'canned', rules: ['canned-default'] });
      const theme = await page.evaluate(() => __t.coachFor(__t.noteBox()).getAttribute('data-theme'));
      assert.equal(theme, 'dark');
    });

    it('control page: no coach on the feed, the post composer, a comment or a message', async () => {
      const { page } = ctx.tab();
      await page.goto(server.url('/feed/'));
      // A Connect click that sends at once (no dialog) must not leave anything behind either.
      await click(page, '[data-fixture="pymk-connect"]');
      for (const box of ['comment', 'message']) {
        await click(page, `textarea[data-fixture="${box}"]`);
        await page.keyboard.type(CANNED);
      }
      await click(page, '[data-fixture="start-post"]');
      await click(page, 'textarea[data-fixture="post"]');
      await page.keyboard.type(CANNED);
      // The extension rescans up to ~1.2 s after a click; give it longer than that.
      await new Promise((r) => setTimeout(r, 1_500));
      const seen = await page.evaluate(() => ({
        coaches: __t.coaches().length,
        post: document.querySelector('textarea[data-fixture="post"]').value,
      }));
      assert.equal(seen.post, CANNED);
      assert.equal(seen.coaches, 0, 'no coach outside the invitation dialog');
      assert.deepEqual(ctx.tab().errors, []);
    });

    it('era C states without a note box (e-mail gate, out of free notes): no coach', async () => {
      const { page } = ctx.tab();
      await page.goto(server.url('/in/jessica-moore/?ui=c&gate=email&delay=100'));
      await click(page, 'button[aria-label="Invite Jessica Moore to connect"]');
      await click(page, 'input[type=email]');
      await page.keyboard.type('jessica@example.com');
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(await page.evaluate(() => __t.coaches().length), 0, 'no coach on the e-mail gate');
      await page.goto(server.url('/in/jessica-moore/?ui=c&quota=0&delay=100'));
      await click(page, 'button[aria-label="Invite Jessica Moore to connect"]');
      await click(page, 'button[aria-label="Add a free note"]');
      await waitFor(page, () => window.fixture.state().stage === 'upsell', undefined, { message: 'the upsell' });
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(await page.evaluate(() => __t.coaches().length), 0, 'no coach on the upsell');
      assert.deepEqual(ctx.tab().errors, []);
    });

    it('no CSP report, no request beyond the pages\' own, nothing from the extension', async () => {
      console.log(await assertNothingLeaked({ server, since: ctx.since, tabs: [ctx.tab()], network: ctx.network, kind }));
    });
  });
}
