// Assembles the loadable extensions from extension/ and the wasm build (build/pkg):
//
//   dist/chrome/         shipped Chromium build   (host access: LinkedIn only)
//   dist/firefox/        shipped Firefox build    (host access: LinkedIn only)
//   dist/test-chrome/    as dist/chrome, plus http://127.0.0.1/* for the local fixture server
//   dist/test-firefox/   as dist/firefox, plus http://127.0.0.1/*
//
// Run by `make extension` after `make wasm`. Node's standard library only.

import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = join(ROOT, 'extension');
const PKG = join(ROOT, 'build', 'pkg');
const DIST = join(ROOT, 'dist');
const ENGINE_FILES = ['uncanned.js', 'uncanned_bg.wasm'];
const FIXTURE_ORIGIN = 'http://127.0.0.1/*';

function fail(message) {
  console.error(`assemble: ${message}`);
  process.exit(1);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    fail(`cannot read ${relative(ROOT, path)}: ${error.message}`);
  }
}

for (const file of ENGINE_FILES) {
  if (!existsSync(join(PKG, file))) fail(`${relative(ROOT, join(PKG, file))} is missing; run \`make wasm\` first`);
}

// One version, in package.json.
const { version } = readJson(join(ROOT, 'package.json'));
if (!/^\d+(\.\d+){0,3}$/.test(version ?? '')) fail(`package.json version "${version}" is not a browser extension version (1 to 4 dot-separated integers)`);

const source = readJson(join(SOURCE, 'manifest.json'));

// Both browsers take the same manifest: Firefox ignores background.service_worker (web-ext lint
// notes BACKGROUND_SERVICE_WORKER_IGNORED), Chromium ignores background.scripts and
// browser_specific_settings without an install warning. Should that change, drop keys here.
function forBrowser(manifest) {
  return { ...structuredClone(manifest), version };
}

function withFixtureOrigin(manifest) {
  const m = structuredClone(manifest);
  m.host_permissions = [...m.host_permissions, FIXTURE_ORIGIN];
  for (const script of m.content_scripts) script.matches = [...script.matches, FIXTURE_ORIGIN];
  return m;
}

// Editor droppings and notes never ship.
function shipped(path) {
  const name = path.split(/[\\/]/).pop();
  return !name.startsWith('.') && !name.endsWith('~') && !name.endsWith('.md');
}

function build(name, manifest) {
  const out = join(DIST, name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync(SOURCE, out, { recursive: true, filter: shipped });
  mkdirSync(join(out, 'engine'), { recursive: true });
  for (const file of ENGINE_FILES) cpSync(join(PKG, file), join(out, 'engine', file));
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return out;
}

function referencedFiles(manifest) {
  return [
    ...Object.values(manifest.icons ?? {}),
    manifest.background.service_worker,
    ...(manifest.background.scripts ?? []),
    ...manifest.content_scripts.flatMap((s) => [...(s.js ?? []), ...(s.css ?? [])]),
  ].filter(Boolean);
}

function sizeOf(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? sizeOf(path) : statSync(path).size;
  }
  return total;
}

const shippedBuilds = {
  chrome: forBrowser(source),
  firefox: forBrowser(source),
};
const builds = {
  ...shippedBuilds,
  'test-chrome': withFixtureOrigin(shippedBuilds.chrome),
  'test-firefox': withFixtureOrigin(shippedBuilds.firefox),
};

for (const [name, manifest] of Object.entries(builds)) {
  const out = build(name, manifest);
  for (const file of referencedFiles(manifest)) {
    if (!existsSync(join(out, file))) fail(`dist/${name}: manifest names ${file}, which does not exist`);
  }
  // The shipped builds must never carry the test origin.
  if (name in shippedBuilds && readFileSync(join(out, 'manifest.json'), 'utf8').includes('127.0.0.1')) {
    fail(`dist/${name}: the shipped manifest mentions the fixture origin`);
  }
  console.log(`dist/${name}: version ${version}, ${(sizeOf(out) / 1024).toFixed(0)} KiB`);
}
