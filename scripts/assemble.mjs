// Assembles the loadable extensions from extension/ and the wasm build (build/pkg), and writes
// the coach's English strings from _locales/en (scripts/coach-strings.mjs):
//
//   dist/chrome/         shipped Chromium build   (content scripts on LinkedIn only)
//   dist/firefox/        shipped Firefox build    (content scripts on LinkedIn only)
//   dist/test-chrome/    as dist/chrome, plus http://127.0.0.1/* for the local fixture server,
//                        the engine-fault hook ahead of the background and the message and
//                        teardown-fault hooks after the content scripts (test/)
//   dist/test-firefox/   as dist/firefox, likewise
//
// Run by `make extension` after `make wasm`. Node's standard library only.

import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { coachStringsScript } from './coach-strings.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = join(ROOT, 'extension');
const PKG = join(ROOT, 'build', 'pkg');
const DIST = join(ROOT, 'dist');
// The glue imports its JavaScript snippets (src/wasm/objects.js) from snippets/.
const ENGINE_FILES = ['uncanned.js', 'uncanned_bg.wasm', 'snippets'];
const FIXTURE_ORIGIN = 'http://127.0.0.1/*';
const HOOKS = join(ROOT, 'tests', 'browser', 'hooks');
const TEST_BACKGROUND = 'test/background.js';
const TEST_CONTENT = ['test/content-messages.js', 'test/content-faults.js'];

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
// background.js replaces the instance after a trap through this export of the glue.
if (!readFileSync(join(PKG, 'uncanned.js'), 'utf8').includes('export function __wbg_reset_state')) {
  fail(`${relative(ROOT, join(PKG, 'uncanned.js'))} has no __wbg_reset_state: it was built with other wasm-bindgen flags; run \`make wasm\``);
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

// The test builds: the fixture server's origin; a background that loads the engine-fault hook
// (tests/browser/hooks/) before the real one, so the tests can make the wasm fail; and, after the
// content scripts, the hooks that send a test's messages from their context and make their
// teardown's first step throw.
function forTests(manifest) {
  const m = structuredClone(manifest);
  // Host permissions only where the shipped build asks for some: the tests run what ships.
  if (m.host_permissions?.length) m.host_permissions = [...m.host_permissions, FIXTURE_ORIGIN];
  for (const script of m.content_scripts) script.matches = [...script.matches, FIXTURE_ORIGIN];
  m.content_scripts.at(-1).js = [...m.content_scripts.at(-1).js, ...TEST_CONTENT];
  m.background = { ...m.background, service_worker: TEST_BACKGROUND, scripts: [TEST_BACKGROUND] };
  return m;
}

function addTestHooks(out) {
  mkdirSync(join(out, 'test'), { recursive: true });
  cpSync(join(HOOKS, 'engine-faults.js'), join(out, 'test', 'engine-faults.js'));
  for (const file of TEST_CONTENT) cpSync(join(HOOKS, file.slice('test/'.length)), join(out, file));
  // Imports run in order: the hook wraps WebAssembly before background.js starts the engine.
  writeFileSync(join(out, TEST_BACKGROUND), "import './engine-faults.js';\nimport '../background.js';\n");
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
  for (const file of ENGINE_FILES) cpSync(join(PKG, file), join(out, 'engine', file), { recursive: true });
  writeFileSync(join(out, 'content', 'coach', 'strings.js'), coachStringsScript(ROOT));
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
  'test-chrome': forTests(shippedBuilds.chrome),
  'test-firefox': forTests(shippedBuilds.firefox),
};

for (const [name, manifest] of Object.entries(builds)) {
  const out = build(name, manifest);
  if (!(name in shippedBuilds)) addTestHooks(out);
  for (const file of referencedFiles(manifest)) {
    if (!existsSync(join(out, file))) fail(`dist/${name}: manifest names ${file}, which does not exist`);
  }
  // The shipped builds must never carry the test origin.
  if (name in shippedBuilds && readFileSync(join(out, 'manifest.json'), 'utf8').includes('127.0.0.1')) {
    fail(`dist/${name}: the shipped manifest mentions the fixture origin`);
  }
  if (name in shippedBuilds && existsSync(join(out, 'test'))) fail(`dist/${name}: the shipped build holds the test hooks`);
  console.log(`dist/${name}: version ${version}, ${(sizeOf(out) / 1024).toFixed(0)} KiB`);
}
