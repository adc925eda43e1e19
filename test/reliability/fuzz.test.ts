// A short seeded fuzz run (npm run fuzz runs a long one): mutated documents through validate, load
// and export, mutated prometheus.yml through import, all judged by fuzzEngine.ts; then every saved
// regression input under regressions/ replayed. A failing input is saved there as a new regression.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fuzz, runConfig, runDocument, saveRegressions } from './fuzzEngine.ts';
import { figure, root, tempDir } from './support.ts';

const REGRESSIONS = join(root, 'test/reliability/regressions');

describe('fuzzing', () => {
  it('60 documents and 30 prometheus.yml (seed 19): every run exits 0/1/2 cleanly, nothing half-written', async () => {
    const report = await fuzz(root, 19, { documents: 60, configs: 30, exportEvery: 2 });
    const saved = report.failures.length ? saveRegressions(REGRESSIONS, report) : [];
    figure('fuzzed inputs (seed 19)', report.inputs, report.clean, `clean (${report.runs} CLI runs, ${report.exports} bundles written and accepted by promtool, ${report.disagreements.length} refused by promtool at export after validate)`);
    expect(report.failures.map((f) => `${f.kind} ${f.index} [${f.ops.join(', ')}]: ${f.problems.join('; ')}`), `saved as ${saved.join(', ')}`).toEqual([]);
    expect(report.inputs).toBe(90);
  }, 240_000);

  it('every saved regression input is handled cleanly', async () => {
    const files = readdirSync(REGRESSIONS).filter((f) => f.endsWith('.promtopo.json') || f.endsWith('.yml')).sort();
    expect(files.length).toBeGreaterThan(0);
    const work = tempDir('regressions');
    const problems: string[] = [];
    for (const f of files) {
      const text = readFileSync(join(REGRESSIONS, f), 'utf8');
      const verdicts = f.endsWith('.yml') ? await runConfig(work, text) : await runDocument(work, 'regression.promtopo.json', text, { exportBundle: true });
      problems.push(...verdicts.flatMap((v) => v.problems.map((p) => `${f}: ${p}`)));
    }
    figure('regression inputs', files.length, files.length - new Set(problems.map((p) => p.split(':')[0])).size, 'clean');
    expect(problems).toEqual([]);
  }, 240_000);
});
