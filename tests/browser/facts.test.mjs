// What the page shows beside the dialog, in use: the unnamed-mutuals fix names a person the page
// names (the writer clicks which), a shared school puts "studied at" first with the school
// filled in, a Portuguese profile adds Portuguese rewrites to an English coach, and a page that
// shows none of it gets the rewrites with slots it always got. Real clicks; the page's own
// state (its note and counter) must follow, and Ctrl+Z must bring the writer's words back.

import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import {
  BROWSERS, useBrowser, click, clickNoteBox, undo, waitFor, waitForReport, waitForNoteBox,
  waitForCoach, assertNothingLeaked,
} from './harness.mjs';

const CANNED = "I'd like to add you to my professional network on LinkedIn.";
const MUTUALS = "Hi there, I see we have some mutual connections, so I thought I'd reach out.";

const server = await startServer();
const timings = [];
after(async () => {
  await server.close();
  console.log(`timing facts: ${timings.join('; ')}`);
});

const pageState = (page) => page.evaluate(() => window.fixture.state());

// Each dialog form, opened as a member would.
const FORMS = {
  'era B': {
    url: (slug) => `/in/${slug}/`,
    open: async (page, name) => {
      await click(page, `button[aria-label="Invite ${name} to connect"]`);
      await click(page, 'button[aria-label="Add a note"]');
    },
  },
  'era C': {
    url: (slug) => `/in/${slug}/?ui=c`,
    open: async (page, name) => {
      await click(page, `button[aria-label="Invite ${name} to connect"]`);
      await click(page, 'button[aria-label="Add a free note"]');
    },
  },
  'Sales Navigator (newer)': {
    url: (_, lead) => `/sales/lead/${lead},NAME_SEARCH,p0Zx`,
    open: async (page) => {
      await click(page, 'button[aria-label="Open actions overflow menu"]');
      await click(page, '[role=menu] [data-fixture="connect"]');
    },
  },
};

async function openForm(page, form, { slug, lead, name }, query = '') {
  const url = FORMS[form].url(slug, lead);
  await page.goto(server.url(url + (query ? (url.includes('?') ? '&' : '?') + query : '')));
  await FORMS[form].open(page, name);
  await waitForNoteBox(page);
  await waitForCoach(page);
  await clickNoteBox(page);
}

// The rewrites on screen, once there are some (and, with `first`, once the list has settled on
// the whole note: one fetched mid-typing can lead with another intent).
async function rewrites(page, first) {
  await waitFor(page, (want) => {
    const s = __t.coachFor(__t.noteBox())?.shadowRoot?.querySelector('[data-suggestions]');
    const top = s && !s.hidden && s.querySelector('[data-intent]');
    return Boolean(top && (!want || top.dataset.intent === want));
  }, first, { message: `the rewrites list${first ? `, ${first} first` : ''}` });
  return page.evaluate(() => [...__t.coachFor(__t.noteBox()).shadowRoot
    .querySelectorAll('[data-suggestions] [data-intent]')].map((li) => ({
    intent: li.dataset.intent,
    text: li.querySelector('.rewrite-text').textContent,
  })));
}

// The fix buttons of a finding, as shown.
function fixButtons(page, rule) {
  return page.evaluate((r) => [...__t.coachFor(__t.noteBox()).shadowRoot
    .querySelectorAll(`[data-rule="${r}"] button[data-action="apply"][data-fix]`)]
    .map((b) => b.textContent), rule);
}

async function undoUntil(page, text) {
  for (let i = 0; i < 40; i++) {
    if (await page.evaluate((want) => __t.noteBox().value === want, text)) break;
    await undo(page);
  }
  await waitFor(page, (want) => __t.noteBox()?.value === want, text, { message: 'Ctrl+Z restoring the note' });
}

const JOANA = { slug: 'joana-lima', lead: 'ACwAAAJoanaLima04', name: 'Joana Lima' };
const PRIYA = { slug: 'priya-shah', lead: 'ACwAAAPriyaShah05', name: 'Priya Shah' };

for (const kind of BROWSERS) {
  describe(`what the page shows, in use (${kind})`, () => {
    const ctx = useBrowser(kind, { server, timings });

    for (const [form, who, pick, query] of [
      ['era C', JOANA, 'Ana Lima', ''],
      ['era B', JOANA, 'Marcos Souza', 'hl=pt'],
      ['Sales Navigator (newer)', PRIYA, 'Karthik Rao', ''],
    ]) {
      it(`${form}: the unnamed-mutuals fix puts in the person clicked; the counter follows; Ctrl+Z restores`, async () => {
        const { page } = ctx.tab();
        await openForm(page, form, who, query);
        await page.keyboard.type(MUTUALS);
        await waitForReport(page, { rules: ['unnamed-mutuals'] });
        const shown = await fixButtons(page, 'unnamed-mutuals');
        // One button a person the page names, each showing what it puts in.
        const names = who === JOANA ? ['Marcos Souza', 'Ana Lima'] : ['Karthik Rao'];
        assert.deepEqual(shown, names.map((n) => `Change to "we both know ${n}"`));
        const before = await pageState(page);

        const index = names.indexOf(pick);
        await click(page, `[data-rule="unnamed-mutuals"] button[data-action="apply"][data-fix="${index}"]`);
        const want = MUTUALS.replace('I see we have some mutual connections', `we both know ${pick}`);
        await waitFor(page, (w) => __t.noteBox()?.value === w, want, { message: 'the name in the note box' });
        const after_ = await pageState(page);
        assert.equal(after_.note, want, "the page's own state has the name");
        assert.notEqual(after_.counter, before.counter);
        assert.ok(after_.counter.startsWith(`${want.length}/`), `the page's counter follows: ${after_.counter}`);
        // Named, the note now says who both know.
        await waitForReport(page, { verdict: 'personal' });

        await undoUntil(page, MUTUALS);
        assert.equal((await pageState(page)).note, MUTUALS);
        await waitForReport(page, { rules: ['unnamed-mutuals'] });
        assert.deepEqual(ctx.tab().errors, []);
      });
    }

    it('era C: a shared school puts "studied at" first, filled in from the page, and it goes in with one click', async () => {
      const { page } = ctx.tab();
      await openForm(page, 'era C', JOANA);
      await page.keyboard.type(CANNED);
      await waitForReport(page, { verdict: 'canned' });
      const list = await rewrites(page, 'studied_together');
      assert.ok(list[0].text.startsWith('Hi Joana, we both studied at Universidade do Porto.'), list[0].text);
      // Someone both know is named where the page names them; how is left to the writer.
      const mutual = list.find((r) => r.intent === 'mutual_connection');
      assert.ok(mutual.text.includes('we both know Marcos Souza'), mutual.text);
      assert.ok(!list.some((r) => r.text.includes('[who you both know]')), JSON.stringify(list));

      await click(page, '[data-suggestions] [data-intent="studied_together"] button[data-action="apply"]');
      await waitFor(page, (w) => __t.noteBox()?.value === w, list[0].text, { message: 'the rewrite in the note box' });
      const state = await pageState(page);
      assert.equal(state.note, list[0].text);
      assert.equal(state.counter, `${list[0].text.length}/200`);
      await undoUntil(page, CANNED);
      assert.equal((await pageState(page)).note, CANNED);
    });

    it('era C: a Portuguese profile in an English coach gets Portuguese rewrites in the same list', async () => {
      const { page } = ctx.tab();
      await openForm(page, 'era C', JOANA);
      await page.keyboard.type(CANNED);
      const list = await rewrites(page, 'studied_together');
      const english = list.filter((r) => r.text.startsWith('Hi Joana,'));
      const portuguese = list.filter((r) => r.text.startsWith('Olá Joana,'));
      assert.ok(english.length >= 3, JSON.stringify(list));
      assert.ok(portuguese.length >= 1 && portuguese.length <= 3, JSON.stringify(list));
      assert.ok(portuguese[0].text.includes('Universidade do Porto'), portuguese[0].text);
      // The English ones come first: the writer's language leads.
      assert.ok(list.indexOf(portuguese[0]) > list.indexOf(english.at(-1)));

      const chosen = list.indexOf(portuguese[0]);
      await click(page, `[data-suggestions] [data-intent]:nth-child(${chosen + 1}) button[data-action="apply"]`);
      await waitFor(page, (w) => __t.noteBox()?.value === w, portuguese[0].text, { message: 'the Portuguese rewrite in the box' });
      assert.equal((await pageState(page)).note, portuguese[0].text);
      await undoUntil(page, CANNED);
    });

    it('era C: a page that shows none of it gets the rewrites with slots it always got', async () => {
      const { page } = ctx.tab();
      await openForm(page, 'era C', { slug: 'rosa-diaz', name: 'Rosa Díaz' });
      await page.keyboard.type(MUTUALS);
      await waitForReport(page, { rules: ['unnamed-mutuals'] });
      assert.deepEqual(await fixButtons(page, 'unnamed-mutuals'), [], 'no one to name, no fix');
      const list = await rewrites(page);
      assert.ok(list.length >= 3 && list.length <= 5, JSON.stringify(list));
      assert.ok(list.every((r) => r.text.startsWith('Hi Rosa,')), JSON.stringify(list));
      assert.ok(!list.some((r) => r.intent === 'studied_together' || r.intent === 'worked_together'));
      const mutual = list.find((r) => r.intent === 'mutual_connection');
      assert.ok(mutual.text.includes('[who you both know]'), mutual.text);
    });

    // The facts stay in the tab: no request carries them anywhere.
    it('nothing left the browser', async () => {
      console.log(await assertNothingLeaked({ server, since: ctx.since, tabs: [ctx.tab()], network: ctx.network, kind }));
    });
  });
}
