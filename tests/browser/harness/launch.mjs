// Launching the real browsers offline with the real built extension.
//
// Both browsers are driven by puppeteer-core against the system's own binaries; nothing here may
// download a browser.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { watchWorkers } from './leaks.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
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
  if (kind === 'chromium') {
    // Developer mode on, as for anyone who loads an unpacked build (README, "Install"): without
    // it Chromium disables an unpacked extension that reloads itself (runtime.reload()).
    fs.mkdirSync(path.join(profile, 'Default'));
    fs.writeFileSync(path.join(profile, 'Default', 'Preferences'), JSON.stringify({ extensions: { ui: { developer_mode: true } } }));
  }
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

