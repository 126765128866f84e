// The wasm build as the extension calls it: plain objects in and out, UTF-16 spans, errors that
// throw instead of killing the module. Needs `make wasm` and `make cli` first (build/pkg/, and
// the CLI whose JSON the objects must equal).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

import { initSync, analyze, suggest } from '../../build/pkg/uncanned.js';

const engine = initSync({ module: readFileSync(new URL('../../build/pkg/uncanned_bg.wasm', import.meta.url)) });

const CANNED = "I'd like to add you to my professional network on LinkedIn.";
const PERSONAL =
  'Hi Marco, great talking with you at the Berlin Rust meetup last Thursday about embedded ' +
  "async. I'd love to keep in touch.";
const VERDICTS = ['canned', 'needs_context', 'personal'];
const SEVERITIES = ['error', 'warning', 'hint'];
const CHECKLIST = [
  'not_canned',
  'greets_by_name',
  'how_we_know',
  'why_connect',
  'offers_value',
  'within_limit',
  'no_placeholders',
  'spelling_ok',
];

const isPlain = (v) => v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

function assertSpan(span, text) {
  assert.ok(isPlain(span), `span is a plain object: ${JSON.stringify(span)}`);
  assert.deepEqual(Object.keys(span).sort(), ['end', 'start']);
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end));
  assert.ok(0 <= span.start && span.start <= span.end && span.end <= text.length, JSON.stringify(span));
  // A boundary between the two halves of a surrogate pair would cut an emoji in the editor.
  for (const at of [span.start, span.end]) {
    const low = text.charCodeAt(at);
    assert.ok(!(low >= 0xdc00 && low <= 0xdfff), `span edge ${at} splits a surrogate pair`);
  }
}

/** Checks `report` against the JSON contract shared with the CLI and the extension. */
function assertReport(report, text) {
  assert.ok(isPlain(report), 'the report is a plain object, not a Map or a class');
  const keys = Object.keys(report).sort();
  const base = ['checklist', 'context', 'findings', 'length', 'verdict'];
  // `omitted` appears only when a rule had more findings than are listed.
  assert.deepEqual(keys.filter((k) => k !== 'omitted'), base);
  for (const { rule, count } of report.omitted ?? []) {
    assert.equal(typeof rule, 'string');
    assert.ok(Number.isInteger(count) && count > 0, `${rule}: ${count}`);
    assert.ok(report.findings.some((f) => f.rule === rule), rule);
  }
  assert.ok(VERDICTS.includes(report.verdict), report.verdict);
  assert.ok(isPlain(report.length));
  assert.equal(report.length.used, text.length, 'length is counted in UTF-16 units, as the box counts');
  assert.ok(Number.isInteger(report.length.limit) && report.length.limit > 0);
  assert.ok(isPlain(report.checklist));
  assert.deepEqual(Object.keys(report.checklist).sort(), [...CHECKLIST].sort());
  for (const key of CHECKLIST) assert.equal(typeof report.checklist[key], 'boolean', key);
  assert.ok(Array.isArray(report.context) && Array.isArray(report.findings));
  for (const hit of report.context) {
    assert.ok(isPlain(hit));
    assert.equal(typeof hit.kind, 'string');
    assert.equal(typeof hit.cue, 'string');
    assertSpan(hit.span, text);
  }
  for (const f of report.findings) {
    assert.ok(isPlain(f));
    assert.deepEqual(Object.keys(f).sort(), ['fixes', 'message', 'rule', 'severity', 'span']);
    assert.match(f.rule, /^[a-z]+(-[a-z]+)*$/);
    assert.ok(SEVERITIES.includes(f.severity), f.severity);
    assert.ok(typeof f.message === 'string' && f.message.length > 0);
    assertSpan(f.span, text);
    assert.ok(Array.isArray(f.fixes));
    for (const fix of f.fixes) {
      assert.ok(isPlain(fix));
      assert.equal(typeof fix.label, 'string');
      assert.equal(typeof fix.replacement, 'string');
      assertSpan(fix.span, text);
    }
  }
}

const rules = (report) => report.findings.map((f) => f.rule);

test('the canned default: a plain report with the contract shape', () => {
  const report = analyze(CANNED, null);
  assertReport(report, CANNED);
  assert.equal(report.verdict, 'canned');
  assert.ok(rules(report).includes('canned-default'), rules(report).join());
  // The report crosses to the content script by structured clone and to the UI as JSON.
  assert.deepEqual(JSON.parse(JSON.stringify(report)), report);
  assert.deepEqual(structuredClone(report), report);
});

test('spans are UTF-16 offsets: emoji before the canned sentence', () => {
  const text = "🎉🎉 I'd like to add you to my professional network on LinkedIn.";
  const report = analyze(text, undefined);
  assertReport(report, text);
  const f = report.findings.find((f) => f.rule === 'canned-default');
  assert.ok(f, rules(report).join());
  assert.equal(f.span.start, 5, 'two emoji are four UTF-16 units, then a space');
  assert.match(text.slice(f.span.start, f.span.end), /^I'd like to add you to my professional network on LinkedIn\.?$/);
  assert.equal(report.length.used, 64);
});

test('spans are UTF-16 offsets: emoji around a request written without spaces', () => {
  const text = '🎉🎉 您好，我想把您加入我的领英职业网络。🎉';
  const report = analyze(text, undefined);
  assertReport(report, text);
  assert.equal(report.verdict, 'canned');
  const f = report.findings.find((f) => f.rule === 'canned-generic');
  assert.ok(f, rules(report).join());
  assert.equal(text.slice(f.span.start, f.span.end), '您好，我想把您加入我的领英职业网络');
});

test('fixes apply by UTF-16 offsets', () => {
  const text = "🎉 Hi Rosa, I really enjoyed your webinar on accessible forms. I'd love to conect and learn more.";
  const report = analyze(text, { recipient: { first_name: 'Rosa', full_name: 'Rosa Diaz' } });
  assertReport(report, text);
  const f = report.findings.find((f) => f.rule === 'misspelling');
  assert.ok(f, rules(report).join());
  assert.equal(text.slice(f.span.start, f.span.end), 'conect');
  const fix = f.fixes[0];
  assert.ok(fix, 'a misspelling offers its correction');
  const fixed = text.slice(0, fix.span.start) + fix.replacement + text.slice(fix.span.end);
  assert.ok(fixed.includes("I'd love to connect and"), fixed);
});

test('null, undefined, missing and partial contexts all work', () => {
  for (const ctx of [null, undefined, {}, { limit: null }, { recipient: null }]) {
    assertReport(analyze(CANNED, ctx), CANNED);
  }
  assertReport(analyze(CANNED), CANNED);
  assert.equal(analyze(CANNED, {}).length.limit, 300);
});

test('a full context is read', () => {
  const ctx = {
    recipient: { first_name: 'Marco', full_name: 'Marco Ricci' },
    limit: 200,
    sender_name: 'Ana Lima',
    expecting: false,
  };
  const report = analyze(PERSONAL, ctx);
  assertReport(report, PERSONAL);
  assert.equal(report.length.limit, 200);
  assert.equal(report.verdict, 'personal');
  assert.equal(report.checklist.greets_by_name, true);
});

test('a malformed context throws an Error and the module lives on', () => {
  for (const ctx of [{ limit: 'abc' }, { recipient: 'Marco' }, { expecting: 'yes' }, 42, 'ctx']) {
    assert.throws(
      () => analyze(CANNED, ctx),
      (e) => e instanceof Error && typeof e.message === 'string' && e.message.length > 0,
      JSON.stringify(ctx),
    );
  }
  // A wasm trap would leave the instance unusable; an Error must not.
  assertReport(analyze(CANNED, null), CANNED);
});

test('the empty note', () => {
  const report = analyze('', null);
  assertReport(report, '');
  assert.equal(report.length.used, 0);
});

test('a 100 KB paste returns promptly with sane spans', () => {
  const parts = [
    "Hi Marco, great talking with you at the Berlin Rust meetup. ",
    "I'd like to add you to my professional network on LinkedIn. ",
    '🎉 Congrats on the new role at 株式会社サンプル! ',
    'Tell me about {{company}} and your plans for [Project]. ',
    'I recieve many notes; this one is diffrent.\n',
  ];
  let text = '';
  for (let i = 0; text.length < 100 * 1024; i++) text += parts[i % parts.length];
  const started = performance.now();
  const report = analyze(text, { limit: 300 });
  const ms = performance.now() - started;
  assertReport(report, text);
  assert.equal(report.checklist.within_limit, false);
  assert.ok(rules(report).includes('over-limit'), rules(report).join());
  // Thousands of misspellings and slots are listed a few a rule, the rest counted.
  assert.ok(report.findings.length < 60, `${report.findings.length} findings`);
  assert.ok(report.omitted.some((o) => o.rule === 'misspelling' && o.count > 300), JSON.stringify(report.omitted));
  // Generous: the point is that nothing is quadratic; a keystroke-time call is far below this.
  assert.ok(ms < 5000, `took ${ms.toFixed(0)} ms`);
});

// The allocator (src/wasm/alloc.rs) keeps freed blocks for the next request of their size: pastes
// analysed again and again reuse the memory the first one took, as a tab open all day does.
test('memory freed by one analysis is reused by the next', () => {
  let text = '';
  for (let i = 0; text.length < 50 * 1024; i++) text += `I recieve your [Name] notes, Marco ${i}. 🎉 株式会社!\n`;
  const context = { recipient: { first_name: 'Marco', full_name: 'Marco Ricci' }, limit: 300 };
  const round = () => {
    for (let i = 0; i < 30; i++) {
      analyze(text, context);
      suggest(text.slice(0, 2000 + i), context);
    }
  };
  // The first round may take a block of each size it needs; whether one of the growing
  // prefixes first needs a larger block there depends on the note's findings, not on reuse.
  round();
  const after = engine.memory.buffer.byteLength;
  round();
  round();
  assert.equal(engine.memory.buffer.byteLength, after, 'sixty more analyses of the same paste grew the memory');
});

// The objects are built in JavaScript from what the engine writes (src/wasm/objects.js), so their
// shape is checked against the CLI's JSON, which serde writes from the report's own types: the
// same fields in the same order, the same values, for every note of the development set and a
// few that reach the rarer parts (omitted findings, text beyond ASCII, slots).
test('the objects are the CLI’s JSON, field for field, on every note of the development set', () => {
  const binary = new URL('../../target/release/uncanned', import.meta.url);
  assert.ok(existsSync(binary), 'target/release/uncanned is missing: run `make cli`');
  const devset = readFileSync(new URL('../devset/notes.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
  const inputs = devset.flatMap((n) => [
    { text: n.text },
    { text: n.text, recipient: n.recipient, sender_name: 'Ana Lima', limit: 200 },
  ]);
  for (const text of [
    'I recieve your [Name] notes. '.repeat(40),
    '🎉 Glückwunsch zur neuen Rolle bei 株式会社サンプル! Ich würde mich gerne vernetzen, {{first_name}}.',
    "Hi Marco, I'd like to add you to my professional netwrok on LinkedIn.",
  ]) {
    inputs.push({ text }, { text, recipient: { first_name: 'Marco', full_name: 'Marco Ricci' } });
  }
  const lines = inputs.map((i) => JSON.stringify(i)).join('\n');
  const cli = (command) => {
    const run = spawnSync(binary.pathname, [command, '--jsonl'], { input: lines, encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.equal(run.stderr, '', command);
    const out = run.stdout.trimEnd().split('\n');
    assert.equal(out.length, inputs.length, command);
    return out;
  };
  const reports = cli('check');
  inputs.forEach(({ text, ...context }, i) => {
    assert.equal(JSON.stringify(analyze(text, context)), reports[i], JSON.stringify(inputs[i]));
  });
  // The rewrites too, wording and all: which wording a note gets comes from a hash of the note,
  // kept to 32 bits so that the 64-bit CLI and the 32-bit wasm agree.
  const rewrites = cli('suggest');
  inputs.forEach(({ text, ...context }, i) => {
    assert.equal(JSON.stringify(suggest(text, context)), rewrites[i], JSON.stringify(inputs[i]));
  });
});
