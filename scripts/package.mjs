// Packs the shipped builds for the stores with `web-ext build`:
//
//   dist/uncanned-chrome-<version>.zip    Chrome Web Store upload (dist/chrome/)
//   dist/uncanned-firefox-<version>.xpi   addons.mozilla.org upload (dist/firefox/)
//
// `node scripts/package.mjs OUT_DIR` writes them to OUT_DIR instead (the reproducibility test).
//
// web-ext checks the manifest, leaves out what a store must not receive and names the archive
// from the manifest's version. It stamps every entry with the time of the build and adds them in
// the order the reads finish, so each archive is then written again with JSZip (the library
// web-ext zips with): files only, in sorted order, with one fixed date. The same build packs to
// the same bytes.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import webExt from 'web-ext';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const OUT = process.argv[2] ?? DIST;
// Any fixed instant; JSZip writes it in UTC, so the time zone of the build does not matter.
const DATE = new Date(Date.UTC(2026, 0, 1));

async function normalise(path) {
  const packed = await JSZip.loadAsync(readFileSync(path));
  const files = Object.values(packed.files).filter((entry) => !entry.dir);
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out = new JSZip();
  for (const entry of files) {
    out.file(entry.name, await entry.async('nodebuffer'), { date: DATE, createFolders: false });
  }
  const bytes = await out.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
  });
  writeFileSync(path, bytes);
  return bytes.length;
}

mkdirSync(OUT, { recursive: true });
for (const [build, filename] of [['chrome', 'uncanned-chrome-{version}.zip'], ['firefox', 'uncanned-firefox-{version}.xpi']]) {
  const sourceDir = join(DIST, build);
  if (!existsSync(join(sourceDir, 'manifest.json'))) {
    console.error(`package: dist/${build} is missing; run \`make extension\` first`);
    process.exit(1);
  }
  const { extensionPath } = await webExt.cmd.build(
    { sourceDir, artifactsDir: OUT, filename, overwriteDest: true },
    { showReadyMessage: false },
  );
  const size = await normalise(extensionPath);
  console.log(`${extensionPath}: ${(size / 1024).toFixed(0)} KiB`);
}
