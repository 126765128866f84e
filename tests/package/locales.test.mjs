// Every UI language has every string, with the same placeholders: a gap would show a blank
// label (the browser returns '' for a missing key).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const LOCALES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'extension', '_locales');
const read = (lang) => JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8'));

test('five UI languages with the same keys and placeholders as English', () => {
  const langs = readdirSync(LOCALES).sort();
  assert.deepEqual(langs, ['de', 'en', 'es', 'fr', 'pt']);
  const en = read('en');
  for (const lang of langs) {
    const messages = read(lang);
    assert.deepEqual(Object.keys(messages).sort(), Object.keys(en).sort(), lang);
    for (const [key, entry] of Object.entries(messages)) {
      assert.ok(entry.message.trim(), `${lang} ${key} is empty`);
      const holes = (m) => (m.match(/\$[A-Z_]+\$/g) ?? []).sort();
      assert.deepEqual(holes(entry.message), holes(en[key].message), `${lang} ${key}`);
    }
    assert.equal(messages.ui_lang.message, lang);
  }
});
