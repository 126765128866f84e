// Launching the real browsers offline, loading the real built extension, and reading the page
// (including every open shadow root) the way a user would see it.
//
// Both browsers are driven by puppeteer-core against the system's own binaries; nothing here may
// download a browser. Each test file runs its scenarios in both, one browser instance per file
// per browser.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BROWSERS = (process.env.UNCANNED_BROWSERS || 'chromium,firefox').split(',').map((s) => s.trim()).filter(Boolean);

const EXECUTABLES = { chromium: '/usr/bin/chromium', firefox: '/usr/bin/firefox-esr' };
const EXTENSION_DIRS = { chromium: 'dist/test-chrome', firefox: 'dist/test-firefox' };

// The extension must be the one `make extension` builds, with its content scripts opened up to
// the fixture server. Anything else is a set-up error, reported as such instead of as a pass.
export function extensionDir(kind) {
  const dir = path.join(ROOT, EXTENSION_DIRS[kind]);
  const manifestPath = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestPath)) {
    throw new Error(`${EXTENSION_DIRS[kind]}/manifest.json is missing: build the extension first (\`make extension\`).`);
  }
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    throw new Error(`${EXTENSION_DIRS[kind]}/manifest.json is not valid JSON: ${error.message}`);
  }
  const matches = (manifest.content_scripts || []).flatMap((cs) => cs.matches || []);
  if (!matches.some((m) => m.startsWith('http://127.0.0.1'))) {
    throw new Error(`${EXTENSION_DIRS[kind]} does not run on http://127.0.0.1/*: it is not the test build (content_scripts.matches = ${JSON.stringify(matches)}).`);
  }
  for (const cs of manifest.content_scripts) {
    for (const file of cs.js || []) {
      if (!fs.existsSync(path.join(dir, file))) throw new Error(`${EXTENSION_DIRS[kind]}: content script ${file} is missing.`);
    }
  }
  return dir;
}

const live = new Set();
// A test file that dies half-way must not leave browsers or profiles behind.
process.on('exit', () => {
  for (const session of live) session.killNow();
});

export async function launch(kind, { extension = true } = {}) {
  const started = performance.now();
  const extDir = extension ? extensionDir(kind) : null;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), `uncanned-${kind}-`));
  let browser;
  const options = kind === 'chromium'
    ? {
      browser: 'chrome',
      executablePath: EXECUTABLES.chromium,
      headless: true,
      pipe: true,
      enableExtensions: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--enable-unsafe-extension-debugging',
        `--user-data-dir=${profile}`,
      ],
    }
    : {
      browser: 'firefox',
      executablePath: EXECUTABLES.firefox,
      headless: true,
      userDataDir: profile,
      extraPrefsFirefox: {
        // Nothing may leave the machine: no captive-portal probe, no remote settings.
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        'services.settings.server': 'http://127.0.0.1:9/',
        'browser.safebrowsing.provider.mozilla.updateURL': '',
        'extensions.getAddons.cache.enabled': false,
      },
    };
  const session = {
    kind,
    browser: null,
    extensionId: null,
    profile,
    timings: { launch: 0 },
    killNow() {
      try { browser?.process()?.kill('SIGKILL'); } catch { /* already gone */ }
      try { fs.rmSync(profile, { recursive: true, force: true }); } catch { /* best effort */ }
    },
    async close() {
      live.delete(session);
      let timer;
      try {
        await Promise.race([browser?.close(), new Promise((r) => { timer = setTimeout(r, 10_000); })]);
      } catch { /* fall through to the kill */ } finally {
        clearTimeout(timer);
      }
      session.killNow();
    },
  };
  live.add(session);
  try {
    browser = await puppeteer.launch(options);
    session.browser = browser;
    if (extDir) session.extensionId = await browser.installExtension(extDir);
  } catch (error) {
    await session.close();
    throw error;
  }
  session.timings.launch = performance.now() - started;
  return session;
}

// A fresh tab that records what the page says went wrong and every request it makes.
export async function newPage(session) {
  const page = await session.browser.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error?.message ?? error}`));
  page.on('request', (request) => requests.push(request.url()));
  await page.evaluateOnNewDocument(PAGE_HELPERS);
  page.setDefaultTimeout(10_000);
  return { page, errors, requests };
}

// Helpers installed in each document's page world as `__t`. The extension's content scripts run
// in an isolated world and cannot see them. They see what a user sees: every open shadow root,
// visible elements only.
const PAGE_HELPERS = `(() => {
  const NOTE_BOX = 'textarea#custom-message, textarea#connect-cta-form__invitation';
  const DIALOG = '[role="dialog"], .connect-cta-form';
  function roots() {
    const out = [document];
    for (let i = 0; i < out.length; i++) {
      for (const el of out[i].querySelectorAll('*')) if (el.shadowRoot) out.push(el.shadowRoot);
    }
    return out;
  }
  function all(selector) {
    return roots().flatMap((r) => [...r.querySelectorAll(selector)]);
  }
  function visible(el) {
    if (!el || !el.isConnected) return false;
    if (el.checkVisibility && !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 1 && r.height > 1;
  }
  function closestDeep(el, selector) {
    for (let node = el; node; ) {
      const hit = node.closest(selector);
      if (hit) return hit;
      const root = node.getRootNode();
      node = root instanceof ShadowRoot ? root.host : null;
    }
    return null;
  }
  function activeDeep() {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    return a;
  }
  function coaches() { return all('[data-uncanned-coach]'); }
  function noteBoxes() { return all(NOTE_BOX).filter(visible); }
  function noteBox() {
    const boxes = noteBoxes();
    return boxes.length === 1 ? boxes[0] : null;
  }
  // The coach serving a note box sits in the same dialog (or, without one, the same root).
  function coachFor(box) {
    if (!box) return null;
    const scope = closestDeep(box, DIALOG) || box.getRootNode();
    const mine = coaches().filter((c) => scope.contains(c) || closestDeep(c, DIALOG) === scope);
    if (mine.length === 1) return mine[0];
    // A coach may also live outside the dialog (an overlay of its own); if it is the only one,
    // it is the one serving this box.
    const every = coaches();
    return mine.length === 0 && every.length === 1 ? every[0] : null;
  }
  function describe(coach) {
    if (!coach) return null;
    const root = coach.shadowRoot;
    const findings = root ? [...root.querySelectorAll('[data-rule]')] : [];
    return {
      verdict: coach.getAttribute('data-uncanned-verdict'),
      rules: findings.map((f) => f.getAttribute('data-rule')),
      applies: findings.map((f) => f.querySelectorAll('button[data-action="apply"]').length),
      visible: visible(coach),
      hasShadow: Boolean(root),
    };
  }
  // One keystroke-to-coach-update probe: keydown times, and the times the coach's verdict or
  // rendering changed (host attributes, or anything in its shadow tree except inline geometry).
  function latencyProbe(coach) {
    const keys = [];
    const changes = [];
    const onKey = () => keys.push(performance.now());
    window.addEventListener('keydown', onKey, true);
    const observer = new MutationObserver((records) => {
      const t = performance.now();
      if (records.some((r) => r.type !== 'attributes' || r.attributeName !== 'style')) changes.push(t);
    });
    observer.observe(coach, { attributes: true });
    if (coach.shadowRoot) observer.observe(coach.shadowRoot, { subtree: true, childList: true, characterData: true, attributes: true });
    return {
      keys, changes,
      stop() { observer.disconnect(); window.removeEventListener('keydown', onKey, true); },
    };
  }
  // Whether focus or the caret ever left the box while the test typed.
  function watchFocus(box) {
    const events = [];
    const onBlur = () => events.push('blur');
    box.addEventListener('blur', onBlur);
    return { events, stop() { box.removeEventListener('blur', onBlur); } };
  }
  Object.defineProperty(window, '__t', {
    value: Object.freeze({ roots, all, visible, closestDeep, activeDeep, coaches, noteBoxes, noteBox, coachFor, describe, latencyProbe, watchFocus }),
  });
})();`;

// ---- Waiting for things --------------------------------------------------------------------

export async function waitFor(page, fn, arg, { timeout = 5_000, interval = 15, message } = {}) {
  try {
    const handle = await page.waitForFunction(fn, { timeout, polling: interval }, arg);
    const value = await handle.jsonValue().catch(() => true);
    await handle.dispose().catch(() => {});
    return value;
  } catch (error) {
    if (error?.name !== 'TimeoutError' && !/timeout/i.test(String(error?.message))) throw error;
    const state = await coachState(page).catch((e) => `unreadable: ${e.message}`);
    throw new Error(`${message || 'condition'} not met within ${timeout} ms; coach state: ${JSON.stringify(state)}`);
  }
}

// The visible note box's coach, described; null when there is no box or no coach for it.
export function coachState(page) {
  return page.evaluate(() => {
    const box = __t.noteBox();
    return {
      box: Boolean(box),
      coaches: __t.coaches().length,
      coach: __t.describe(__t.coachFor(box)),
      value: box ? box.value : null,
    };
  });
}

export function waitForNoteBox(page, opts) {
  return waitFor(page, () => Boolean(__t.noteBox()), undefined, { message: 'a visible note box', ...opts });
}

export function waitForCoach(page, opts) {
  return waitFor(page, () => {
    const coach = __t.coachFor(__t.noteBox());
    return Boolean(coach && coach.shadowRoot && __t.visible(coach));
  }, undefined, { message: 'a visible coach for the note box', ...opts });
}

// Waits until the coach shows `verdict` (if given), every rule in `rules`, and none in `absent`,
// and still does `settle` ms later: a late answer for older text must not be what passed.
export async function waitForReport(page, { verdict, rules = [], absent = [], settle = 150, timeout = 5_000 } = {}) {
  const want = { verdict: verdict ?? null, rules, absent };
  const check = (w) => {
    const d = __t.describe(__t.coachFor(__t.noteBox()));
    if (!d) return false;
    if (w.verdict && d.verdict !== w.verdict) return false;
    if (!w.rules.every((r) => d.rules.includes(r))) return false;
    if (w.absent.some((r) => d.rules.includes(r))) return false;
    return true;
  };
  const what = `verdict ${verdict ?? 'any'}${rules.length ? ` with ${rules.join(', ')}` : ''}${absent.length ? ` without ${absent.join(', ')}` : ''}`;
  await waitFor(page, check, want, { timeout, message: what });
  if (settle > 0) {
    await new Promise((r) => setTimeout(r, settle));
    await waitFor(page, check, want, { timeout: 1_000, message: `${what} (still, after ${settle} ms)` });
  }
  return coachState(page);
}

// ---- Acting like a user ------------------------------------------------------------------

// A real click on the first visible element (in any open root) matching `selector`.
export async function click(page, selector, { timeout = 5_000 } = {}) {
  await waitFor(page, (s) => __t.all(s).some(__t.visible), selector, { timeout, message: `a visible ${selector}` });
  const handle = await page.evaluateHandle((s) => __t.all(s).find(__t.visible), selector);
  try {
    await handle.asElement().click();
  } finally {
    await handle.dispose().catch(() => {});
  }
}

export async function clickNoteBox(page) {
  const handle = await page.evaluateHandle(() => __t.noteBox());
  try {
    const el = handle.asElement();
    if (!el) throw new Error('no visible note box to click');
    await el.click();
  } finally {
    await handle.dispose().catch(() => {});
  }
}

export async function selectAll(page) {
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Control');
}

export async function undo(page) {
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyZ');
  await page.keyboard.up('Control');
}

// ---- Reporting ----------------------------------------------------------------------------

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function fmtMs(ms) {
  return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}

export function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}
