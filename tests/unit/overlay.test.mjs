// The marks' segmentation (extension/content/coach/overlay.js): one sweep over span edges gives
// what checking every span against every piece gives, and stays linear on a long note.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCoachPart } from './load.mjs';

const { overlay } = loadCoachPart('overlay.js');

// The definition: cut at every edge, each piece covered by the spans that contain it.
function byFilter(spans) {
  const cuts = [...new Set(spans.filter((s) => s.end > s.start).flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const covering = spans.filter((s) => s.end > s.start && s.start <= cuts[i] && s.end >= cuts[i + 1]);
    if (covering.length) out.push({ start: cuts[i], end: cuts[i + 1], spans: covering });
  }
  return out;
}

test('overlapping, nested, touching and empty spans', () => {
  const spans = [
    { start: 0, end: 10, key: 'a' },
    { start: 5, end: 15, key: 'b' },
    { start: 7, end: 8, key: 'c' },
    { start: 15, end: 20, key: 'd' },
    { start: 30, end: 30, key: 'empty' },
    { start: 40, end: 44, key: 'e' },
  ];
  const got = overlay.markSegments(spans);
  assert.deepEqual(got.map((s) => [s.start, s.end, s.spans.map((x) => x.key).join('')]), [
    [0, 5, 'a'], [5, 7, 'ab'], [7, 8, 'abc'], [8, 10, 'ab'], [10, 15, 'b'], [15, 20, 'd'], [40, 44, 'e'],
  ]);
  assert.deepEqual(got, byFilter(spans));
});

test('random spans agree with the definition', () => {
  let seed = 7;
  const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
  for (let round = 0; round < 300; round++) {
    const spans = Array.from({ length: rand(12) }, (_, i) => {
      const start = rand(60);
      return { start, end: start + rand(15), key: `k${i}` };
    });
    assert.deepEqual(overlay.markSegments(spans), byFilter(spans), JSON.stringify(spans));
  }
});

test('many findings on a long note are cut in one pass (printed)', () => {
  const spans = Array.from({ length: 4000 }, (_, i) => ({ start: i * 4, end: i * 4 + 3, key: i }));
  const t0 = performance.now();
  const got = overlay.markSegments(spans);
  const ms = performance.now() - t0;
  assert.equal(got.length, 4000);
  console.log(`markSegments: 4000 spans in ${ms.toFixed(1)} ms`);
});

test('the mirror stops at the last mark\'s line, and never holds more than MIRROR_MAX', () => {
  const { mirrorEnd, MIRROR_MAX } = overlay;
  assert.equal(mirrorEnd('Hi Rosa,\nsee you\nsoon', 3), 8, 'the line of the last mark, without what follows');
  assert.equal(mirrorEnd('Hi Rosa, see you', 3), 16, 'a one-line note whole');
  const pasted = 'Hi Rosa,' + '\n'.repeat(15000) + 'We met at RustConf.';
  const end = mirrorEnd(pasted, pasted.length);
  assert.ok(end <= MIRROR_MAX && end > MIRROR_MAX - 2, `a huge paste cut near the cap (${end})`);
  assert.equal(pasted[end - 1], '\n', 'after a line break, where the note box breaks its line too');
  const words = 'word '.repeat(2000);
  const cut = mirrorEnd(words, words.length);
  assert.equal(words.slice(cut - 5, cut), 'word ', 'after a space, never inside a word');
  const emoji = 'a' + '\u{1F600}'.repeat(4000);
  const at = mirrorEnd(emoji, emoji.length);
  assert.ok(at <= MIRROR_MAX && emoji.codePointAt(at) === 0x1f600, `one unbroken run cut between surrogate pairs (${at})`);
});
