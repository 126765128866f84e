// The archives `make dist` writes are what the stores receive: each must hold a valid manifest
// with the project's one version, the wasm engine, every file the manifest names, and icons at
// the sizes the stores ask for, and nothing for the test fixtures; packing again gives the same
// bytes. Needs `make dist` first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync, crc32 } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

// The central directory's records, in the archive's order.
function* centralDirectory(buf, path) {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, `${path}: no end of central directory`);
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50, 'central directory entry');
    const nameLength = buf.readUInt16LE(at + 28);
    yield {
      method: buf.readUInt16LE(at + 10),
      dosTime: buf.readUInt16LE(at + 12),
      dosDate: buf.readUInt16LE(at + 14),
      crc: buf.readUInt32LE(at + 16),
      size: buf.readUInt32LE(at + 20),
      local: buf.readUInt32LE(at + 42),
      name: buf.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
    };
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
}

// Reads a zip through its central directory, checking each entry's CRC as an unzip would.
function unzip(path) {
  const buf = readFileSync(path);
  const entries = new Map();
  for (const { method, crc, size, local, name } of centralDirectory(buf, path)) {
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataAt, dataAt + size);
    const data = method === 8 ? inflateRawSync(raw) : raw;
    assert.equal(crc32(data), crc, `${name}: CRC`);
    entries.set(name, data);
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
    // The content scripts' matches are all the site access the extension needs in either
    // browser (the browser suite runs without host permissions); none asked for beyond them.
    assert.equal(manifest.host_permissions, undefined, 'no host permissions');
    assert.deepEqual(manifest.content_scripts.flatMap((cs) => cs.matches), ['https://www.linkedin.com/*']);
    assert.ok(!(manifest.permissions ?? []).some((p) => p !== 'storage'), 'storage at most');
    assert.ok(![...files.keys()].some((f) => f.endsWith('README.md')), 'notes stay out');
    assert.ok(![...files.keys()].some((f) => f.startsWith('test/')), "the test builds' engine-fault hook stays out");

    // Exactly the shipped build that the tests ran against, file for file.
    const dir = join(ROOT, 'dist', browser);
    const onDisk = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)).split('\\').join('/')).sort();
    assert.deepEqual([...files.keys()].sort(), onDisk, `the archive holds dist/${browser}, no more, no less`);
    for (const name of onDisk) assert.ok(files.get(name).equals(readFileSync(join(dir, name))), `${name} as built`);
  });
}

const ARCHIVES = [`uncanned-chrome-${version}.zip`, `uncanned-firefox-${version}.xpi`];

test('each archive lists its files in sorted order, all with one date', () => {
  for (const name of ARCHIVES) {
    const path = join(ROOT, 'dist', name);
    const records = [...centralDirectory(readFileSync(path), path)];
    const names = records.map((r) => r.name);
    assert.deepEqual(names, [...names].sort(), `${name}: sorted`);
    assert.ok(!names.some((n) => n.endsWith('/')), `${name}: files only`);
    const stamps = new Set(records.map((r) => `${r.dosDate}:${r.dosTime}`));
    assert.equal(stamps.size, 1, `${name}: one date for every entry, not the time of the build`);
  }
});

test('packing the same build again gives the same bytes', async () => {
  const out = mkdtempSync(join(tmpdir(), 'uncanned-package-'));
  try {
    // Past the zip format's two-second clock, so that a date taken from the build would show.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'package.mjs'), out], { stdio: 'pipe' });
    for (const name of ARCHIVES) {
      assert.ok(readFileSync(join(out, name)).equals(readFileSync(join(ROOT, 'dist', name))), `${name}: byte for byte`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
