// Builds the playground into dist/www/: the page, the wasm engine, and the coach and strings
// of the extension itself (copied, never forked), so the playground shows exactly what the
// extension does. Run by `make www` after `make wasm`. Node's standard library only.

import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { coachFiles, coachStringsScript } from './coach-strings.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist', 'www');

const copies = [
  ['www', '.'],
  ['build/pkg/uncanned.js', 'engine/uncanned.js'],
  ['build/pkg/uncanned_bg.wasm', 'engine/uncanned_bg.wasm'],
  ['build/pkg/snippets', 'engine/snippets'],
  ['extension/content/coach.css', 'coach/coach.css'],
  ['extension/_locales', '_locales'],
  ['extension/icons', 'icons'],
];

for (const [from] of copies) {
  if (!existsSync(join(ROOT, from))) {
    console.error(`www: ${from} is missing${from.startsWith('build') ? '; run `make wasm` first' : ''}`);
    process.exit(1);
  }
}
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
for (const [from, to] of copies) {
  const target = join(OUT, to);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(ROOT, from), target, { recursive: true });
}
// The coach's files, in the content script's order, as one script for the page.
const manifest = JSON.parse(readFileSync(join(ROOT, 'extension', 'manifest.json'), 'utf8'));
const coach = coachFiles(manifest).map((file) => file === 'content/coach/strings.js'
  ? coachStringsScript(ROOT)
  : readFileSync(join(ROOT, 'extension', file), 'utf8'));
writeFileSync(join(OUT, 'coach', 'coach.js'), coach.join('\n'));
console.log('dist/www: the playground; `make serve` to try it');
