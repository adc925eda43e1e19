// `npm test`: everything, in order, stopping at the first failing stage:
// preflight (real binaries) -> layer check -> type check -> vitest (unit, golden, live) ->
// renderer build -> Playwright e2e. Ends with one line `tests: N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const reports = '.tmp/reports';
mkdirSync(reports, { recursive: true });
let passed = 0;
let failed = 0;

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function finish(ok) {
  console.log(`\ntests: ${passed} passed, ${failed} failed`);
  process.exit(ok ? 0 : 1);
}

function countVitest(file) {
  if (!existsSync(file)) return false;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0) + (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  return true;
}

function countPlaywright(file) {
  if (!existsSync(file)) return false;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.stats?.expected ?? 0;
  failed += (r.stats?.unexpected ?? 0) + (r.stats?.flaky ?? 0) + (r.stats?.skipped ?? 0);
  return true;
}

const node = process.execPath;
if (!run('preflight', node, ['scripts/preflight.mjs'])) finish(false);
if (!run('layers', node, ['scripts/check-layers.mjs'])) finish(false);
if (!run('typecheck', node, ['scripts/typecheck.mjs'])) finish(false);

const vitestJson = join(reports, 'vitest.json');
const vitestOk = run('vitest', node, ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
countVitest(vitestJson);
if (!vitestOk) finish(false);

const hasE2e = existsSync('e2e') && readdirSync('e2e').some((f) => f.endsWith('.spec.ts'));
if (hasE2e) {
  if (!run('build', node, ['scripts/build.mjs', '--renderer'])) finish(false);
  const pwJson = join(reports, 'playwright.json');
  const e2eOk = run('e2e', node, ['node_modules/@playwright/test/cli.js', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
  countPlaywright(pwJson);
  if (!e2eOk) finish(false);
} else {
  console.log('\n=== e2e: no e2e/*.spec.ts yet');
}
finish(failed === 0);
