// The background answers each message type only for the context that sends it, and refuses an
// oversized field with a message saying which one, before the engine sees anything
// (extension/message-policy.js; the caps are in extension/README.md). The extension's own pages
// are driven in both browsers. The content script's context is asked directly in Chromium (its
// isolated world, through the DevTools protocol); Firefox's WebDriver BiDi lists only a tab's
// window realm, not the extension's sandbox, so there the test build's message hook
// (tests/browser/hooks/content-messages.js) sends the same messages from that context. In
// Chromium both ways are taken and must get the same replies.

import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { BROWSERS, useBrowser, openNote, assertNothingLeaked } from './harness.mjs';
import { EXTENSION_PAGE_PREFS, openExtensionPage } from './extension-pages.mjs';

const CANNED = "I'd like to add you to my professional network on LinkedIn.";
const NOTE_CAP = 100_000;
const FIELD_CAP = 4_000;

const server = await startServer();
const timings = [];
after(async () => {
  await server.close();
  console.log(`timing messages: ${timings.join('; ')}`);
});

// Sends each message from one context, in order, and returns the replies.
const SEND_ALL = async (messages) => {
  const api = globalThis.browser ?? globalThis.chrome;
  const replies = [];
  for (const message of messages) replies.push(await api.runtime.sendMessage(message));
  return replies;
};

// Chromium: evaluates `fn(arg)` in the extension's isolated world on `page` (the content script's
// own realm, with its runtime API), through the DevTools protocol.
async function inContentScript(page, extensionId, fn, arg) {
  const cdp = await page.createCDPSession();
  const contexts = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}`);
  assert.ok(world, `the content script's world on the page (contexts: ${JSON.stringify(contexts.map((c) => [c.name, c.origin, c.auxData?.type]))})`);
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression: `(${fn})(${JSON.stringify(arg)})`,
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value;
}

// The test build's hook sends `messages` from the content script's context on `page`; → the replies.
async function throughHook(page, messages) {
  const replies = await page.evaluate((json) => new Promise((resolve) => {
    window.addEventListener('uncanned-test-replies', (e) => resolve(e.detail), { once: true });
    window.dispatchEvent(new CustomEvent('uncanned-test-send', { detail: json }));
  }), JSON.stringify(messages));
  return JSON.parse(replies);
}

for (const kind of BROWSERS) {
  describe(`the background's message policy (${kind})`, () => {
    const ctx = useBrowser(kind, { server, timings, firefoxPrefs: EXTENSION_PAGE_PREFS });

    it('an extension page gets rule titles, and a refusal for the engine, the stylesheet and an oversized field', async () => {
      const options = await openExtensionPage(ctx.session, 'options/options.html');
      const [rules, analyze, css, options_, longLang, fitting] = await options.evaluate(SEND_ALL, [
        { type: 'rules', lang: 'en' },
        { type: 'analyze', seq: 1, text: CANNED },
        { type: 'coach-css' },
        { type: 'open-options' },
        { type: 'rules', lang: 'e'.repeat(FIELD_CAP + 1) },
        { type: 'rules', lang: 'e'.repeat(FIELD_CAP) },
      ]);
      await options.close();
      assert.ok(Array.isArray(rules) && rules.some((r) => r.id === 'canned-default'), `rule titles: ${JSON.stringify(rules).slice(0, 200)}`);
      const notHere = (type) => ({ error: `'${type}' is answered only for the content script on LinkedIn; this came from the extension's own pages` });
      assert.deepEqual(analyze, notHere('analyze'));
      assert.deepEqual(css, notHere('coach-css'));
      assert.deepEqual(options_, notHere('open-options'));
      assert.deepEqual(longLang, { error: `lang is ${FIELD_CAP + 1} UTF-16 units long; the cap is ${FIELD_CAP}` });
      // At the cap, an unknown language is simply English.
      assert.ok(Array.isArray(fitting), JSON.stringify(fitting).slice(0, 200));
      assert.deepEqual(options.errors, []);
    });

    it('the content script gets the engine, and a refusal for rule titles and an oversized note or field', async () => {
      const { page } = ctx.tab();
      await page.goto(server.url('/in/rosa-diaz/?ui=c&delay=50'));
      await openNote(page);
      const headline = 'h'.repeat(FIELD_CAP + 1);
      const messages = [
        { type: 'analyze', seq: 1, text: CANNED, context: { limit: 200 } },
        { type: 'rules', lang: 'en' },
        { type: 'analyze', seq: 2, text: 'a'.repeat(NOTE_CAP) },
        { type: 'analyze', seq: 3, text: 'a'.repeat(NOTE_CAP + 1) },
        { type: 'suggest', seq: 4, text: CANNED, context: { recipient: { full_name: 'Rosa Díaz', headline } } },
      ];
      const replies = kind === 'chromium'
        ? await inContentScript(page, ctx.session.extensionId, SEND_ALL, messages)
        : await throughHook(page, messages);
      const [report, rules, atCap, overCap, longHeadline] = replies;
      assert.equal(report.verdict, 'canned');
      assert.deepEqual(rules, { error: "'rules' is answered only for the extension's own pages; this came from the content script on LinkedIn" });
      assert.ok(atCap.verdict, `a note at the cap is analysed: ${JSON.stringify(atCap).slice(0, 200)}`);
      assert.deepEqual(overCap, { error: `text is ${NOTE_CAP + 1} UTF-16 units long; the cap is ${NOTE_CAP}` });
      assert.deepEqual(longHeadline, { error: `context.recipient.headline is ${FIELD_CAP + 1} UTF-16 units long; the cap is ${FIELD_CAP}` });
      if (kind === 'chromium') {
        assert.deepEqual(await throughHook(page, messages), replies, 'the hook, used in Firefox, gets what the content script itself gets');
      }
      assert.deepEqual(ctx.tab().errors, []);
    });

    it('no CSP report, no request beyond the pages\' own, nothing from the extension', async () => {
      if (kind === 'firefox') {
        // The extension-page test loads no fixture page; the leak check needs one to trust its log.
        const { page } = ctx.tab();
        await page.goto(server.url('/in/rosa-diaz/?ui=c&delay=50'));
        await openNote(page);
      }
      console.log(await assertNothingLeaked({ server, since: ctx.since, tabs: [ctx.tab()], network: ctx.network, kind }));
    });
  });
}
