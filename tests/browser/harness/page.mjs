// A tab with the page-world helpers (page-helpers.js) and reading what it shows: waiting for the
// note box, the coach and its report.

import fs from 'node:fs';

// Injected as text: the helpers run in the page's world, not in this process.
const PAGE_HELPERS = fs.readFileSync(new URL('./page-helpers.js', import.meta.url), 'utf8');

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
