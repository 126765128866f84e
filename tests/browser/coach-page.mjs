// The coach alone in a page, as the playground uses it: its files from the built extension, in
// the order its manifest loads them, run in the page's own world.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clickNoteBox, extensionDir, fmtMs, openNote, percentile } from './harness.mjs';
import { coachFiles } from '../../scripts/coach-strings.mjs';

export function coachSource(kind) {
  const dir = extensionDir(kind);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  return coachFiles(manifest).map((file) => readFileSync(join(dir, file), 'utf8')).join('\n');
}

// A blank page with the coach's code loaded (Uncanned.coach in the page's world).
export async function loadCoach(page, kind) {
  await page.goto('about:blank');
  await page.evaluate(coachSource(kind));
}

// Era C's dialog on `url` opened as a member would, and `text` typed into its note with real keys.
export async function typeInDialog(page, url, text) {
  await page.goto(url);
  await openNote(page);
  await clickNoteBox(page);
  await page.keyboard.type(text);
}

// Types `text` one real key at a time into the focused note box, each key only once the coach
// has reacted to the one before (or 2 s went by). → per keystroke, the ms from keydown to the
// coach's next change, or null where it did not change before the next key.
export async function typeTimed(page, text) {
  await page.evaluate(() => {
    window.__probe = __t.latencyProbe(__t.coachFor(__t.noteBox()));
  });
  for (const ch of text) {
    await page.keyboard.type(ch);
    await page.waitForFunction(() => {
      const p = window.__probe;
      return p.changes.length && p.changes.at(-1) >= p.keys.at(-1);
    }, { polling: 5, timeout: 2_000 }).catch((error) => {
      // A keystroke the coach never reacted to is counted, not fatal here.
      if (error?.name !== 'TimeoutError') throw error;
    });
  }
  return page.evaluate(() => {
    const { keys, changes } = window.__probe;
    window.__probe.stop();
    return keys.map((k, i) => {
      const next = keys[i + 1] ?? Infinity;
      const c = changes.find((t) => t >= k && t < next);
      return c === undefined ? null : c - k;
    });
  });
}

// → { got: the samples that reacted, sorted; line: "p50 …, p95 … (n=…)" for the log }.
export function latencyFigures(samples) {
  const got = samples.filter((s) => s !== null).sort((a, b) => a - b);
  const missed = samples.length - got.length;
  const line = `p50 ${fmtMs(percentile(got, 50))}, p95 ${fmtMs(percentile(got, 95))} (n=${got.length}${missed ? `, ${missed} keystrokes without a coach update` : ''})`;
  return { got, line };
}
