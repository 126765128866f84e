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

// The facts the page shows beside the dialog, as the extension's adapter sends them.
const JOANA = {
  first_name: 'Joana',
  full_name: 'Joana Lima',
  headline: 'Engenheira de dados na Nubank',
  about: 'Trabalho com pagamentos e gosto de ensinar o que aprendi com a minha equipe.',
  mutuals: ['Marcos Souza', 'Ana Lima'],
  mutual_count: 12,
  shared_school: 'Universidade do Porto',
  posts: ['Por que nossas métricas mentiam'],
};

test('the page’s facts: one unnamed-mutuals fix a named person, rewrites filled and ranked', () => {
  const note = 'I see we have some mutual connections, so I thought I’d reach out.';
  const report = analyze(note, { recipient: JOANA, lang: 'en' });
  const f = report.findings.find((x) => x.rule === 'unnamed-mutuals');
  assert.deepEqual(f.fixes.map((x) => x.replacement), ['We both know Marcos Souza', 'We both know Ana Lima']);
  assert.equal(note.slice(f.fixes[0].span.start, f.fixes[0].span.end), 'I see we have some mutual connections');

  const { suggestions } = suggest(CANNED, { recipient: { ...JOANA, mutuals: [] }, limit: 200, lang: 'en' });
  assert.equal(suggestions[0].intent, 'studied_together');
  assert.ok(suggestions[0].text.includes('we both studied at Universidade do Porto'), suggestions[0].text);
  assert.equal(suggestions[0].lang, 'en');
  // A Portuguese profile and an English browser: the same list also has Portuguese rewrites.
  const pt = suggestions.filter((s) => s.lang === 'pt');
  assert.ok(pt.length >= 1 && pt.every((s) => s.text.startsWith('Olá Joana,')), JSON.stringify(suggestions));
  for (const s of suggestions) assert.ok(s.text.length <= 200, s.text);
});

test('a page without the facts gets the rewrites it always got', () => {
  const plain = suggest(CANNED, { recipient: SAM, limit: 200 }).suggestions;
  const empty = suggest(CANNED, {
    recipient: { ...SAM, mutuals: [], posts: [], shared_school: null, about: '' },
    limit: 200,
  }).suggestions;
  assert.deepEqual(empty, plain);
  assert.ok(plain.some((s) => s.text.includes('[who you both know]')));
});

test('malformed page facts are errors that name the field', () => {
  assert.throws(() => analyze('hi', { recipient: { mutuals: 'Marcos' } }), /mutuals/);
  assert.throws(() => analyze('hi', { recipient: { mutuals: [3] } }), /mutuals/);
  assert.throws(() => suggest('hi', { recipient: { posts: {} } }), /posts/);
  assert.throws(() => analyze('hi', { recipient: { mutual_count: 1.5 } }), /mutual_count/);
  assert.throws(() => analyze('hi', { recipient: { shared_school: 7 } }), /shared_school/);
  assert.equal(analyze(CANNED, {}).verdict, 'canned');
});
