// The archives `make dist` writes are what the stores receive: each must hold a valid manifest
// with the project's one version, the wasm engine, every file the manifest names, and icons at
// the sizes the stores ask for, and nothing for the test fixtures. Needs `make dist` first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync, crc32 } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

// Reads a zip through its central directory, checking each entry's CRC as an unzip would.
function unzip(path) {
  const buf = readFileSync(path);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, `${path}: no end of central directory`);
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50, 'central directory entry');
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataAt, dataAt + size);
    const data = method === 8 ? inflateRawSync(raw) : raw;
    assert.equal(crc32(data), crc, `${name}: CRC`);
    entries.set(name, data);
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

function pngSize(bytes) {
  assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

for (const [browser, name] of [['chrome', `uncanned-chrome-${version}.zip`], ['firefox', `uncanned-firefox-${version}.xpi`]]) {
  test(`${name} is ready for the ${browser} store`, () => {
    const path = join(ROOT, 'dist', name);
    assert.ok(existsSync(path), `${path} missing: run \`make dist\``);
    const files = unzip(path);
    const manifest = JSON.parse(files.get('manifest.json').toString('utf8'));
    assert.equal(manifest.manifest_version, 3);
    assert.equal(manifest.version, version, 'the version from package.json');
    assert.ok(files.get('engine/uncanned_bg.wasm')?.subarray(0, 4).equals(Buffer.from([0, 0x61, 0x73, 0x6d])), 'the wasm engine');
    assert.deepEqual(files.get('engine/uncanned_bg.wasm'), readFileSync(join(ROOT, 'build', 'pkg', 'uncanned_bg.wasm')));

    const named = [
      manifest.background.service_worker,
      ...manifest.background.scripts,
      ...manifest.content_scripts.flatMap((c) => c.js),
      ...Object.values(manifest.icons),
      manifest.options_ui?.page,
      manifest.action?.default_popup,
    ].filter(Boolean);
    for (const file of named) assert.ok(files.has(file), `${file} named by the manifest is in the archive`);
    for (const lang of ['en', 'de', 'fr', 'es', 'pt']) {
      assert.ok(JSON.parse(files.get(`_locales/${lang}/messages.json`)).extName.message, lang);
    }
    // Chrome Web Store: 16, 32, 48, 128; addons.mozilla.org: 48, 96.
    for (const size of [16, 32, 48, 96, 128]) {
      assert.deepEqual(pngSize(files.get(manifest.icons[size])), [size, size], `icon ${size}`);
    }

    const everything = JSON.stringify(manifest);
    assert.ok(!everything.includes('127.0.0.1'), 'no fixture host in a shipped build');
    assert.deepEqual(manifest.host_permissions, ['https://www.linkedin.com/*']);
    assert.ok(!(manifest.permissions ?? []).some((p) => p !== 'storage'), 'storage at most');
    assert.ok(![...files.keys()].some((f) => f.endsWith('README.md')), 'notes stay out');

    // Exactly the shipped build that the tests ran against, file for file.
    const dir = join(ROOT, 'dist', browser);
    const onDisk = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)).split('\\').join('/')).sort();
    assert.deepEqual([...files.keys()].sort(), onDisk, `the archive holds dist/${browser}, no more, no less`);
    for (const name of onDisk) assert.ok(files.get(name).equals(readFileSync(join(dir, name))), `${name} as built`);
  });
}
