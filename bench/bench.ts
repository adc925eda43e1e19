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
  readonly minMs: number;
  readonly maxMs: number;
  readonly runs: number;
}

/** Runs `fn` once to warm up, then `runs` times; median, min and max in milliseconds. */
export function measure(fn: () => unknown, runs = 7): BenchResult {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  const median = times.length % 2 ? (times[mid] ?? 0) : ((times[mid - 1] ?? 0) + (times[mid] ?? 0)) / 2;
  return { medianMs: median, minMs: times[0] ?? 0, maxMs: times[times.length - 1] ?? 0, runs };
}
