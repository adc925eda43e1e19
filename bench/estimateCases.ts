/** Engineer E's load-model bench (bench/estimate.ts) as cases of `npm run bench`. */
import { builtinCatalogs } from '../assets/catalogs/builtinCatalogs.ts';
import { estimateLoad } from '../src/estimate/estimateLoad.ts';
import type { BenchCase } from './bench.ts';
import { ESTIMATE_BUDGET_MS, benchTopology } from './estimate.ts';

/** Fresh documents per run: estimateLoad reuses servers whose node objects it has seen, so a cold run needs new objects. */
const POOL = 9;

export const estimateBenches: BenchCase[] = [10, 100, 1000].map((n) => ({
  bench: 'estimate',
  size: `${n.toLocaleString('en-US')} servers`,
  ...(n === 1000 ? { targetMs: ESTIMATE_BUDGET_MS } : {}),
  prepare: () => {
    const pool = Array.from({ length: POOL }, () => benchTopology(n));
    let next = 0;
    return () => estimateLoad(pool[next++ % POOL] ?? benchTopology(n), builtinCatalogs);
  },
}));
