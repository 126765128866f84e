// The coach's English has one source, _locales/en/messages.json; the build derives the coach's
// built-in strings from it (scripts/coach-strings.mjs), and every key the coach asks for is there.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { ROOT } from './load.mjs';
import { coachStrings, coachStringsScript } from '../../scripts/coach-strings.mjs';

const en = JSON.parse(readFileSync(join(ROOT, 'extension', '_locales', 'en', 'messages.json'), 'utf8'));
const COACH = join(ROOT, 'extension', 'content', 'coach');

test('placeholders become $1, $2 as the coach fills them', () => {
  const strings = coachStrings(en);
  assert.equal(strings.length, '$1 of $2 characters');
  assert.equal(strings.announce, 'Note: $1');
  assert.equal(strings.verdict_canned, en.coach_verdict_canned.message);
  assert.throws(() => coachStrings({ coach_x: { message: '$A$', placeholders: {} } }), /coach_x/);
});

test('the generated script sets Uncanned.coachStrings from the catalogue', () => {
  const sandbox = {};
  vm.runInNewContext(coachStringsScript(ROOT), sandbox);
  assert.equal(sandbox.Uncanned.coachStrings.rewrite_use, en.coach_rewrite_use.message);
});

test('no English string is written in the coach itself, and every key it asks for exists', () => {
  const strings = coachStrings(en);
  const sources = readdirSync(COACH).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(COACH, f), 'utf8'));
  for (const src of sources) {
    for (const [key, text] of Object.entries(strings)) {
      // Short words ("Settings", "Tip") may well be in a comment; a sentence may not.
      if (text.length > 20) assert.ok(!src.includes(JSON.stringify(text).slice(1, -1)), `"${text}" is written in the coach (${key})`);
    }
    for (const [, key] of src.matchAll(/msg\('([a-z_]+)'[,)]/g)) {
      assert.ok(key in strings, `msg('${key}') has no coach_${key} in _locales/en`);
    }
    for (const [, prefix] of src.matchAll(/msg\('([a-z_]+_)' \+/g)) {
      assert.ok(Object.keys(strings).some((k) => k.startsWith(prefix)), `no coach_${prefix}* strings`);
    }
  }
  for (const v of ['canned', 'needs_context', 'personal', 'pending', 'away', 'too_long']) assert.ok(`verdict_${v}` in strings, v);
  for (const v of ['away', 'too_long']) assert.ok(`verdict_${v}_hint` in strings, v);
});
