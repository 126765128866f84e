// Every selector in the site adapter's table (extension/content/linkedin.js, SELECTORS) counted on
// every fixture page, at each stage of its invitation dialog (matches on screen). A selector must match on each form
// its entry says it serves: when LinkedIn redesigns a dialog (and the fixture follows), this test
// names the selector that stopped matching, "NOTE_BOX textarea#custom-message matched 0 on
// era-c", instead of the coach silently not showing. The counts are printed per form.
//
// Runs without the extension: the adapter's table is read in the page's own world.

import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { ROOT, BROWSERS, useBrowser, click, waitForNoteBox, waitFor } from './harness.mjs';

const ADAPTER = readFileSync(join(ROOT, 'extension', 'content', 'linkedin.js'), 'utf8');

const server = await startServer();
const timings = [];
after(async () => {
  await server.close();
  console.log(`timing selectors: ${timings.join('; ')}`);
});

const OPEN_SALES = ['button[aria-label="Open actions overflow menu"]', '[role=menu] [data-fixture="connect"]'];

// Each form's fixture, and the controls clicked in turn to take its dialog from closed to the
// note stage.
const FORMS = {
  'era-b': {
    url: '/in/jessica-moore/?theme=dark&delay=50',
    clicks: ['button[aria-label="Invite Jessica Moore to connect"]', 'button[aria-label="Add a note"]'],
  },
  'era-c': {
    url: '/in/rosa-diaz/?ui=c&theme=dark&delay=50',
    clicks: ['button[aria-label="Invite Rosa Díaz to connect"]', 'button[aria-label="Add a free note"]'],
  },
  'sales-old': { url: '/sales/people/ACwAAAJessMoore01,NAME_SEARCH,k3Qd?theme=dark&delay=50', clicks: OPEN_SALES },
  'sales-new': { url: '/sales/lead/ACwAAAMarcoRossi2,NAME_SEARCH,p0Zx?theme=dark&delay=50', clicks: OPEN_SALES },
};

// The same forms on the pages of the two people whose pages show facts beside the dialog
// (fixtures/facts.js): the facts' selectors are counted there.
const WITH_FACTS = {
  'era-b': (slug, name) => ({ url: `/in/${slug}/?theme=dark&delay=50`, clicks: [`button[aria-label="Invite ${name} to connect"]`, FORMS['era-b'].clicks[1]] }),
  'era-c': (slug, name) => ({ url: `/in/${slug}/?ui=c&theme=dark&delay=50`, clicks: [`button[aria-label="Invite ${name} to connect"]`, FORMS['era-c'].clicks[1]] }),
  'sales-old': (_, __, lead) => ({ url: `/sales/people/${lead},NAME_SEARCH,k3Qd?theme=dark&delay=50`, clicks: OPEN_SALES }),
  'sales-new': (_, __, lead) => ({ url: `/sales/lead/${lead},NAME_SEARCH,p0Zx?theme=dark&delay=50`, clicks: OPEN_SALES }),
};
const FACT_PEOPLE = [['joana-lima', 'Joana Lima', 'ACwAAAJoanaLima04'], ['priya-shah', 'Priya Shah', 'ACwAAAPriyaShah05']];

// The larger of two counts, entry by entry.
function maxCounts(a, b) {
  return Object.fromEntries(Object.entries(a).map(([name, list]) => [name, list.map((n, i) => Math.max(n, b[name]?.[i] ?? 0))]));
}

// Loads the adapter into the page's world once (idempotent) and counts, per selector entry, its
// matches on screen in the document and every open shadow root. Hidden matches don't count: the
// page keeps hidden pre-rendered copies, which would hide a redesign of the one on screen. A
// shadow host counts when something in its root is on screen.
function countNow(page) {
  return page.evaluate((source) => {
    if (!globalThis.Uncanned?.linkedin) (0, eval)(source);
    const shown = (el) => __t.visible(el) || Boolean(el.shadowRoot && [...el.shadowRoot.querySelectorAll('*')].some(__t.visible));
    const counts = {};
    for (const [name, entries] of Object.entries(globalThis.Uncanned.linkedin.SELECTORS)) {
      counts[name] = entries.map((e) => __t.all(e.css).filter(shown).length);
    }
    return counts;
  }, ADAPTER);
}

// The most each entry matched over the form's stages, counted each time the next control to
// click is on screen and once the note box is: a first-stage button counts although the note
// stage replaced it. A form whose note box never shows is counted as it stands.
async function countThroughStages(page, form) {
  await page.goto(server.url(form.url));
  const seen = [];
  for (const selector of form.clicks) {
    await waitFor(page, (s) => __t.all(s).some(__t.visible), selector, { message: `a visible ${selector}` });
    seen.push(await countNow(page));
    await click(page, selector);
  }
  const boxShown = await waitForNoteBox(page, { timeout: 2_000 }).then(() => true, () => false);
  seen.push(await countNow(page));
  const max = {};
  for (const counts of seen) {
    for (const [name, list] of Object.entries(counts)) {
      max[name] = list.map((n, i) => Math.max(n, max[name]?.[i] ?? 0));
    }
  }
  return { counts: max, boxShown };
}

// "NAME css matched 0 on form" for each entry serving `formName` that matched nothing.
function misses(selectors, counts, formName) {
  const out = [];
  for (const [name, entries] of Object.entries(selectors)) {
    entries.forEach((entry, i) => {
      if (entry.forms.includes(formName) && counts[name][i] === 0) out.push(`${name} ${entry.css} matched 0 on ${formName}`);
    });
  }
  return out;
}

function table(selectors, counts) {
  return Object.entries(selectors).map(([name, entries]) => `${name}=${entries.map((_, i) => counts[name][i]).join('/')}`).join(' ');
}

for (const kind of BROWSERS) {
  describe(`the site adapter's selectors on every form (${kind})`, () => {
    const ctx = useBrowser(kind, { extension: false, server, timings });
    let selectors;

    it('every form the table names has a fixture here, and every entry says which forms it serves', async () => {
      const { page } = ctx.tab();
      await page.goto(server.url('/feed/'));
      const table_ = await page.evaluate((source) => {
        (0, eval)(source);
        return { selectors: globalThis.Uncanned.linkedin.SELECTORS, forms: Object.keys(globalThis.Uncanned.linkedin.FORMS) };
      }, ADAPTER);
      selectors = table_.selectors;
      assert.deepEqual(table_.forms.sort(), Object.keys(FORMS).sort());
      for (const [name, entries] of Object.entries(selectors)) {
        assert.ok(entries.length > 0, `${name} has selectors`);
        for (const entry of entries) {
          assert.equal(typeof entry.css, 'string');
          for (const form of entry.forms) assert.ok(form in FORMS, `${name} ${entry.css}: unknown form ${form}`);
        }
      }
    });

    for (const [formName, form] of Object.entries(FORMS)) {
      it(`${formName}: each selector matches on the form it serves`, async () => {
        const { page } = ctx.tab();
        let { counts, boxShown } = await countThroughStages(page, form);
        assert.ok(boxShown, 'the note box showed');
        for (const person of FACT_PEOPLE) {
          const more = await countThroughStages(page, WITH_FACTS[formName](...person));
          assert.ok(more.boxShown, `the note box showed on ${person[0]}'s page`);
          counts = maxCounts(counts, more.counts);
        }
        console.log(`selectors ${kind} ${formName}: ${table(selectors, counts)}`);
        assert.deepEqual(misses(selectors, counts, formName), []);
        assert.deepEqual(ctx.tab().errors, []);
      });
    }

    it('a renamed note box is reported by name (era C with ?note=renamed)', async () => {
      const { page } = ctx.tab();
      let { counts, boxShown } = await countThroughStages(page, {
        ...FORMS['era-c'],
        url: `${FORMS['era-c'].url}&note=renamed`,
      });
      assert.equal(boxShown, false, 'no note box the harness knows either');
      for (const person of FACT_PEOPLE) {
        const form = WITH_FACTS['era-c'](...person);
        counts = maxCounts(counts, (await countThroughStages(page, { ...form, url: `${form.url}&note=renamed` })).counts);
      }
      assert.ok(await page.evaluate(() => __t.all('textarea#invitation-message').some(__t.visible)), 'the renamed note field is on screen');
      assert.deepEqual(misses(selectors, counts, 'era-c'), ['NOTE_BOX textarea#custom-message matched 0 on era-c']);
    });

    it('the feed has no note box and no invitation dialog', async () => {
      const { page } = ctx.tab();
      await page.goto(server.url('/feed/'));
      await click(page, '[data-fixture="start-post"]');
      const counts = await countNow(page);
      for (const name of ['NOTE_BOX', 'INVITE_DIALOG', 'INVITE_DIALOG_CONTENT', 'FORM']) {
        assert.deepEqual(counts[name].filter((n) => n > 0), [], `${name} on the feed`);
      }
    });
  });
}
