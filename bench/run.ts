/**
 * `npm run bench [-- PART]`: the engine benches (median of several runs after a warm-up, one table),
 * then the canvas benchmark against bare React Flow in headless Chromium, the export against its
 * floor and the CLI's start-up, each as ratios with absolute figures. PART is `engine`, `canvas`,
 * `export` or `cli` for one part, or a bench name for the engine benches whose name contains it.
 * Timings are printed, never asserted. `BENCH_REPS` sets the repetitions of the browser runs (3), `BENCH_SIZES` the canvas sizes
 * (`250,1000,2000`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchCase } from './bench.ts';
import { measure } from './bench.ts';
import { runCanvasBench } from './canvas/runCanvas.ts';
import { runCliBench } from './cliBench.ts';
import { engineBenches } from './engine.ts';
import { estimateBenches } from './estimateCases.ts';
import { runExportBench } from './exportBench.ts';
import { printCanvasReport, printCliReport, printExportReport } from './ratioReport.ts';

const benches: BenchCase[] = [
  ...engineBenches,
  ...estimateBenches,
];

const PARTS = ['engine', 'canvas', 'export', 'cli'] as const;

function ms(value: number): string {
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}

function runEngine(filter: string | undefined): boolean {
  const selected = filter ? benches.filter((b) => b.bench.includes(filter)) : benches;
  if (selected.length === 0) {
    console.error(`no bench matches ${JSON.stringify(filter)}; parts: ${PARTS.join(', ')}; benches: ${[...new Set(benches.map((b) => b.bench))].join(', ')}`);
    return false;
  }
  const rows: string[][] = [['bench', 'size', 'median ms', 'cpu ms', 'min ms', 'max ms', 'runs', 'target']];
  for (const b of selected) {
    const fn = b.prepare();
    const r = measure(fn, b.size.startsWith('1,000') ? 5 : 7);
    const target = b.targetMs === undefined ? '' : `${r.medianMs <= b.targetMs ? 'ok' : 'OVER'} (< ${b.targetMs} ms)`;
    rows.push([b.bench, b.size, ms(r.medianMs), ms(r.medianCpuMs), ms(r.minMs), ms(r.maxMs), String(r.runs), target]);
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? [];
  for (const [index, row] of rows.entries()) {
    console.log(row.map((cell, i) => (i >= 2 && i <= 6 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd());
    if (index === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  console.log('cpu ms = CPU time of this process per run; on a loaded machine it is closer to the cost than the wall-clock median.');
  return true;
}

async function main(): Promise<void> {
  const arg = process.argv[2];
  const part = PARTS.find((p) => p === arg);
  const all = arg === undefined;
  // Browser mode's settings and recent files go to a throwaway folder, never the user's.
  const configDir = mkdtempSync(join(tmpdir(), 'promtopo-bench-config-'));
  process.env.PROMTOPO_CONFIG_DIR = configDir;
  try {
    if (all || part === 'engine' || part === undefined) {
      if (!runEngine(part === undefined ? arg : undefined)) {
        process.exitCode = 2;
        return;
      }
    }
    if (all || part === 'canvas') {
      const buildScript = new URL('../scripts/build.mjs', import.meta.url).href;
      const { buildRenderer, rendererIsStale } = (await import(buildScript)) as { buildRenderer(): Promise<void>; rendererIsStale(): boolean };
      if (rendererIsStale()) await buildRenderer();
      const reps = Number(process.env.BENCH_REPS ?? 3);
      console.log(`\ncanvas: PromTopo (browser mode, built renderer) vs bare React Flow, interleaved, median of ${reps} visits each`);
      const sizes = process.env.BENCH_SIZES?.split(',').map(Number);
      printCanvasReport(await runCanvasBench({ reps, ...(sizes ? { sizes } : {}) }));
    }
    if (all || part === 'export') {
      console.log('');
      printExportReport(await runExportBench());
    }
    if (all || part === 'cli') {
      console.log('');
      printCliReport(runCliBench());
    }
    process.stderr.write('\n');
    console.log(`\nNode ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} cores, load average ${(loadavg()[0] ?? 0).toFixed(1)}.`);
  } finally {
    rmSync(configDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(`bench failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
