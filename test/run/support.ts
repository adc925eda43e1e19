/**
 * A local run of a built-in example for the tests: started with one short interval (the predictions
 * use the same), polled until every server has a full measurement window, checked, stopped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTopology } from '../../src/model/document.ts';
import type { Topology } from '../../src/model/types.ts';
import { LocalRun } from '../../electron/services/run/localRun.ts';
import { query } from '../../electron/services/run/promApi.ts';

const EXAMPLES = join(import.meta.dirname, '../../assets/examples');

/** A built-in example, parsed with the real schema; fails loudly when the file is missing. */
export function example(id: string): Topology {
  const file = join(EXAMPLES, `${id}.promtopo.json`);
  const parsed = parseTopology(readFileSync(file, 'utf8'), `${id}.promtopo.json`);
  if (!parsed.ok) throw new Error(`${file}: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
  return parsed.topology;
}

/** Polls `check` until it returns a value other than undefined; fails after `timeoutMs` with the last error. */
export async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (e) {
      last = (e as Error).message;
    }
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}${last ? ` (${last})` : ''}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The window samples/s is measured over in these runs, in seconds. */
export const WINDOW_SECONDS = 20;
/** One scrape and evaluation interval everywhere: short, yet light enough for a busy 2-core machine. */
export const INTERVAL = '2s';

/** Starts a run of the example with INTERVAL everywhere. */
export async function startExample(id: string): Promise<LocalRun> {
  return LocalRun.start(example(id), { interval: INTERVAL, windowSeconds: WINDOW_SECONDS });
}

/** Waits until every server has been read for the whole window. */
export async function untilMeasured(run: LocalRun): Promise<void> {
  await until('a full measurement window', async () => (run.measuredSeconds >= WINDOW_SECONDS - 1 ? true : undefined));
}

/** The label set of a series as a sorted, comparable string. */
export function seriesKey(labels: Readonly<Record<string, string>>): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The series an instant query of the union of `selectors` returns on `address`. */
export async function seriesOf(address: string, selectors: readonly string[]): Promise<Record<string, string>[]> {
  const all: Record<string, string>[] = [];
  for (const s of selectors) for (const r of await query(address, s)) all.push({ ...r.metric });
  return all;
}

/** True while the process or any member of its process group exists. */
export function groupExists(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
