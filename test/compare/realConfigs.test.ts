/**
 * Import fidelity on real setups (../shared/testdata/real-configs, sources in its SOURCES.md): every
 * setup whose originals Prometheus accepts imports, validates without errors, exports through the real
 * export pipeline (promtool included) and, read back from disk, compares equal to the originals with
 * the semantic comparison of src/compare. Setups that do not yet are listed in KNOWN_FAILURES with
 * the stage and what was found; a listed setup that starts passing, or any other setup that fails,
 * fails the test. Prints the figures.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeBundle } from '../../electron/services/bundleWriter.ts';
import { compareSetups } from '../../src/compare/compareSetups.ts';
import type { SetupFile } from '../../src/compare/setupFiles.ts';
import { readSetup } from '../../src/compare/setupFiles.ts';
import { generateBundle } from '../../src/generate/generateBundle.ts';
import { importConfigs } from '../../src/import/importConfigs.ts';
import type { Topology } from '../../src/model/types.ts';
import { validateTopology } from '../../src/validate/validateTopology.ts';

const root = join(import.meta.dirname, '../../../shared/testdata/real-configs');
if (!existsSync(join(root, 'SOURCES.md'))) {
  throw new Error(`real configurations missing: ${root} (expected ../shared/testdata/real-configs next to the project)`);
}
if (spawnSync('promtool', ['--version']).status !== 0) throw new Error('promtool not found on PATH: apt-get install --no-install-recommends prometheus');

type Stage = 'import' | 'validate' | 'export' | 'equal';

/**
 * Setups that do not survive the round trip yet: the first stage that fails, and what it found.
 * Each entry is a fault of the importer or exporter, not a deliberate difference.
 */
const KNOWN_FAILURES: Record<string, { readonly stage: Stage; readonly found: string }> = {};

const setups = readdirSync(root).filter((n) => statSync(join(root, n)).isDirectory()).sort();
const work = mkdtempSync(join(tmpdir(), 'promtopo-real-configs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((n) => (statSync(join(dir, n)).isDirectory() ? filesUnder(join(dir, n)) : [join(dir, n)]));
}

function readFolder(dir: string): SetupFile[] {
  return filesUnder(dir).map((p) => ({ name: relative(dir, p).split('\\').join('/'), text: readFileSync(p, 'utf8') }));
}

/**
 * promtool's verdict on an original: accepted; not checkable by this promtool (Debian's 2.42 lacks
 * some discovery mechanisms and every 3.x key: `field X not found in type ...`); or rejected.
 */
function promtoolVerdict(dir: string, file: string): 'accepted' | 'not-checkable' | 'rejected' {
  const r = spawnSync('promtool', ['check', 'config', '--syntax-only', join(dir, file)], { encoding: 'utf8', timeout: 30_000 });
  if (r.status === 0) return 'accepted';
  return /field \w+ not found in type config\.\w+/.test(`${r.stdout}${r.stderr}`) ? 'not-checkable' : 'rejected';
}

function oneLine(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return flat.length > 240 ? `${flat.slice(0, 237)}...` : flat;
}

interface Outcome {
  readonly setup: string;
  /** The first stage that failed; undefined when the setup passed every stage. */
  readonly failed?: Stage;
  readonly found: string[];
  readonly reached: ReadonlySet<Stage>;
}

/** What the round trip would change, generated in memory (for setups that stop before the comparison). */
function inMemory(originals: readonly SetupFile[], topology: Topology): string[] {
  const generated = generateBundle(topology).files.map((f) => ({ name: f.path, text: f.contents }));
  const comparison = compareSetups(originals, generated);
  return comparison.equal ? ['in memory: equal'] : comparison.differences.map((d) => `in memory: ${d.message}`);
}

async function roundTrip(setup: string): Promise<Outcome> {
  const dir = join(root, setup);
  const originals = readFolder(dir);
  const reached = new Set<Stage>();
  const fail = (stage: Stage, found: string[]): Outcome => ({ setup, failed: stage, found, reached });
  const imported = importConfigs(originals);
  if (!imported.ok || !imported.topology) return fail('import', imported.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message));
  reached.add('import');
  if (inMemory(originals, imported.topology)[0] === 'in memory: equal') figures.equalInMemory++;
  const errors = validateTopology(imported.topology).filter((d) => d.severity === 'error');
  if (errors.length) return fail('validate', [...errors.map((d) => `${d.code}: ${d.message}`), ...inMemory(originals, imported.topology)]);
  reached.add('validate');
  const out = join(work, setup);
  const exported = await writeBundle({ topology: imported.topology, outDir: out });
  if (!exported.ok) return fail('export', [exported.error ?? 'export refused', ...inMemory(originals, imported.topology)]);
  reached.add('export');
  const comparison = compareSetups(originals, readFolder(out));
  if (!comparison.equal) return fail('equal', comparison.differences.map((d) => d.message));
  reached.add('equal');
  return { setup, found: [], reached };
}

const figures = { setups: setups.length, accepted: 0, notCheckable: 0, rejected: 0, imported: 0, validated: 0, exported: 0, equal: 0, equalInMemory: 0 };
const lines: string[] = [];
afterAll(() => {
  console.log(`real configs: ${figures.setups} setups (originals: promtool accepts ${figures.accepted}, not checkable by this promtool ${figures.notCheckable}, rejected ${figures.rejected}); ` +
    `imported ${figures.imported}, validated ${figures.validated}, exported ${figures.exported}, equal ${figures.equal} ` +
    `(generated in memory, without promtool: ${figures.equalInMemory} equal)\n${lines.join('\n')}`);
});

describe('real setups survive import -> export', () => {
  it('the corpus is there', () => {
    expect(setups.length).toBeGreaterThanOrEqual(18);
  });

  it.each(setups)('%s', async (setup) => {
    const dir = join(root, setup);
    const verdicts = readSetup(readFolder(dir)).map((c) => promtoolVerdict(dir, c.file));
    expect(verdicts.length, `${setup}: no Prometheus configuration found`).toBeGreaterThan(0);
    if (verdicts.includes('rejected')) {
      figures.rejected++;
      lines.push(`  ${setup}: originals rejected by promtool; not part of the figure`);
      return;
    }
    if (verdicts.includes('not-checkable')) figures.notCheckable++;
    else figures.accepted++;
    const outcome = await roundTrip(setup);
    if (outcome.reached.has('import')) figures.imported++;
    if (outcome.reached.has('validate')) figures.validated++;
    if (outcome.reached.has('export')) figures.exported++;
    if (outcome.reached.has('equal')) figures.equal++;
    const known = KNOWN_FAILURES[setup];
    if (outcome.failed) lines.push(`  ${setup}: fails at ${outcome.failed}${known ? ' (known)' : ''}: ${outcome.found.slice(0, 4).map(oneLine).join(' | ')}`);
    if (known) {
      expect(outcome.failed, `${setup} now passes ${known.stage}: remove it from KNOWN_FAILURES`).toBe(known.stage);
    } else {
      expect(outcome.found, `${setup} fails at ${outcome.failed}`).toEqual([]);
    }
  });
});
