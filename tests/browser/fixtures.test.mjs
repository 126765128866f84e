// The fixtures on their own, without the extension: if these imitate LinkedIn wrongly (a tracker
// that counts page-world assignments, a stage switch that keeps the old node, a CSP that never
// reports), the extension tests would prove nothing.

import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import {
  BROWSERS, useBrowser, waitFor, waitForNoteBox, click, clickNoteBox, selectAll,
} from './harness.mjs';

const server = await startServer();
const timings = [];
after(async () => {
  await server.close();
  console.log(`timing fixtures: ${timings.join('; ')}`);
});

const pageState = (page) => page.evaluate(() => window.fixture.state());

for (const kind of BROWSERS) {
  describe(`fixtures (${kind})`, () => {
    const ctx = useBrowser(kind, { extension: false, server, timings });

    it('era B: the artdeco dialog opens asynchronously, counts real typing, closes on Dismiss', async () => {
      const { page } = ctx.tab();
      await page.goto(server.url('/in/jessica-moore/'));
      assert.equal(await page.title(), 'Jessica Moore | LinkedIn');
      assert.equal(await page.$eval('h1', (h) => h.textContent), 'Jessica Moore');
      await click(page, 'button[aria-label="Invite Jessica Moore to connect"]');
      assert.equal(await page.$('#artdeco-modal-outlet [role="dialog"]'), null, 'the dialog must not be there synchronously');
      await waitFor(page, () => Boolean(document.querySelector('#artdeco-modal-outlet > .artdeco-modal-overlay > div[role=dialog].artdeco-modal.send-invite[aria-labelledby="send-invite-modal"][data-test-modal]')), undefined, { message: 'the era B dialog' });
      const intro = await page.$eval('[role=dialog] .artdeco-modal__content p', (p) => p.innerHTML);
      assert.match(intro, /personalize your invitation to <strong>Jessica Moore<\/strong>\./);
      assert.ok(await page.$('#send-invite-modal'));
      assert.ok(await page.$('[role=dialog] button[aria-label="Dismiss"]'));
      assert.ok(await page.$('[role=dialog] button[aria-label="Send now"]'));

      await click(page, 'button[aria-label="Add a note"]');
      await waitForNoteBox(page);
      const box = await page.$eval('textarea#custom-message', (t) => ({ name: t.name, maxLength: t.maxLength }));
      assert.deepEqual(box, { name: 'message', maxLength: 300 });
      let state = await pageState(page);
      assert.equal(state.counter, '0/300');
      assert.equal(state.sendDisabled, true);
      assert.equal(await page.$eval('span[aria-live=polite]', (s) => s.textContent), '0/300');

      await clickNoteBox(page);
      await page.keyboard.type('Hello');
      state = await pageState(page);
      assert.equal(state.counter, '5/300');
      assert.equal(state.note, 'Hello');
      assert.equal(state.sendDisabled, false);

      await click(page, '[role=dialog] button[aria-label="Dismiss"]');
      assert.equal(await page.$('#artdeco-modal-outlet [role="dialog"]'), null);
    });

    it('era C: dialog in an open shadow root; the tracker ignores page-world .value, counts typing', async () => {
      const { page } = ctx.tab();
      await page.goto(server.url('/in/rosa-diaz/?ui=c'));
      assert.equal(await page.title(), 'Rosa Díaz | LinkedIn');
      await click(page, 'button[aria-label="Invite Rosa Díaz to connect"]');
      await waitFor(page, () => {
        const outlet = document.querySelector('div#interop-outlet[data-testid="interop-shadowdom"]');
        return Boolean(outlet?.shadowRoot?.querySelector('[role=dialog]'));
      }, undefined, { message: 'the era C dialog in the open shadow root' });
      const stage1 = await page.evaluate(() => {
        const d = document.querySelector('#interop-outlet').shadowRoot.querySelector('[role=dialog]');
        return {
          text: d.textContent,
          fixed: getComputedStyle(d.parentElement).position,
          labels: [...d.querySelectorAll('button')].map((b) => b.getAttribute('aria-label')),
          inLightDom: document.querySelectorAll('[role=dialog]').length,
        };
      });
      assert.match(stage1.text, /Add a note to your invitation\?/);
      assert.match(stage1.text, /Personalize your invitation to Rosa Díaz by adding a note/);
      assert.deepEqual(stage1.labels.sort(), ['Add a free note', 'Dismiss', 'Send without a note']);
      assert.equal(stage1.fixed, 'fixed');
      assert.equal(stage1.inLightDom, 0);

      await click(page, 'button[aria-label="Add a free note"]');
      await waitForNoteBox(page);
      const stage2 = await page.evaluate(() => {
        const root = document.querySelector('#interop-outlet').shadowRoot;
        const d = root.querySelector('[role=dialog]');
        const all = __t.all('textarea#custom-message');
        return {
          text: d.textContent,
          maxLength: __t.noteBox().getAttribute('maxlength'),
          name: __t.noteBox().name,
          hiddenCopies: all.filter((t) => !__t.visible(t)).length,
          labels: [...d.querySelectorAll('button')].map((b) => b.getAttribute('aria-label')),
        };
      });
      assert.match(stage2.text, /3 personalized invitations remaining for this month\./);
      assert.equal(stage2.maxLength, '200');
      assert.equal(stage2.name, 'message');
      assert.ok(stage2.hiddenCopies >= 2, 'hidden pre-rendered copies of the note box exist');
      assert.deepEqual(stage2.labels.sort(), ['Cancel adding a note', 'Dismiss', 'Send invitation']);
      let state = await pageState(page);
      assert.equal(state.counter, '0/200');
      assert.equal(state.sendDisabled, true);
      assert.equal(state.sendAriaDisabled, 'true');

      // What a page script (or a naive content script in the page's world) would do.
      await page.evaluate(() => window.fixture.assignValueAndDispatch('Hello from a script'));
      state = await pageState(page);
      assert.equal(await page.evaluate(() => __t.noteBox().value), 'Hello from a script');
      assert.equal(state.counter, '0/200', 'the tracker swallows a page-world assignment');
      assert.equal(state.sendDisabled, true);
      assert.equal(state.note, '');

      await clickNoteBox(page);
      await selectAll(page);
      await page.keyboard.type('Hi Rosa');
      state = await pageState(page);
      assert.equal(state.note, 'Hi Rosa');
      assert.equal(state.counter, '7/200');
      assert.equal(state.sendDisabled, false);
      assert.equal(state.sendAriaDisabled, 'false');

      // The stage switch replaces the node.
      const first = await page.evaluateHandle(() => __t.noteBox());
      await click(page, 'button[aria-label="Cancel adding a note"]');
      await click(page, 'button[aria-label="Add a free note"]');
      await waitForNoteBox(page);
      const replaced = await page.evaluate((old) => ({
        oldConnected: old.isConnected,
        same: old === __t.noteBox(),
        value: __t.noteBox().value,
      }), first);
      await first.dispose();
      assert.deepEqual(replaced, { oldConnected: false, same: false, value: '' });
      state = await pageState(page);
      assert.equal(state.counter, '0/200');

      await click(page, 'button[aria-label="Dismiss"]');
      assert.equal(await page.evaluate(() => __t.all('[role=dialog]').length), 0);
    });

    it('era C premium: no maxlength, the counter alone says 300', async () => {
      const { page } = ctx.tab();
      await page.goto(server.url('/in/marco-rossi/?ui=c&plan=premium&delay=50'));
      await click(page, 'button[aria-label="Invite Marco Rossi to connect"]');
      await click(page, 'button[aria-label="Add a note"]');
      await waitForNoteBox(page);
      assert.equal(await page.evaluate(() => __t.noteBox().hasAttribute('maxlength')), false);
      const state = await pageState(page);
      assert.equal(state.counter, '0/300');
      assert.doesNotMatch(await page.evaluate(() => __t.all('[role=dialog]')[0].textContent), /remaining for this month/);
    });

    it('era C SPA: the same dialog is reused for the next profile, the URL changes without a load', async () => {
      const { page } = ctx.tab();
      await page.goto(server.url('/in/jessica-moore/?ui=c&spa=1&delay=50'));
      const loads = server.requests.filter((r) => r.kind === '.html').length;
      await click(page, 'button[aria-label="Invite Jessica Moore to connect"]');
      await waitFor(page, () => __t.all('[role=dialog]').some(__t.visible));
      const dialog = await page.evaluateHandle(() => __t.all('[role=dialog]').find(__t.visible));
      await click(page, 'button[aria-label="Dismiss"]');
      await click(page, 'button[data-fixture-switch="marco-rossi"]');
      await waitFor(page, () => __t.all('[role=dialog]').some(__t.visible));
      const after_ = await page.evaluate((old) => ({
        same: old === __t.all('[role=dialog]').find(__t.visible),
        text: old.textContent,
        path: location.pathname,
        title: document.title,
        h1: document.querySelector('h1').textContent,
      }), dialog);
      await dialog.dispose();
      assert.equal(after_.same, true, 'the dialog element is reused');
      assert.match(after_.text, /invitation to Marco Rossi by adding a note/);
      assert.deepEqual([after_.path, after_.title, after_.h1], ['/in/marco-rossi/', 'Marco Rossi | LinkedIn', 'Marco Rossi']);
      assert.equal(server.requests.filter((r) => r.kind === '.html').length, loads, 'no page load');
    });

    it('era C other states: e-mail gate and out of free notes show no note box', async () => {
      const { page } = ctx.tab();
      await page.goto(server.url('/in/jessica-moore/?ui=c&gate=email&delay=0'));
      await click(page, 'button[aria-label="Invite Jessica Moore to connect"]');
      await waitFor(page, () => __t.all('input[type=email]').some(__t.visible), undefined, { message: 'the e-mail gate' });
      assert.equal(await page.evaluate(() => __t.noteBoxes().length), 0);
      await page.goto(server.url('/in/jessica-moore/?ui=c&quota=0&delay=0'));
      await click(page, 'button[aria-label="Invite Jessica Moore to connect"]');
      await click(page, 'button[aria-label="Add a free note"]');
      await waitFor(page, () => __t.all('[role=dialog]').some((d) => /out of free custom notes/.test(d.textContent)), undefined, { message: 'the upsell' });
      assert.equal(await page.evaluate(() => __t.noteBoxes().length), 0);
    });

    it('Sales Navigator: old .connect-cta-form and new labelled dialog', async () => {
      const { page } = ctx.tab();
      await page.goto(server.url('/sales/people/ACwAAAJessMoore01,NAME_SEARCH,k3Qd'));
      await click(page, 'button[aria-label="Open actions overflow menu"]');
      await click(page, '[role=menu] [data-fixture="connect"]');
      await waitForNoteBox(page);
      let box = await page.evaluate(() => {
        const t = __t.noteBox();
        return { id: t.id, maxLength: t.maxLength, inForm: Boolean(t.closest('.connect-cta-form')) };
      });
      assert.deepEqual(box, { id: 'connect-cta-form__invitation', maxLength: 300, inForm: true });

      await page.goto(server.url('/sales/lead/ACwAAAMarcoRossi2,NAME_SEARCH,p0Zx'));
      await click(page, 'button[aria-label="Open actions overflow menu"]');
      await click(page, '[role=menu] [data-fixture="connect"]');
      await waitForNoteBox(page);
      box = await page.evaluate(() => {
        const t = __t.noteBox();
        const d = t.closest('div[role=dialog][aria-labelledby="connect-cta-form__header"]');
        return {
          id: t.id,
          heading: d && d.querySelector('#connect-cta-form__header').textContent,
          person: d && d.querySelector('[data-anonymize="person-name"]').textContent,
        };
      });
      assert.deepEqual(box, { id: 'connect-cta-form__invitation', heading: 'Send invitation', person: 'Marco Rossi' });
      await clickNoteBox(page);
      await page.keyboard.type('Hi');
      assert.equal((await pageState(page)).counter, '2/300');
    });

    it('control page: text boxes, no note box', async () => {
      const { page } = ctx.tab();
      await page.goto(server.url('/feed/'));
      await click(page, '[data-fixture="start-post"]');
      await waitFor(page, () => Boolean(document.querySelector('[data-fixture="post"]')));
      const counts = await page.evaluate(() => ({ textareas: __t.all('textarea').length, noteBoxes: __t.noteBoxes().length }));
      assert.equal(counts.noteBoxes, 0);
      assert.ok(counts.textareas >= 3);
    });

    it('dark mode: theme--dark on <html>', async () => {
      const { page } = ctx.tab();
      await page.goto(server.url('/in/jessica-moore/?ui=c&theme=dark'));
      assert.equal(await page.evaluate(() => document.documentElement.classList.contains('theme--dark')), true);
    });

    it('the page scripts raised no errors', () => {
      assert.deepEqual(ctx.tab().errors, []);
    });

    it('the CSP reports violations to the server, and the fixtures themselves cause none', async () => {
      const { page } = ctx.tab();
      const before_ = server.cspReports.length;
      const fixtureReports = server.cspReports.filter((r) => !/csp-selftest/.test(JSON.stringify(r.report)));
      assert.deepEqual(fixtureReports, [], 'fixture pages must not violate their own CSP');
      await page.goto(server.url('/csp-selftest'));
      assert.equal(await page.$eval('#result', (p) => p.textContent), 'inline script blocked');
      const deadline = Date.now() + 5_000;
      while (server.cspReports.length === before_ && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.ok(server.cspReports.length > before_, 'a CSP violation reached /csp-report');
      const report = server.cspReports.at(-1).report['csp-report'] ?? server.cspReports.at(-1).report;
      assert.match(JSON.stringify(report), /script-src/);
      const other = server.unexpected().filter((r) => r.path !== '/csp-report');
      assert.deepEqual(other, [], 'the pages made only the requests a page makes by itself');
    });
  });
}
