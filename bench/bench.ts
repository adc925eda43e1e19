/** The shape of a named benchmark case and the timing helper `npm run bench` uses. */
import { performance } from 'node:perf_hooks';

/** One measured case: `prepare` builds the input (not timed) and returns the timed function. */
export interface BenchCase {
  /** Bench name, e.g. `validate+generate`; `npm run bench -- NAME` runs the benches whose name contains NAME. */
  readonly bench: string;
  /** The size measured, e.g. `1,000 servers`. */
  readonly size: string;
  /** Optional target, in milliseconds, printed beside the median (never asserted). */
  readonly targetMs?: number;
  readonly prepare: () => () => unknown;
}

/** Timings of one case, in milliseconds. */
export interface BenchResult {
  readonly medianMs: number;
  /**
   * Median CPU time of this process per run (user + system), in milliseconds. On a shared, loaded
   * machine the wall-clock figures include waiting for a core; CPU time shows the work itself.
   */
  readonly medianCpuMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly runs: number;
}

/** Runs `fn` once to warm up, then `runs` times; median, min and max in milliseconds. */
export function measure(fn: () => unknown, runs = 7): BenchResult {
  fn();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return { medianMs: median(times), medianCpuMs: median([...cpu].sort((a, b) => a - b)), minMs: times[0] ?? 0, maxMs: times[times.length - 1] ?? 0, runs };
}

/** Median of sorted numbers. */
function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
