// The extension's own pages (options, popup) opened in a tab and driven the same way in both
// browsers: evaluate in them, click like a user, type with real keys.
//
// Chromium lets puppeteer drive chrome-extension:// pages like any other page. Firefox's WebDriver
// BiDi leaves extension contexts out of what it reports (bug 1755014) and refuses to navigate to
// them unless the remote agent is allowed system access. With that access (the environment
// variable below, read when Firefox starts), a tab can still be sent to a moz-extension:// URL
// and evaluated in by its context id, and input actions reach it. The extension's UUID, random
// per profile, is pinned through the profile preference `extensions.webextensions.uuids`, so its
// pages have a known address without asking the extension to reveal it to a web page.
//
//   const ctx = useBrowser(kind, { server, firefoxPrefs: EXTENSION_PAGE_PREFS, … });
//   const options = await openExtensionPage(ctx.session, 'options/options.html');
//   await options.click('#expecting'); await options.page.keyboard.type('…');
//   await waitFor(options, () => …);   // the harness's waitFor accepts it like a page

import fs from 'node:fs';
import path from 'node:path';
import { ROOT, newPage, waitFor } from './harness.mjs';

// Inherited by the browsers this test process launches, and only by them.
process.env.MOZ_REMOTE_ALLOW_SYSTEM_ACCESS = '1';

const GECKO_ID = JSON.parse(fs.readFileSync(path.join(ROOT, 'extension', 'manifest.json'), 'utf8'))
  .browser_specific_settings.gecko.id;
const FIREFOX_UUID = 'c0ffee00-0000-4000-8000-0000000000a1';

export const EXTENSION_PAGE_PREFS = Object.freeze({
  'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
});

export function extensionBase(session) {
  return session.kind === 'firefox'
    ? `moz-extension://${FIREFOX_UUID}/`
    : `chrome-extension://${session.extensionId}/`;
}

// Firefox: a script in the page's own realm by raw BiDi, its result passed back as JSON.
async function bidiEvaluate(session, context, fn, arg) {
  const expression = `(async () => JSON.stringify(await (${fn})(${JSON.stringify(arg)})))()`;
  const { result } = await session.browser.connection.send('script.evaluate', {
    expression, target: { context }, awaitPromise: true,
  });
  if (result.type === 'exception') {
    throw new Error(`in ${context}: ${result.exceptionDetails?.text ?? 'exception'}`);
  }
  const value = result.result?.value;
  return value === undefined ? undefined : JSON.parse(value);
}

// Opens `relative` (e.g. 'popup/popup.html') in a new tab and resolves once the page says it is
// ready (`<html data-ready="true">`). `errors` holds what the page reported going wrong: console
// errors and uncaught exceptions in Chromium; in Firefox, uncaught exceptions and rejections
// after the page was ready, complete once the page is closed.
export async function openExtensionPage(session, relative) {
  const url = extensionBase(session) + relative;
  const tab = await newPage(session);
  const { page } = tab;
  let evaluate;
  if (session.kind === 'firefox') {
    const context = page.mainFrame()._id;
    await session.browser.connection.send('browsingContext.navigate', { context, url, wait: 'complete' });
    evaluate = (fn, arg) => bidiEvaluate(session, context, fn, arg);
  } else {
    await page.goto(url);
    evaluate = (fn, arg) => page.evaluate(fn, arg);
  }
  // Firefox: BiDi reports nothing from these pages, so the page keeps its own record of errors
  // from the moment it is ready, read back on close.
  const collectFirefoxErrors = async () => {
    const seen = await evaluate(() => globalThis.__pageErrors ?? []).catch(() => []);
    tab.errors.push(...seen);
  };
  const handle = {
    page,
    url,
    errors: tab.errors,
    evaluate,
    // A real mouse click at the centre of the first element matching `selector`, once it is
    // visible and nothing covers it.
    async click(selector) {
      const point = await waitFor(handle, (s) => {
        const el = document.querySelector(s);
        if (!el) return null;
        el.scrollIntoView({ block: 'nearest' });
        const r = el.getBoundingClientRect();
        if (r.width < 1 || r.height < 1) return null;
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        const hit = document.elementFromPoint(x, y);
        return hit && (hit === el || el.contains(hit)) ? { x, y } : null;
      }, selector, { message: `a visible, uncovered ${selector} on ${relative}` });
      await page.mouse.click(point.x, point.y);
    },
    // In front and taking input: a click sent the moment a background tab is brought forward
    // can be lost in headless Chromium.
    async bringToFront() {
      await page.bringToFront();
      await waitFor(handle, () => document.visibilityState === 'visible' && document.hasFocus(), undefined, { message: `${relative} in front, focused` });
    },
    async close() {
      if (session.kind === 'firefox') await collectFirefoxErrors();
      await page.close();
    },
  };
  await waitFor(handle, () => document.documentElement.dataset.ready === 'true', undefined, { message: `${relative} ready` });
  if (session.kind === 'firefox') {
    await evaluate(() => {
      globalThis.__pageErrors = [];
      addEventListener('error', (e) => globalThis.__pageErrors.push(`pageerror: ${e.message}`));
      addEventListener('unhandledrejection', (e) => globalThis.__pageErrors.push(`unhandledrejection: ${e.reason?.message ?? e.reason}`));
    });
  }
  return handle;
}

// The URLs of the tabs showing one of the extension's pages, e.g. the options page that the
// coach's Settings button opened, with a way to close each.
export async function extensionTabs(session) {
  const base = extensionBase(session);
  if (session.kind === 'firefox') {
    const connection = session.browser.connection;
    const { result } = await connection.send('browsingContext.getTree', { maxDepth: 0 });
    return result.contexts.filter((c) => c.url.startsWith(base)).map((c) => ({
      url: c.url,
      close: () => connection.send('browsingContext.close', { context: c.context }),
    }));
  }
  const pages = await session.browser.pages();
  return pages.filter((p) => p.url().startsWith(base)).map((p) => ({ url: p.url(), close: () => p.close() }));
}

// The popup opened as a page answers for whichever tab is active when it refreshes (on focus).
export async function popupState(popup, { want, message }) {
  await popup.evaluate(() => window.dispatchEvent(new Event('focus')));
  return waitFor(popup, (want) => {
    const state = document.getElementById('status').dataset.state;
    return state === want ? state : false;
  }, want, { message });
}

// Brought to the front, the popup refreshes for its own tab (not LinkedIn); clicking before that
// answer is in would race the redraw.
export async function popupInFront(popup) {
  await popup.bringToFront();
  await waitFor(popup, () => document.getElementById('status').dataset.state === 'elsewhere', undefined, { message: 'the popup refreshed for its own tab' });
}
