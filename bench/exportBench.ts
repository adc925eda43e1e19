/**
 * Export of a 1,000-server design against its floor: the floor is the export without checks
 * (validate, generate, atomic write) plus one `promtool check config` over all its Prometheus configs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isPrometheusConfigPath, writeBundle } from '../electron/services/bundleWriter.ts';
import { findPromtool } from '../electron/services/promtool.ts';
import { syntheticTopology } from './syntheticTopology.ts';

export interface ExportFigures {
  readonly servers: number;
  readonly files: number;
  /** The real export: validated, every config checked by the real tools, written atomically. */
  readonly exportMs: number;
  /** Export without checks. */
  readonly uncheckedMs: number;
  /** One promtool process over every config. */
  readonly onePromtoolMs: number;
}

function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

export async function runExportBench(servers = 1000, reps = 3): Promise<ExportFigures> {
  const promtool = findPromtool();
  if (!promtool) throw new Error('promtool not found on PATH (install prometheus, or set PROMTOOL_BIN): the export bench needs it');
  const topology = syntheticTopology(servers);
  const root = mkdtempSync(join(tmpdir(), 'promtopo-bench-export-'));
  try {
    const full: number[] = [];
    const unchecked: number[] = [];
    const one: number[] = [];
    let files = 0;
    for (let r = 0; r < reps; r++) {
      let start = performance.now();
      const checked = await writeBundle({ topology, outDir: join(root, `checked-${r}`) });
      full.push(performance.now() - start);
      if (!checked.ok) throw new Error(`the bench design does not export: ${checked.error ?? 'unknown error'}`);
      start = performance.now();
      const plain = await writeBundle({ topology, outDir: join(root, `plain-${r}`), checkWithPromtool: false });
      unchecked.push(performance.now() - start);
      if (!plain.ok) throw new Error(`the bench design does not export: ${plain.error ?? 'unknown error'}`);
      files = plain.files.length;
      const configs = plain.files.map((f) => f.path).filter(isPrometheusConfigPath).map((p) => join(plain.outDir, p));
      start = performance.now();
      const run = spawnSync(promtool, ['check', 'config', ...configs], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
      one.push(performance.now() - start);
      if (run.status !== 0) throw new Error(`promtool rejected the bench design: ${run.stdout.slice(0, 400)}${run.stderr.slice(0, 400)}`);
      process.stderr.write('.');
    }
    return { servers, files, exportMs: median(full), uncheckedMs: median(unchecked), onePromtoolMs: median(one) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
