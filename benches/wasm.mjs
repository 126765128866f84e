// How fast the wasm build is where the extension runs it: start-up, a note as it is typed, and a
// pasted essay. Also its size, which every user downloads. Run `make wasm` first; takes a few seconds.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';

const PKG = new URL('../build/pkg/', import.meta.url);
const WASM = new URL('uncanned_bg.wasm', PKG);
const GLUE = new URL('uncanned.js', PKG);
if (!existsSync(WASM) || !existsSync(GLUE)) {
  console.error('benches/wasm.mjs: build/pkg is missing; run `make wasm` first');
  process.exit(1);
}

const NOTE =
  'Hi Marco, great talking with you at the Berlin Rust meetup last Thursday about embedded ' +
  'async and your work on the Embassy HAL for the nRF52. I am building a sensor gateway with ' +
  'it at Acme and would love to compare notes on power management and OTA updates some time. ' +
  'Thanks! 🎉 Ana';
const CONTEXT = {
  recipient: { first_name: 'Marco', full_name: 'Marco Ricci' },
  limit: 300,
  sender_name: 'Ana Lima',
};
const PASTE_PARTS = [
  'Hi Marco, great talking with you at the Berlin Rust meetup. ',
  "I'd like to add you to my professional network on LinkedIn. ",
  '🎉 Congrats on the new role at 株式会社サンプル! ',
  'Tell me about {{company}} and your plans for [Project]. ',
  'I recieve many notes; this one is diffrent.\n',
];
let PASTE = '';
for (let i = 0; PASTE.length < 100 * 1024; i++) PASTE += PASTE_PARTS[i % PASTE_PARTS.length];

const bytes = readFileSync(WASM);

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return { median: quantile(s, 0.5), p95: quantile(s, 0.95), n: s.length };
}

function time(ms) {
  if (ms < 1) return `${(ms * 1000).toFixed(1)} µs`;
  if (ms < 1000) return `${ms.toFixed(2)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

function kb(n) {
  return `${(n / 1024).toFixed(1)} KiB (${n.toLocaleString('en')} B)`;
}

// Start-up as the background pays it when it wakes: a fresh process, bytes to a callable
// analyze, then the first call (which also compiles the functions it touches). V8 caches compiled
// modules within a process, so only a new process measures this honestly.
const COLD = `
  import { readFileSync } from 'node:fs';
  const bytes = readFileSync(new URL(${JSON.stringify(WASM.href)}));
  const glue = await import(${JSON.stringify(GLUE.href)});
  let t = performance.now();
  glue.initSync({ module: bytes });
  const init = performance.now() - t;
  t = performance.now();
  glue.analyze(${JSON.stringify(NOTE)}, ${JSON.stringify(CONTEXT)});
  console.log(JSON.stringify({ init, first: performance.now() - t }));
`;
const cold = [];
for (let i = 0; i < 5; i++) {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', COLD], { encoding: 'utf8' });
  cold.push(JSON.parse(out));
}
const initTimes = stats(cold.map((c) => c.init));
const firstCall = stats(cold.map((c) => c.first));

const { initSync, analyze } = await import(GLUE.href);
initSync({ module: bytes });

function bench(text, ctx, { warmup, calls, budgetMs }) {
  for (let i = 0; i < warmup; i++) analyze(text, ctx);
  const samples = [];
  const until = performance.now() + budgetMs;
  while (samples.length < calls && (samples.length < 5 || performance.now() < until)) {
    const t = performance.now();
    analyze(text, ctx);
    samples.push(performance.now() - t);
  }
  return stats(samples);
}

const note = bench(NOTE, CONTEXT, { warmup: 200, calls: 3000, budgetMs: 1500 });
const paste = bench(PASTE, CONTEXT, { warmup: 2, calls: 30, budgetMs: 2500 });
const report = analyze(NOTE, CONTEXT);

const rows = [
  ['wasm size', `${kb(bytes.length)} raw, ${kb(gzipSync(bytes, { level: 9 }).length)} gzipped (zlib level 9)`],
  ['init in a fresh process', `median ${time(initTimes.median)} of ${initTimes.n}`],
  ['then the first analyze', `median ${time(firstCall.median)} of ${firstCall.n}`],
  [
    `analyze ${NOTE.length}-unit note (${report.verdict})`,
    `median ${time(note.median)}, p95 ${time(note.p95)} (${note.n} calls)`,
  ],
  [
    `analyze ${(PASTE.length / 1024).toFixed(0)} KiB paste`,
    `median ${time(paste.median)}, p95 ${time(paste.p95)} (${paste.n} calls)`,
  ],
];
const width = Math.max(...rows.map(([k]) => k.length));
console.log(`uncanned wasm, Node ${process.version}, ${process.arch}`);
for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
