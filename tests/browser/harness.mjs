// The browser tests' harness, one file a job (harness/):
//
// - launch.mjs       the real browsers, offline, with the built extension
// - page.mjs         a tab with the page-world helpers (page-helpers.js, injected as it is);
//                    waiting for the note box, the coach, a report
// - actions.mjs      real clicks and keys
// - leaks.mjs        what the extension and the pages fetched; no CSP report, no foreign request
// - report.mjs       figures for the log
// - script-time.mjs  Chromium: the content scripts' share of the main thread (V8's profiler)
// - use-browser.mjs  a `describe` block's browser, tab and network watch
// - background.mjs   the extension's background suspended as the browser would
//
// Test files import from here; the names stay put when the files behind them move.

export { ROOT, BROWSERS, extensionDir, launch } from './harness/launch.mjs';
export { newPage, waitFor, coachState, waitForNoteBox, waitForCoach, waitForReport } from './harness/page.mjs';
export { click, clickNoteBox, openNote, selectAll, undo } from './harness/actions.mjs';
export { watchExtensionNetwork, mark, assertNothingLeaked } from './harness/leaks.mjs';
export { percentile, fmtMs, seconds } from './harness/report.mjs';
export { extensionScriptTime } from './harness/script-time.mjs';
export { useBrowser } from './harness/use-browser.mjs';
export { suspendBackground, SHORT_IDLE_PREFS, FIREFOX_IDLE_MS } from './harness/background.mjs';
