// What the site adapter (extension/content/linkedin.js) tells the engine about the invitee in
// every dialog form: name, limit, the headline and company from the card beside the name, never
// from anyone else's, and what the page shows beside the dialog (mutual connections, what both
// share, recent posts, the about text), read from their own elements whatever the UI language. The adapter runs here in the fixture page's own world, without the
// extension, so its answer can be read directly; in the extension it runs the same code in the
// content script's world.

import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { ROOT, BROWSERS, useBrowser, click, waitForNoteBox } from './harness.mjs';

const ADAPTER = readFileSync(join(ROOT, 'extension', 'content', 'linkedin.js'), 'utf8');

const server = await startServer();
const timings = [];
after(async () => {
  await server.close();
  console.log(`timing context: ${timings.join('; ')}`);
});

const CASES = [
  {
    name: 'era B profile',
    url: '/in/jessica-moore/',
    open: async (page) => {
      await click(page, 'button[aria-label="Invite Jessica Moore to connect"]');
      await click(page, 'button[aria-label="Add a note"]');
    },
    context: {
      limit: 300,
      recipient: {
        full_name: 'Jessica Moore', first_name: 'Jessica',
        headline: 'Senior Product Designer at Northwind Traders', company: 'Northwind Traders',
        about: 'Designing calm tools for busy teams. Previously at Fabrikam. Speaker at design meetups.',
      },
    },
  },
  {
    name: 'era C profile, dialog in a shadow root',
    url: '/in/rosa-diaz/?ui=c',
    open: async (page) => {
      await click(page, 'button[aria-label="Invite Rosa Díaz to connect"]');
      await click(page, 'button[aria-label="Add a free note"]');
    },
    context: {
      limit: 200,
      recipient: {
        full_name: 'Rosa Díaz', first_name: 'Rosa', headline: 'Accessibility Lead at Contoso', company: 'Contoso',
        about: 'Accessible forms, design systems and the occasional webinar.',
      },
    },
  },
  {
    name: 'Sales Navigator lead, a headline without an employer',
    url: '/sales/lead/ACwAAAMarcoRossi2,NAME_SEARCH,p0Zx',
    open: async (page) => {
      await click(page, 'button[aria-label="Open actions overflow menu"]');
      await click(page, '[role=menu] [data-fixture="connect"]');
    },
    context: {
      limit: 300,
      recipient: { full_name: 'Marco Rossi', first_name: 'Marco', headline: 'Embedded Software Engineer | Rust, async, RTOS' },
    },
  },
];

// The two people whose pages show facts (fixtures/facts.js), in every form and both UI languages.
const JOANA = {
  full_name: 'Joana Lima', first_name: 'Joana',
  headline: 'Engenheira de dados na Nubank | Pagamentos', company: undefined,
  mutuals: ['Marcos Souza', 'Ana Lima'], mutual_count: 12,
};
const JOANA_PROFILE = {
  ...JOANA,
  shared_school: 'Universidade do Porto',
  posts: ['Por que nossas métricas de onboarding mentiam', 'Pagamentos instantâneos: o que aprendemos'],
  about: 'Trabalho com pagamentos há dez anos e gosto de ensinar o que aprendi com a minha equipe.',
};
const PRIYA = {
  full_name: 'Priya Shah', first_name: 'Priya', headline: 'Staff Engineer at Globex', company: 'Globex',
  mutuals: ['Karthik Rao'], mutual_count: 31,
  posts: ['Why our onboarding metrics lied to us'],
};
const PRIYA_PROFILE = {
  ...PRIYA,
  shared_employer: 'Initech', shared_group: 'Women in Data',
  about: 'I build data platforms and write about what my team learns along the way.',
};
const defined = (o) => JSON.parse(JSON.stringify(o));
const profileB = (name) => async (page) => {
  await click(page, `button[aria-label="Invite ${name} to connect"]`);
  await click(page, 'button[aria-label="Add a note"]');
};
const profileC = (name) => async (page) => {
  await click(page, `button[aria-label="Invite ${name} to connect"]`);
  await click(page, 'button[aria-label="Add a free note"]');
};
const sales = async (page) => {
  await click(page, 'button[aria-label="Open actions overflow menu"]');
  await click(page, '[role=menu] [data-fixture="connect"]');
};
for (const hl of ['', 'hl=pt']) {
  const q = (more) => [more, hl].filter(Boolean).join('&');
  const ui = hl ? ', Portuguese UI' : '';
  CASES.push(
    { name: `era B, Portuguese profile with facts${ui}`, url: `/in/joana-lima/?${q('')}`, open: profileB('Joana Lima'),
      context: { limit: 300, recipient: defined(JOANA_PROFILE) } },
    { name: `era C, English profile with facts${ui}`, url: `/in/priya-shah/?${q('ui=c')}`, open: profileC('Priya Shah'),
      context: { limit: 200, recipient: defined(PRIYA_PROFILE) } },
    { name: `era C, Portuguese profile with facts${ui}`, url: `/in/joana-lima/?${q('ui=c')}`, open: profileC('Joana Lima'),
      context: { limit: 200, recipient: defined(JOANA_PROFILE) } },
    { name: `Sales Navigator old, lead with facts${ui}`, url: `/sales/people/ACwAAAJoanaLima04,NAME_SEARCH,a1?${q('')}`, open: sales,
      context: { limit: 300, recipient: defined({ ...JOANA, posts: JOANA_PROFILE.posts }) } },
    { name: `Sales Navigator new, lead with facts${ui}`, url: `/sales/lead/ACwAAAPriyaShah05,NAME_SEARCH,b2?${q('')}`, open: sales,
      context: { limit: 300, recipient: defined(PRIYA) } },
  );
}

for (const kind of BROWSERS) {
  describe(`the invitee's context from the page (${kind})`, () => {
    const ctx = useBrowser(kind, { extension: false, server, timings });

    for (const c of CASES) {
      it(c.name, async () => {
        const { page } = ctx.tab();
        await page.goto(server.url(c.url));
        await c.open(page);
        await waitForNoteBox(page);
        // Evaluated rather than added as a script tag: the fixtures' CSP refuses inline scripts.
        const contexts = await page.evaluate((source) => {
          (0, eval)(source);
          return globalThis.Uncanned.linkedin.scan().map((box) => box.context);
        }, ADAPTER);
        assert.deepEqual(contexts, [c.context]);
        assert.deepEqual(ctx.tab().errors, []);
      });
    }
  });
}
