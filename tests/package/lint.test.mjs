// addons.mozilla.org runs the same linter on every upload: the Firefox build must pass it with no
// error, and with no warning but the one a shared Chromium/Firefox manifest cannot avoid (Firefox
// ignores `background.service_worker`, which Chromium needs). Needs `make extension` first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXPECTED_WARNINGS = ['BACKGROUND_SERVICE_WORKER_IGNORED'];

test('web-ext lint on dist/firefox: no errors, only the shared-manifest warning', async () => {
  const dir = join(ROOT, 'dist', 'firefox');
  assert.ok(existsSync(join(dir, 'manifest.json')), `${dir} missing: run \`make extension\``);
  const { stdout } = await promisify(execFile)(
    join(ROOT, 'node_modules', '.bin', 'web-ext'),
    ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'],
    // The linter's update check would reach the npm registry; a test stays offline.
    { cwd: ROOT, env: { ...process.env, NO_UPDATE_NOTIFIER: '1' }, maxBuffer: 16 << 20 },
  );
  const report = JSON.parse(stdout);
  const describe = (list) => list.map((m) => `${m.code} (${m.file ?? ''}): ${m.message}`);
  assert.deepEqual(describe(report.errors), [], 'no errors');
  assert.deepEqual(report.warnings.map((m) => m.code).filter((c) => !EXPECTED_WARNINGS.includes(c)), [],
    `unexpected warnings: ${describe(report.warnings).join('; ')}`);
  assert.deepEqual(describe(report.notices), [], 'no notices');
});
