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
// `coach: false` for a browser without the extension.
export async function typeInDialog(page, url, text, { coach = true } = {}) {
  await page.goto(url);
  await openNote(page, undefined, { coach });
  await clickNoteBox(page);
  await page.keyboard.type(text);
}

// Types `text` one real key at a time at the end of the focused note box, each key only once
// the coach has shown the analysis of the text it made and a frame was drawn after it (with
// `coach: false`, only the frame; or 2 s went by). → per keystroke { update, frame, written,
// shown, painted }: the ms from keydown to the coach's next change (null where it did not change
// before the next key), the ms to the end of the first frame after its input event, the
// characters the coach wrote into its DOM from that key to the next; and from the key's input
// event (its timeStamp) to the coach showing the analysis of the text that key made (its
// `data-uncanned-length` set to that text's length) and to the end of the frame after that; and
// `beyondFrame`, how long after the end of the browser's first frame after the key the coach
// showed it (negative: before that frame was done).
// `paceMs`: keys at least this far apart, so that two runs typing alike give the main thread the
// same time per key whatever each waits for. `text`: characters of one UTF-16 unit each.
export async function typeTimed(page, text, { coach = true, paceMs = 0 } = {}) {
  await page.evaluate((withCoach) => {
    window.__probe = __t.latencyProbe(withCoach ? __t.coachFor(__t.noteBox()) : null);
    window.__probe.base = __t.noteBox().value.length;
  }, coach);
  let last = -Infinity;
  for (const ch of text) {
    const wait = last + paceMs - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    last = performance.now();
    await page.keyboard.type(ch);
    await page.waitForFunction((withCoach) => {
      const p = window.__probe;
      const after = (times) => times.length && times.at(-1) >= p.keys.at(-1);
      const length = p.base + p.keys.length;
      return after(p.frames) && (!withCoach || (p.shown.some(([, n]) => n === length) && p.painted.length === p.shown.length));
    }, { polling: 5, timeout: 2_000 }, coach).catch((error) => {
      // A keystroke the coach never reacted to is counted, not fatal here.
      if (error?.name !== 'TimeoutError') throw error;
    });
  }
  return page.evaluate(() => {
    const { keys, changes, written, frames, inputs, shown, painted, base } = window.__probe;
    window.__probe.stop();
    return keys.map((k, i) => {
      const inTurn = (t) => t >= k && t < (keys[i + 1] ?? Infinity);
      const after = (t) => (t === undefined ? null : t - k);
      const at = shown.findIndex(([t, n]) => n === base + i + 1 && t >= inputs[i]);
      const frame = frames.find(inTurn);
      return {
        update: after(changes.find(inTurn)),
        frame: after(frame),
        written: written.filter(([t]) => inTurn(t)).reduce((n, [, chars]) => n + chars, 0),
        shown: at < 0 || inputs[i] === undefined ? null : shown[at][0] - inputs[i],
        painted: at < 0 || painted[at] === undefined ? null : painted[at] - inputs[i],
        beyondFrame: at < 0 || frame === undefined ? null : shown[at][0] - frame,
      };
    });
  });
}

// `ms`: per keystroke, ms or null. → { got: the ones that are not null, sorted; line:
// "p50 …, p95 … (n=…)" for the log }.
export function latencyFigures(ms, { missed: what = 'keystrokes without a coach update' } = {}) {
  const got = ms.filter((s) => s !== null).sort((a, b) => a - b);
  const missed = ms.length - got.length;
  const line = `p50 ${fmtMs(percentile(got, 50))}, p95 ${fmtMs(percentile(got, 95))} (n=${got.length}${missed ? `, ${missed} ${what}` : ''})`;
  return { got, line };
}
