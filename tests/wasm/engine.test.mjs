// The rest of the wasm's face: rewrites, the rule list for the options page, the context fields
// the extension sends, and the size budget every user downloads. Needs `make wasm` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

import { initSync, analyze, suggest, rules } from '../../build/pkg/uncanned.js';

const WASM = new URL('../../build/pkg/uncanned_bg.wasm', import.meta.url);
initSync({ module: readFileSync(WASM) });

const CANNED = "I'd like to add you to my professional network on LinkedIn.";
const SAM = { first_name: 'Sam', full_name: 'Sam Okafor' };

test('the wasm stays under its budget: 100 KiB gzipped, as it travels', () => {
  const raw = readFileSync(WASM);
  const gzipped = gzipSync(raw, { level: 9 }).length;
  console.log(`wasm size: ${raw.length} bytes, ${gzipped} gzipped`);
  assert.ok(gzipped <= 100 * 1024, `${gzipped} bytes gzipped`);
});

test('suggest returns ready-to-send rewrites with UTF-16 slot spans', () => {
  const recipient = { first_name: 'Zoë', full_name: 'Zoë 🌍 Okafor' };
  const { suggestions } = suggest(`🎉 ${CANNED}`, { recipient, limit: 200 });
  assert.ok(suggestions.length >= 3 && suggestions.length <= 5, `${suggestions.length}`);
  for (const s of suggestions) {
    assert.equal(typeof s.intent, 'string');
    assert.ok(s.text.length <= 200, s.text);
    assert.ok(s.text.startsWith('Hi Zoë,'), s.text);
    assert.ok(s.slots.length > 0);
    for (const { start, end } of s.slots) {
      const slot = s.text.slice(start, end);
      assert.ok(slot.startsWith('[') && slot.endsWith(']'), slot);
    }
    // A rewrite is never itself canned.
    const report = analyze(s.text, { recipient });
    assert.ok(!report.findings.some((f) => f.rule.startsWith('canned-')), s.text);
  }
});

test('suggest answers in the note’s language', () => {
  const { suggestions } = suggest('Me gustaría añadirte a mi red profesional en LinkedIn.', { recipient: SAM });
  assert.ok(suggestions.every((s) => s.text.startsWith('Hola Sam,')), JSON.stringify(suggestions));
});

test('rules lists every rule with a name in the requested language', () => {
  const en = rules('en');
  const de = rules('de-DE');
  assert.equal(en.length, 14);
  assert.deepEqual(de.map((r) => r.id), en.map((r) => r.id));
  assert.ok(en.some((r) => r.id === 'canned-default' && r.title === "LinkedIn's default text"));
  assert.ok(de.some((r) => r.id === 'canned-default' && r.title === 'LinkedIns Standardtext'));
  assert.deepEqual(rules(undefined), en);
});

test('the context the extension sends: language, rules turned off, expecting', () => {
  const de = analyze('Hi, are you hiring?', { lang: 'de', disabled_rules: ['job-ask'] });
  assert.ok(!de.findings.some((f) => f.rule === 'job-ask'));
  const missing = de.findings.find((f) => f.rule === 'missing-context');
  assert.ok(missing.message.startsWith('Nichts hier'), missing.message);
  const expecting = analyze(CANNED, { expecting: true });
  assert.equal(expecting.findings.find((f) => f.rule === 'canned-default').severity, 'hint');
});

test('malformed context fields are errors that name the field', () => {
  assert.throws(() => analyze('hi', { disabled_rules: 'job-ask' }), /disabled_rules/);
  assert.throws(() => analyze('hi', { disabled_rules: [1] }), /disabled_rules/);
  assert.throws(() => analyze('hi', { lang: 5 }), /lang/);
  assert.throws(() => suggest('hi', { recipient: 'Sam' }), /recipient/);
  assert.throws(() => analyze('hi', { expecting: 'yes' }), /expecting/);
  // The module still works afterwards.
  assert.equal(analyze(CANNED, {}).verdict, 'canned');
});
