// Nothing lost, nothing stuck, when the extension's own parts fail: the coach's stylesheet that
// does not come at first, a request the background drops, an engine that stops answering, and a
// note too long to send. The faults are injected into a copy of the built extension whose
// background drops or refuses chosen messages (see FAULTS); the coach and content scripts are
// the built ones, unchanged.

import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import {
  BROWSERS, extensionDir, useBrowser, openNote, selectAll, waitFor, waitForReport, assertNothingLeaked,
} from './harness.mjs';
import { typeInDialog } from './coach-page.mjs';

// Prepended to the copy's background.js: its runtime.onMessage listener sees the messages below
// fail. The first two stylesheet requests get an error; an analysis of a note containing
// "engine away" gets no answer, ever; one containing "flaky" gets none the first time each text
// is sent. Longer notes than the coach sends get no answer either, so a coach that sent one would
// show the engine as away, not the note as too long.
const FAULTS = `// Faults injected by tests/browser/faults.test.mjs.
{
  const real = globalThis.browser ?? globalThis.chrome;
  const seen = new Set();
  let cssRefused = 0;
  const fault = (m) => {
    if (m?.type === 'coach-css' && cssRefused < 2) { cssRefused++; return 'refuse'; }
    if (m?.type !== 'analyze' || typeof m.text !== 'string') return null;
    if (m.text.includes('engine away') || m.text.length > 100000) return 'drop';
    if (m.text.includes('flaky') && !seen.has(m.text)) { seen.add(m.text); return 'drop'; }
    return null;
  };
  const bound = (target, key) => (typeof target[key] === 'function' ? target[key].bind(target) : target[key]);
  const onMessage = new Proxy(real.runtime.onMessage, {
    get: (t, k) => k !== 'addListener' ? bound(t, k) : (listener) => t.addListener((message, sender, sendResponse) => {
      const f = fault(message);
      if (f === 'drop') return false;
      if (f === 'refuse') { sendResponse({ error: 'refused by the test' }); return false; }
      return listener(message, sender, sendResponse);
    }),
  });
  const runtime = new Proxy(real.runtime, { get: (t, k) => (k === 'onMessage' ? onMessage : bound(t, k)) });
  Object.defineProperty(globalThis, 'browser', {
    value: new Proxy(real, { get: (t, k) => (k === 'runtime' ? runtime : bound(t, k)) }),
    configurable: true,
  });
}
`;

// The faulty copy of both test builds, for this process's browsers (extensionDir reads
// UNCANNED_DIST when a browser starts).
const faulty = mkdtempSync(join(tmpdir(), 'uncanned-faults-'));
for (const kind of BROWSERS) {
  const from = extensionDir(kind);
  const to = join(faulty, from.split(/[\\/]/).pop());
  cpSync(from, to, { recursive: true });
  const background = join(to, 'background.js');
  const source = readFileSync(background, 'utf8');
  if (!source.includes('globalThis.browser ?? globalThis.chrome')) throw new Error('background.js no longer finds its API as FAULTS expects');
  writeFileSync(background, FAULTS + source);
}
process.env.UNCANNED_DIST = faulty;

const MISSPELT = "Hi Rosa, I'd love to conect.";

function coachSeen(page) {
  return page.evaluate(() => {
    const coach = __t.coachFor(__t.noteBox());
    const root = coach.shadowRoot;
    return {
      status: coach.getAttribute('data-uncanned-status'),
      verdict: coach.getAttribute('data-uncanned-verdict'),
      rules: [...root.querySelectorAll('[data-rule]')].map((f) => f.dataset.rule),
      fixes: root.querySelectorAll('button[data-action="apply"]').length,
      marks: root.querySelectorAll('.mirror mark').length,
      label: root.querySelector('.verdict-label').textContent,
      styled: root.querySelector('style').textContent.length > 0,
    };
  });
}

const server = await startServer();
const timings = [];
after(async () => {
  await server.close();
  rmSync(faulty, { recursive: true, force: true });
  console.log(`timing faults: ${timings.join('; ')}`);
});

for (const kind of BROWSERS) {
  describe(`the coach when parts of the extension fail (${kind})`, () => {
    const ctx = useBrowser(kind, { server, timings });

    it('a stylesheet refused twice is asked for again, and the coach comes styled', async () => {
      const { page } = ctx.tab();
      await page.goto(server.url('/in/rosa-diaz/?ui=c'));
      await openNote(page);
      const seen = await coachSeen(page);
      assert.equal(seen.styled, true, 'the coach has its stylesheet');
      assert.deepEqual(ctx.tab().errors, []);
    });

    it('a request that gets no answer is sent again once', async () => {
      const { page } = ctx.tab();
      await typeInDialog(page, server.url('/in/rosa-diaz/?ui=c'), 'flaky: we met at RustConf');
      await waitForReport(page, { verdict: 'personal' });
      assert.equal((await coachSeen(page)).status, 'ok');
    });

    it('while the engine is away the coach says so and keeps no marks or fixes; it comes back by itself', async () => {
      const { page } = ctx.tab();
      await typeInDialog(page, server.url('/in/rosa-diaz/?ui=c'), MISSPELT);
      await waitForReport(page, { rules: ['misspelling'] });
      const before_ = await coachSeen(page);
      assert.ok(before_.fixes > 0 && before_.marks > 0, JSON.stringify(before_));

      await page.keyboard.type(' engine away');
      await waitFor(page, () => __t.coachFor(__t.noteBox()).getAttribute('data-uncanned-status') === 'away', undefined, { message: 'the coach saying the engine is away' });
      const away = await coachSeen(page);
      assert.deepEqual({ ...away, label: undefined }, { status: 'away', verdict: null, rules: [], fixes: 0, marks: 0, label: undefined, styled: true });
      assert.equal(away.label, 'Not checked');

      for (let i = 0; i < ' engine away'.length; i++) await page.keyboard.press('Backspace');
      await waitForReport(page, { rules: ['misspelling'] });
      assert.equal((await coachSeen(page)).status, 'ok');
      assert.deepEqual(ctx.tab().errors, []);
    });

    it('a note over the size cap is "too long to check", said without asking the background', async () => {
      const { page } = ctx.tab();
      await typeInDialog(page, server.url('/in/rosa-diaz/?ui=c&maxlength=0'), 'Hi Rosa');
      await waitForReport(page, {});
      // Inserted at once, as a paste inserts it.
      await page.evaluate(() => document.execCommand('insertText', false, ' x'.repeat(49997)));
      await waitFor(page, () => __t.coachFor(__t.noteBox()).getAttribute('data-uncanned-status') === 'too_long', undefined, { message: 'too long to check' });
      const seen = await coachSeen(page);
      assert.equal(seen.label, 'Too long to check');
      assert.deepEqual([seen.rules, seen.fixes, seen.marks, seen.verdict], [[], 0, 0, null]);
      assert.equal(await page.evaluate(() => __t.noteBox().value.length), 100001);
      await selectAll(page);
      await page.keyboard.type('Hi Rosa, we met at RustConf.');
      await waitForReport(page, { verdict: 'personal' });
      assert.equal((await coachSeen(page)).status, 'ok', 'a note of a normal size is checked again');
      assert.deepEqual(ctx.tab().errors, []);
    });

    it('no CSP report, no request beyond the pages\' own, nothing from the extension', async () => {
      console.log(await assertNothingLeaked({ server, since: ctx.since, tabs: [ctx.tab()], network: ctx.network, kind }));
    });
  });
}
