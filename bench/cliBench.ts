/** Start-up of the `promtopo` command (`--version`) against a bare `node -e 0`, medians of wall time. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const bin = resolve(fileURLToPath(new URL('..', import.meta.url)), 'bin/promtopo.mjs');

function timed(args: readonly string[]): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, [...args], { encoding: 'utf8' });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 300)}`);
  return ms;
}

function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

export function runCliBench(reps = 7): { promtopoMs: number; nodeMs: number } {
  timed([bin, '--version']); // a first run may build or warm caches
  const promtopo: number[] = [];
  const node: number[] = [];
  for (let r = 0; r < reps; r++) {
    promtopo.push(timed([bin, '--version']));
    node.push(timed(['-e', '0']));
  }
  return { promtopoMs: median(promtopo), nodeMs: median(node) };
}
