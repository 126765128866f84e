// The coach's English strings have one source, extension/_locales/en/messages.json (the `coach_`
// keys, which the translations mirror). The build turns them into content/coach/strings.js, the
// coach's built-in English for pages that pass no `messages` (and for any key a translation
// lacks). Placeholders become $1, $2, … as the coach substitutes them.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const COACH_PREFIX = 'coach_';

// { key without the prefix: text with $1-style placeholders }
export function coachStrings(catalogue) {
  const out = {};
  for (const [key, entry] of Object.entries(catalogue)) {
    if (!key.startsWith(COACH_PREFIX)) continue;
    out[key.slice(COACH_PREFIX.length)] = entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content;
      if (!/^\$\d$/.test(content ?? '')) throw new Error(`${key}: placeholder ${whole} has no $n content`);
      return content;
    });
  }
  return out;
}

export function coachStringsScript(root) {
  const catalogue = JSON.parse(readFileSync(join(root, 'extension', '_locales', 'en', 'messages.json'), 'utf8'));
  return `// Written by scripts/coach-strings.mjs from _locales/en/messages.json: edit that file instead.
(function (U) {
  'use strict';
  U.coachStrings = ${JSON.stringify(coachStrings(catalogue), null, 2).replace(/\n/g, '\n  ')};
})(globalThis.Uncanned || (globalThis.Uncanned = {}));
`;
}

// The coach's files in the order the manifest's content script loads them.
export function coachFiles(manifest) {
  return manifest.content_scripts.flatMap((s) => s.js ?? []).filter((f) => f.startsWith('content/coach/'));
}
