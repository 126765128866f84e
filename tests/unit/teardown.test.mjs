// Teardown runs every step even when one throws: an extension reloaded or updated under the page
// takes its APIs with it, and the coaches must still come off the page (content/main.js tears
// down through Uncanned.coach.runAll).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCoachPart } from './load.mjs';

for (const file of ['dom.js', 'edit.js', 'rewrites.js', 'overlay.js', 'panel.js', 'coach.js']) loadCoachPart(file);
const { runAll } = globalThis.Uncanned.coach;

test('a step that throws does not stop the ones after it', () => {
  const ran = [];
  const gone = new Error('Extension context invalidated.');
  const errors = runAll([
    () => ran.push('watcher'),
    () => { throw gone; },
    () => ran.push('coach 1'),
    () => { throw new Error('second'); },
    () => ran.push('coach 2'),
  ]);
  assert.deepEqual(ran, ['watcher', 'coach 1', 'coach 2']);
  assert.deepEqual(errors.map((e) => e.message), ['Extension context invalidated.', 'second']);
  assert.deepEqual(runAll([]), []);
});
