/**
 * `npm run bench [-- FILTER]`: runs the named benches (median of several runs after a warm-up) and
 * prints a table. Timings are printed, never asserted. Register a bench file with one line below.
 */
import { cpus, loadavg } from 'node:os';
import type { BenchCase } from './bench.ts';
import { measure } from './bench.ts';
import { engineBenches } from './engine.ts';
import { estimateBenches } from './estimateCases.ts';

const benches: BenchCase[] = [
  ...engineBenches,
  ...estimateBenches,
];

function ms(value: number): string {
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}

function main(): void {
  const filter = process.argv[2];
  const selected = filter ? benches.filter((b) => b.bench.includes(filter)) : benches;
  if (selected.length === 0) {
    console.error(`no bench matches ${JSON.stringify(filter)}; benches: ${[...new Set(benches.map((b) => b.bench))].join(', ')}`);
    process.exitCode = 2;
    return;
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
  const load = loadavg()[0] ?? 0;
  console.log(`\nNode ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} cores, load average ${load.toFixed(1)}; median of several runs after one warm-up.`);
  console.log('cpu ms = CPU time of this process per run; on a loaded machine it is closer to the cost than the wall-clock median.');
}

main();
