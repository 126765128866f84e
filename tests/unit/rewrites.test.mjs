// When the coach asks for rewrites, which answer it shows, and where focus may go: the rules of
// extension/content/coach/rewrites.js, without a browser.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCoachPart } from './load.mjs';

const { rewrites } = loadCoachPart('rewrites.js');
const CANNED = "I'd like to add you to my professional network on LinkedIn.";
const answer = (...texts) => ({ suggestions: texts.map((text, i) => ({ intent: `i${i}`, text, slots: [] })) });

test('a canned note asks once, after its verdict turns; typing under the same verdict does not', () => {
  const r = rewrites.create();
  assert.deepEqual(r.report('', null), { clear: false, fetch: false, wanted: false });
  assert.equal(r.report(CANNED, 'canned').fetch, true);
  const ticket = r.begin();
  assert.equal(r.report(CANNED + ' Thanks', 'canned').fetch, false, 'a request is on its way; no second one');
  assert.ok(r.arrived(ticket, CANNED, answer('Hi [name].')));
  assert.equal(r.report(CANNED + ' Thanks!', 'canned').fetch, false, 'typing alone does not refetch');
  assert.equal(r.report('Hi, we met at RustConf.', 'needs_context').fetch, true, 'a new verdict does');
});

test('a personal note gets nothing unasked, and the ask button instead', () => {
  const r = rewrites.create();
  assert.equal(r.report('We met at RustConf.', 'personal').fetch, false);
  assert.deepEqual(r.view(true), { askHidden: false, listHidden: true });
  assert.deepEqual(r.view(false), { askHidden: true, listHidden: true }, 'no report yet: nothing to ask about');
  r.ask();
  const ticket = r.begin();
  assert.ok(r.arrived(ticket, 'We met at RustConf.', answer('Hi [name].')));
  assert.deepEqual(r.view(true), { askHidden: true, listHidden: false });
});

test('only the newest request fills the list; a late answer is dropped', () => {
  const r = rewrites.create();
  r.report(CANNED, 'canned');
  const older = r.begin();
  r.contextChanged();
  const newer = r.begin();
  assert.ok(r.arrived(newer, CANNED, answer('newer')));
  assert.equal(r.arrived(older, CANNED, answer('older')), null);
  assert.equal(r.shown.list[0].text, 'newer');
  assert.equal(r.arrived(newer, CANNED, null), null, 'a superseded (null) answer is ignored');
});

test('a note that no longer calls for rewrites clears the list, and an answer on its way is not shown', () => {
  const r = rewrites.create();
  r.report(CANNED, 'canned');
  const first = r.begin();
  r.arrived(first, CANNED, answer('a'));
  const second = (r.contextChanged(), r.begin());
  assert.deepEqual(r.report('We met at RustConf.', 'personal'), { clear: true, fetch: false, wanted: false });
  assert.equal(r.arrived(second, CANNED, answer('b')), null);
  assert.equal(r.shown, null);
});

test('the engine away or the note too long (no verdict) takes the list away', () => {
  const r = rewrites.create();
  r.report(CANNED, 'canned');
  r.arrived(r.begin(), CANNED, answer('a'));
  assert.equal(r.report('', null).clear, true);
  assert.deepEqual(r.view(false), { askHidden: true, listHidden: true });
});

test('the rewrite that quotes the note follows the note; a used rewrite fetches nothing', () => {
  const r = rewrites.create();
  r.report(CANNED, 'canned');
  r.arrived(r.begin(), CANNED, { suggestions: [{ intent: 'replace_canned', text: CANNED, slots: [] }, { intent: 'met', text: 'Hi [name], we met at [event].', slots: [{ start: 3, end: 9 }] }] });
  assert.equal(r.report(CANNED + ' Sam', 'canned').fetch, true, 'the quoted note changed');
  r.arrived(r.begin(), CANNED + ' Sam', { suggestions: [{ intent: 'replace_canned', text: CANNED + ' Sam', slots: [] }, { intent: 'met', text: 'Hi [name], we met at [event].', slots: [{ start: 3, end: 9 }] }] });
  const used = r.use(1);
  assert.equal(used.text, 'Hi [name], we met at [event].');
  assert.equal(r.use(7), null);
  assert.equal(r.report(used.text, 'needs_context').fetch, false, "the rewrite's own verdict is no reason to replace its list");
});

test('a failed request the writer asked for gives them the button back', () => {
  const r = rewrites.create();
  r.report('We met at RustConf.', 'personal');
  r.ask();
  const ticket = r.begin();
  assert.equal(r.failed(ticket), true);
  assert.deepEqual(r.view(true), { askHidden: false, listHidden: true });
  assert.equal(r.failed(ticket), false, 'only once');
});

test('focus moves to the answer only if it was asked from the keyboard and no key was pressed since', () => {
  const r = rewrites.create();
  r.report('We met at RustConf.', 'personal');
  r.ask({ fromKeyboard: true });
  let ticket = r.begin();
  assert.deepEqual(r.arrived(ticket, 'x', answer('a')), { list: answer('a').suggestions, asked: true, focusFirst: true });

  r.ask({ fromKeyboard: true });
  ticket = r.begin();
  r.keyPressed();
  assert.equal(r.arrived(ticket, 'x', answer('a')).focusFirst, false, 'the writer went back to typing');

  r.ask({ fromKeyboard: false });
  ticket = r.begin();
  assert.equal(r.arrived(ticket, 'x', answer('a')).focusFirst, false, 'asked with the mouse: focus stays in the note');

  r.ask({ fromKeyboard: true });
  ticket = r.begin();
  assert.equal(r.arrived(ticket, 'x', answer()).focusFirst, false, 'nothing to focus');
});

test('a rebuilt list puts focus back on the same rewrite, never on another in its place', () => {
  const before = [{ intent: 'met' }, { intent: 'their_work' }, { intent: 'met' }];
  assert.equal(rewrites.focusKey(before, -1), null);
  const key = rewrites.focusKey(before, 1);
  assert.equal(rewrites.refocusIndex(key, [{ intent: 'their_work' }, { intent: 'met' }]), 0, 'moved up');
  assert.equal(rewrites.refocusIndex(key, [{ intent: 'met' }, { intent: 'reconnect' }]), -1, 'gone: not the rewrite now at index 1');
  const second = rewrites.focusKey(before, 2);
  assert.equal(rewrites.refocusIndex(second, [{ intent: 'met' }]), -1, 'the second "met" is gone, the first is another rewrite');
  assert.equal(rewrites.refocusIndex(second, [{ intent: 'x' }, { intent: 'met' }, { intent: 'met' }]), 2);
});
