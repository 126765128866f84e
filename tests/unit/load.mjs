// The coach's pure parts are classic scripts (content scripts share one namespace object); they
// run here in Node's own realm, so what they return compares like any other value.

import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function loadCoachPart(file) {
  const path = join(ROOT, 'extension', 'content', 'coach', file);
  vm.runInThisContext(readFileSync(path, 'utf8'), { filename: path });
  return globalThis.Uncanned.coachParts;
}
