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
import { before, after, beforeEach } from 'node:test';
import puppeteer from 'puppeteer-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BROWSERS = (process.env.UNCANNED_BROWSERS || 'chromium,firefox').split(',').map((s) => s.trim()).filter(Boolean);

const EXECUTABLES = { chromium: '/usr/bin/chromium', firefox: '/usr/bin/firefox-esr' };
const EXTENSION_DIRS = { chromium: 'dist/test-chrome', firefox: 'dist/test-firefox' };

// The extension must be the one `make extension` builds, with its content scripts opened up to
// the fixture server. Anything else is a set-up error, reported as such instead of as a pass.
// UNCANNED_DIST points at another dist/ (holding test-chrome/ and test-firefox/), e.g. a
// deliberately broken copy, to check that the suite notices.
export function extensionDir(kind) {
  const dist = process.env.UNCANNED_DIST ? path.resolve(process.env.UNCANNED_DIST) : path.join(ROOT, 'dist');
  const dir = path.join(dist, path.basename(EXTENSION_DIRS[kind]));
  const label = dir.startsWith(ROOT + path.sep) ? path.relative(ROOT, dir) : dir;
  const manifestPath = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestPath)) {
    throw new Error(`${label}/manifest.json is missing: build the extension first (\`make extension\`).`);
  }
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    throw new Error(`${label}/manifest.json is not valid JSON: ${error.message}`);
  }
  const matches = (manifest.content_scripts || []).flatMap((cs) => cs.matches || []);
  if (!matches.some((m) => m.startsWith('http://127.0.0.1'))) {
    throw new Error(`${label} does not run on http://127.0.0.1/*: it is not the test build (content_scripts.matches = ${JSON.stringify(matches)}).`);
  }
  for (const cs of manifest.content_scripts) {
    for (const file of cs.js || []) {
      if (!fs.existsSync(path.join(dir, file))) throw new Error(`${label}: content script ${file} is missing.`);
    }
  }
  return dir;
}

const live = new Set();
// A test file that dies half-way must not leave browsers or profiles behind.
process.on('exit', () => {
  for (const session of live) session.killNow();
});
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.once(signal, () => process.exit(code));
}

// `proxyPort`: the fixture server's port. Every request for a host other than loopback goes
// through it, so it is logged there (and fails: nothing leaves the machine).
// `firefoxPrefs`: extra preferences for a Firefox profile (Chromium has no equivalent here).
export async function launch(kind, { extension = true, proxyPort = null, firefoxPrefs = {}, chromiumArgs = [] } = {}) {
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
        ...(proxyPort ? [`--proxy-server=http://127.0.0.1:${proxyPort}`] : []),
        ...chromiumArgs,
      ],
    }
    : {
      browser: 'firefox',
      executablePath: EXECUTABLES.firefox,
      headless: true,
      userDataDir: profile,
      extraPrefsFirefox: {
        // Fewer of Firefox's own background requests; the rest reach the proxy, which tells
        // them apart from anything the extension would send.
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        'services.settings.server': 'http://127.0.0.1:9/',
        'browser.safebrowsing.provider.mozilla.updateURL': '',
        'extensions.getAddons.cache.enabled': false,
        // performance.now() is otherwise rounded to 1 ms: too coarse for keystroke latency.
        'privacy.reduceTimerPrecision': false,
        ...(proxyPort ? {
          'network.proxy.type': 1,
          'network.proxy.http': '127.0.0.1',
          'network.proxy.http_port': proxyPort,
          'network.proxy.ssl': '127.0.0.1',
          'network.proxy.ssl_port': proxyPort,
          'network.proxy.allow_hijacking_localhost': false,
        } : {}),
        ...firefoxPrefs,
      },
    };
  const session = {
    kind,
    browser: null,
    extensionId: null,
    workerNetwork: null,
    profile,
    timings: { launch: 0 },
    killNow() {
      const pid = browser?.process()?.pid;
      if (pid) {
        // The browser leads its own process group (puppeteer starts it detached): take its
        // renderers and content processes down with it, or they keep writing to the profile.
        try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
        try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
      }
      try {
        fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
      } catch { /* best effort */ }
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
    // Before the install: the service worker starts as soon as the extension is installed.
    if (extDir && kind === 'chromium') session.workerNetwork = await watchWorkers(browser);
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
  // The element a click at (x, y) lands on, looking into open shadow roots.
  function hitDeep(x, y) {
    let hit = document.elementFromPoint(x, y);
    while (hit && hit.shadowRoot) {
      const inner = hit.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    return hit;
  }
  function containsDeep(outer, node) {
    for (let n = node; n; ) {
      if (n === outer) return true;
      const parent = n.parentNode;
      n = parent instanceof ShadowRoot ? parent.host : parent;
    }
    return false;
  }
  // The centre of el in viewport coordinates if a click there would reach it, else null.
  function clickPoint(el) {
    const point = () => {
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + Math.min(r.height / 2, 12);
      return containsDeep(el, hitDeep(x, y)) ? { x, y } : null;
    };
    const r = el.getBoundingClientRect();
    if (r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth) {
      el.scrollIntoView({ block: 'center', inline: 'center' });
    }
    // Out of sight inside a scrolled box (the coach's panel, a dialog): scroll it, as a user would.
    if (!point()) el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    return point();
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
    value: Object.freeze({ roots, all, visible, closestDeep, hitDeep, clickPoint, activeDeep, coaches, noteBoxes, noteBox, coachFor, describe, latencyProbe, watchFocus }),
  });
})();`;

// Registers the hooks of one `describe` block: a browser (with the extension unless told
// otherwise), one tab, and the network watch, all closed afterwards whatever happened. A set-up
// failure (no build, a browser that won't start) is rethrown by every test through `ctx.tab()`,
// so each one fails with the reason instead of merely being cancelled.
export function useBrowser(kind, { extension = true, server, timings, firefoxPrefs, chromiumArgs }) {
  const ctx = { kind, session: null, network: null, since: null, error: null };
  let tab = null;
  let started = 0;
  before(async () => {
    started = performance.now();
    ctx.since = mark(server);
    try {
      ctx.session = await launch(kind, { extension, proxyPort: server.port, firefoxPrefs, chromiumArgs });
      ctx.network = watchExtensionNetwork(ctx.session);
      tab = await newPage(ctx.session);
    } catch (error) {
      ctx.error = error;
    }
  });
  after(async () => {
    await ctx.network?.stop();
    await ctx.session?.close();
    timings?.push(`${kind} ${seconds(performance.now() - started)}${ctx.session ? ` (launch ${seconds(ctx.session.timings.launch)})` : ', not started'}`);
  });
  // Each test answers for the errors raised while it ran.
  beforeEach(() => {
    if (tab) tab.errors.length = 0;
  });
  ctx.tab = () => {
    if (ctx.error) throw ctx.error;
    return tab;
  };
  return ctx;
}

// ---- Waiting for things --------------------------------------------------------------------

// Polls `fn(arg)` in the page until it returns something truthy and serialisable (a boolean or
// plain data: a DOM node does not survive WebDriver BiDi). A plain evaluate loop: cheaper
// than waitForFunction over WebDriver BiDi, and a navigation in between is simply retried.
export async function waitFor(page, fn, arg, { timeout = 5_000, interval = 10, message } = {}) {
  const deadline = performance.now() + timeout;
  for (;;) {
    let value;
    try {
      value = await page.evaluate(fn, arg);
    } catch (error) {
      if (!/context|destroyed|navigat|detached|__t is not defined/i.test(String(error?.message))) throw error;
    }
    if (value) return value;
    if (performance.now() > deadline) {
      const state = await coachState(page).catch((e) => `unreadable: ${e.message}`);
      throw new Error(`${message || 'condition'} not met within ${timeout} ms; page state: ${JSON.stringify(state)}`);
    }
    await new Promise((r) => setTimeout(r, interval));
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

// A real mouse click on the first visible element (in any open root) matching `selector`, at
// its centre, once nothing else (a backdrop, an injected panel) covers that point.
export async function click(page, selector, { timeout = 5_000 } = {}) {
  const point = await waitFor(page, (s) => {
    const el = __t.all(s).find(__t.visible);
    return el ? __t.clickPoint(el) : null;
  }, selector, { timeout, message: `a visible, uncovered ${selector}` });
  await page.mouse.click(point.x, point.y);
}

export async function clickNoteBox(page) {
  const point = await waitFor(page, () => {
    const box = __t.noteBox();
    return box ? __t.clickPoint(box) : null;
  }, undefined, { message: 'a visible, uncovered note box' });
  await page.mouse.click(point.x, point.y);
}

// Opens the era C invitation dialog on a fixture profile and its note stage, as a member would:
// Connect, then "Add a free note"; resolves once the note box and its coach are there.
export async function openNote(page, name = 'Rosa Díaz') {
  await click(page, `button[aria-label="Invite ${name} to connect"]`);
  await click(page, 'button[aria-label="Add a free note"]');
  await waitForNoteBox(page);
  await waitForCoach(page);
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

// ---- What the extension asks the network for ---------------------------------------------

// Chromium only: every request made by a worker of the browser (the extension's service worker
// and any worker it starts), from its first instruction on. A browser-level auto-attach pauses
// each new worker until Network is enabled on it, so not even the start-up fetches are missed.
// The extension's own files are its business; any other URL is something the site, or someone,
// would see. Content scripts fetch through the page, which `newPage` records.
async function watchWorkers(browser) {
  const requests = [];
  const root = await browser.target().createCDPSession();
  const connection = root.connection();
  root.on('Target.attachedToTarget', async (event) => {
    const worker = connection.session(event.sessionId);
    if (!worker) return;
    const type = event.targetInfo.type;
    worker.on('Network.requestWillBeSent', (e) => requests.push({ url: e.request.url, type, from: event.targetInfo.url }));
    // A paused worker acknowledges Network.enable only once it runs: send it first (so it is
    // on the wire ahead of the resume), and wait for the answer after resuming, or the worker
    // stays paused for good.
    const start = async () => {
      const enabled = worker.send('Network.enable').catch(() => {});
      await worker.send('Runtime.runIfWaitingForDebugger').catch(() => {});
      await enabled;
    };
    // A stopped worker that is woken again (an event for the extension) comes back under the
    // same session, paused once more.
    worker.on('Inspector.targetReloadedAfterCrash', start);
    await start();
  });
  await root.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: true,
    flatten: true,
    filter: [
      { type: 'service_worker', exclude: false },
      { type: 'worker', exclude: false },
      { type: 'shared_worker', exclude: false },
      { exclude: true },
    ],
  });
  return {
    requests,
    supported: true,
    stop: () => root.detach().catch(() => {}),
  };
}

export function watchExtensionNetwork(session) {
  const watch = session.workerNetwork;
  if (!watch) return { requests: [], supported: false, foreign: () => [], stop: async () => {} };
  const prefix = `chrome-extension://${session.extensionId}/`;
  return { ...watch, foreign: () => watch.requests.filter((r) => !r.url.startsWith(prefix)) };
}

// ---- Nothing leaked ------------------------------------------------------------------------

export function mark(server) {
  return { reports: server.cspReports.length, requests: server.requests.length };
}

// On LinkedIn a CSP report or an odd request is the site learning that the extension is there
// (or worse, what the user typed). Everything the server saw since `since` must be what the
// fixture pages fetch by themselves, every request the tabs made must go to the fixture server,
// and (Chromium) the extension's own contexts must have fetched nothing but their own files.
export async function assertNothingLeaked({ server, since, tabs, network, kind }) {
  // Reports are sent asynchronously after the violation.
  await new Promise((r) => setTimeout(r, 300));
  const reports = server.cspReports.slice(since.reports).map((r) => r.report);
  if (reports.length) throw new Error(`${kind}: ${reports.length} CSP report(s) reached the server: ${JSON.stringify(reports).slice(0, 2000)}`);
  const recent = server.requests.slice(since.requests);
  if (!recent.some((r) => r.kind === '.html')) throw new Error(`${kind}: the server saw no page load at all; the log is not being recorded`);
  const unexpected = server.unexpected().filter((r) => recent.includes(r));
  if (unexpected.length) throw new Error(`${kind}: requests no fixture page makes: ${JSON.stringify(unexpected, null, 1).slice(0, 2000)}`);
  const foreignFromTabs = tabs.flatMap((t) => t.requests).filter((url) => !url.startsWith(server.origin + '/') && !/^(?:about|data):/.test(url));
  if (foreignFromTabs.length) throw new Error(`${kind}: the tabs requested URLs off the fixture server: ${foreignFromTabs.join(', ')}`);
  if (network?.supported) {
    const foreign = network.foreign();
    if (foreign.length) throw new Error(`${kind}: the extension's own contexts fetched: ${foreign.map((r) => r.url).join(', ')}`);
  }
  const own = recent.filter((r) => r.kind !== 'proxied').length;
  const housekeeping = server.browserOwn().filter((r) => recent.includes(r)).length;
  const workers = network?.supported ? `${network.requests.length} from the extension's worker, all its own files` : 'extension worker not observable here (its off-machine requests would reach the proxy)';
  return `network ${kind}: ${own} page requests, all the fixtures' own; ${workers}; ${housekeeping} browser housekeeping requests ignored; 0 CSP reports`;
}
