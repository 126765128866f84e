// What the site adapter (extension/content/linkedin.js) tells the engine about the invitee in
// every dialog form: name, limit, and the headline and company from the card beside the name,
// never from anyone else's. The adapter runs here in the fixture page's own world, without the
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
      recipient: { full_name: 'Rosa Díaz', first_name: 'Rosa', headline: 'Accessibility Lead at Contoso', company: 'Contoso' },
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
