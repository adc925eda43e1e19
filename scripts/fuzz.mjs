// `npm run fuzz [-- --seed N --documents N --configs N]`: the long fuzz run (npm test runs a short
// one). Runs test/reliability/fuzzEngine.ts in a child process and watches it: an input that makes
// a command run for ever (no progress for 60 s) is saved too. Every failing input is saved under
// test/reliability/regressions/ (replayed by npm test from then on). Prints the figures.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const seed = arg('seed', Date.now() % 100000);
const documents = arg('documents', 1000);
const configs = arg('configs', 500);
const STALL_MS = 60_000;
const progress = join(tmpdir(), `promtopo-fuzz-progress-${process.pid}.txt`);
const current = `${progress}.input`;
const driver = join(tmpdir(), `promtopo-fuzz-driver-${process.pid}.mts`);
writeFileSync(driver, `
import { writeFileSync } from 'node:fs';
import { fuzz, saveRegressions } from ${JSON.stringify(join(root, 'test/reliability/fuzzEngine.ts'))};
let n = 0;
const report = await fuzz(${JSON.stringify(root)}, ${seed}, { documents: ${documents}, configs: ${configs}, exportEvery: 3 }, (kind, text) => {
  writeFileSync(${JSON.stringify(current)}, kind + '\\n' + text);
  writeFileSync(${JSON.stringify(progress)}, String(++n));
});
const saved = saveRegressions(${JSON.stringify(join(root, 'test/reliability/regressions'))}, report);
console.log('fuzz (seed ${seed}): ' + report.clean + ' / ' + report.inputs + ' fuzzed inputs clean; ' + report.runs + ' CLI runs; ' + report.exports + ' bundles written, all accepted by promtool; ' + report.disagreements.length + ' refused by promtool at export after validate passed');
for (const f of report.failures) console.log('FAIL ' + f.kind + ' ' + f.index + ' [' + f.ops.join(', ') + ']: ' + f.problems.join('; '));
if (saved.length) console.log('saved: ' + saved.join(', '));
process.exit(report.failures.length ? 1 : 0);
`);
const child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), driver], { cwd: root, stdio: 'inherit' });
let last = '';
let lastChange = Date.now();
const watch = setInterval(() => {
  const now = existsSync(progress) ? readFileSync(progress, 'utf8') : '';
  if (now !== last) {
    last = now;
    lastChange = Date.now();
  } else if (Date.now() - lastChange > STALL_MS) {
    clearInterval(watch);
    child.kill('SIGKILL');
    const [kind, ...rest] = readFileSync(current, 'utf8').split('\n');
    const dir = join(root, 'test/reliability/regressions');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${kind}-seed${seed}-hang-${last}.${kind === 'document' ? 'promtopo.json' : 'yml'}`);
    writeFileSync(file, rest.join('\n'));
    console.log(`FAIL: input ${last} made no progress for ${STALL_MS / 1000} s (runs for ever); saved ${file}`);
    process.exitCode = 1;
  }
}, 1000);
child.on('exit', (code) => {
  clearInterval(watch);
  for (const f of [progress, current, driver]) rmSync(f, { force: true });
  if (process.exitCode === undefined) process.exitCode = code ?? 1;
});
