// The background's message policy (extension/message-policy.js) in Node: which context may send
// which message, and the size caps. The browsers' own senders are checked end to end in
// tests/browser/messages.test.mjs; here every branch, with senders shaped as each browser
// reports them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CAPS, SENDERS, matchesPattern, senderKind, refusal } from '../../extension/message-policy.js';

const ENV = {
  extensionOrigin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/',
  contentMatches: ['https://www.linkedin.com/*'],
};
const TEST_ENV = { ...ENV, contentMatches: [...ENV.contentMatches, 'http://127.0.0.1/*'] };

const linkedinTab = { id: 'x', tab: { id: 3 }, url: 'https://www.linkedin.com/in/rosa-diaz/' };
const optionsPage = { id: 'x', tab: { id: 4 }, url: `${ENV.extensionOrigin}options/options.html` };
const popup = { id: 'x', url: `${ENV.extensionOrigin}popup/popup.html` };

test('match patterns: scheme, host, wildcard subdomains, path globs; ports ignored', () => {
  assert.ok(matchesPattern('https://www.linkedin.com/*', 'https://www.linkedin.com/in/x/?a=1'));
  assert.ok(!matchesPattern('https://www.linkedin.com/*', 'http://www.linkedin.com/in/x/'));
  assert.ok(!matchesPattern('https://www.linkedin.com/*', 'https://www.linkedin.com.evil.example/'));
  assert.ok(!matchesPattern('https://www.linkedin.com/*', 'https://evil.example/www.linkedin.com/'));
  assert.ok(matchesPattern('http://127.0.0.1/*', 'http://127.0.0.1:41234/in/rosa-diaz/?ui=c'));
  assert.ok(matchesPattern('*://*.linkedin.com/*', 'https://linkedin.com/feed/'));
  assert.ok(matchesPattern('*://*.linkedin.com/*', 'http://de.linkedin.com/feed/'));
  assert.ok(!matchesPattern('*://*.linkedin.com/*', 'https://notlinkedin.com/feed/'));
  assert.ok(matchesPattern('https://example.com/sales/*', 'https://example.com/sales/lead/1'));
  assert.ok(!matchesPattern('https://example.com/sales/*', 'https://example.com/in/x'));
  assert.ok(!matchesPattern('https://www.linkedin.com/*', 'not a url'));
});

test('senders: a LinkedIn tab is the content script, the extension origin is a page, anything else is neither', () => {
  assert.equal(senderKind(linkedinTab, ENV), 'content');
  assert.equal(senderKind(optionsPage, ENV), 'page');
  assert.equal(senderKind(popup, ENV), 'page');
  // A content script runs in a tab; a LinkedIn URL without one is not it.
  assert.equal(senderKind({ url: linkedinTab.url }, ENV), null);
  assert.equal(senderKind({ tab: { id: 1 }, url: 'http://127.0.0.1:5000/in/x/' }, ENV), null);
  assert.equal(senderKind({ tab: { id: 1 }, url: 'http://127.0.0.1:5000/in/x/' }, TEST_ENV), 'content');
  assert.equal(senderKind({ tab: { id: 1 } }, ENV), null);
  assert.equal(senderKind(undefined, ENV), null);
});

test('each type is answered only for the context that sends it', () => {
  for (const [type, from] of Object.entries(SENDERS)) {
    const message = { type, text: 'Hi', lang: 'en' };
    assert.equal(refusal(message, from), null, `${type} from ${from}`);
    const other = from === 'content' ? 'page' : 'content';
    assert.match(refusal(message, other), new RegExp(`^'${type}' is answered only for`), `${type} from ${other}`);
    assert.match(refusal(message, null), /this came from somewhere else$/);
  }
  assert.equal(refusal({ type: 'analyze', text: 'x' }, 'page'),
    "'analyze' is answered only for the content script on LinkedIn; this came from the extension's own pages");
  assert.equal(refusal({ type: 'rules' }, 'content'),
    "'rules' is answered only for the extension's own pages; this came from the content script on LinkedIn");
});

test('unknown types and non-objects are refused by name, whoever sends them', () => {
  assert.equal(refusal({ type: 'status' }, 'content'), 'unknown message type: status');
  assert.equal(refusal({ type: 'constructor' }, 'content'), 'unknown message type: constructor');
  assert.equal(refusal({ type: 'x'.repeat(5000) }, 'content'), `unknown message type: ${'x'.repeat(40)}`);
  assert.equal(refusal({}, 'content'), 'unknown message type: undefined');
  assert.equal(refusal(null, 'content'), 'a message must be an object');
  assert.equal(refusal(['analyze'], 'content'), 'a message must be an object');
});

test('the note may be 100,000 UTF-16 units, not one more; an emoji counts two', () => {
  assert.equal(CAPS.note, 100_000);
  assert.equal(refusal({ type: 'analyze', text: 'a'.repeat(CAPS.note) }, 'content'), null);
  assert.equal(refusal({ type: 'suggest', text: 'a'.repeat(CAPS.note + 1) }, 'content'),
    'text is 100001 UTF-16 units long; the cap is 100000');
  assert.match(refusal({ type: 'analyze', text: '🙂'.repeat(CAPS.note / 2 + 1) }, 'content'), /^text is 100002 /);
});

test('every other string field, at any depth, is capped at 4,000 units (the about text may be 2,600)', () => {
  const long = 'b'.repeat(CAPS.field + 1);
  const ok = 'b'.repeat(CAPS.field);
  assert.equal(CAPS.field, 4_000);
  const ctx = (recipient) => ({ type: 'analyze', text: 'Hi', context: { recipient } });
  assert.equal(refusal(ctx({ headline: ok }), 'content'), null);
  assert.equal(refusal(ctx({ headline: long }), 'content'), `context.recipient.headline is ${CAPS.field + 1} UTF-16 units long; the cap is ${CAPS.field}`);
  assert.equal(refusal({ type: 'analyze', text: 'Hi', context: { sender_name: long } }, 'content'),
    `context.sender_name is ${CAPS.field + 1} UTF-16 units long; the cap is ${CAPS.field}`);
  assert.equal(refusal({ type: 'analyze', text: 'Hi', context: { disabled_rules: ['canned-default', long] } }, 'content'),
    `context.disabled_rules[1] is ${CAPS.field + 1} UTF-16 units long; the cap is ${CAPS.field}`);
  assert.equal(refusal({ type: 'rules', lang: long }, 'page'), `lang is ${CAPS.field + 1} UTF-16 units long; the cap is ${CAPS.field}`);
  // A note-sized string anywhere but `text` is still a field.
  assert.match(refusal({ type: 'analyze', text: 'Hi', context: { text: 'c'.repeat(CAPS.field + 5) } }, 'content'), new RegExp(`^context\\.text is ${CAPS.field + 5} `));
  assert.match(refusal({ type: 'analyze', text: 'Hi', context: { [long]: 1 } }, 'content'), new RegExp(`^a key of context is ${CAPS.field + 1} `));
});

test('lists, keys and nesting are capped too', () => {
  const rules = Array.from({ length: CAPS.list + 1 }, (_, i) => `r${i}`);
  assert.equal(refusal({ type: 'analyze', text: 'Hi', context: { disabled_rules: rules } }, 'content'),
    'context.disabled_rules has 101 entries; the cap is 100');
  const wide = Object.fromEntries(Array.from({ length: CAPS.keys + 1 }, (_, i) => [`k${i}`, 1]));
  assert.equal(refusal({ type: 'analyze', text: 'Hi', context: wide }, 'content'), 'context has 51 keys; the cap is 50');
  assert.equal(refusal({ type: 'analyze', text: 'Hi', context: { a: { b: { c: {} } } } }, 'content'), null);
  assert.equal(refusal({ type: 'analyze', text: 'Hi', context: { a: { b: { c: { d: {} } } } } }, 'content'),
    'context.a.b.c.d is nested more than 4 levels deep');
});

test('the shapes the engine needs', () => {
  assert.equal(refusal({ type: 'analyze', text: 42 }, 'content'), 'text must be a string');
  assert.equal(refusal({ type: 'suggest' }, 'content'), 'text must be a string');
  assert.equal(refusal({ type: 'analyze', text: 'Hi', context: [] }, 'content'), 'context must be an object');
  assert.equal(refusal({ type: 'analyze', text: 'Hi', context: 'x' }, 'content'), 'context must be an object');
  assert.equal(refusal({ type: 'analyze', text: 'Hi', context: null }, 'content'), null);
  assert.equal(refusal({ type: 'rules', lang: 5 }, 'page'), 'lang must be a string');
  assert.equal(refusal({ type: 'coach-css' }, 'content'), null);
});
