// The coach alone in a page, as the playground uses it: its files from the built extension, in
// the order its manifest loads them, run in the page's own world.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clickNoteBox, extensionDir, openNote } from './harness.mjs';
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
