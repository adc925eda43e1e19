/** Benches of the engine: validate and generate for 10, 100 and 1,000 servers (target < 300 ms at 1,000). */
import { generateBundle } from '../src/generate/generateBundle.ts';
import { validateTopology } from '../src/validate/validateTopology.ts';
import type { BenchCase } from './bench.ts';
import { syntheticTopology } from './syntheticTopology.ts';

const SIZES = [10, 100, 1000] as const;

function size(n: number): string {
  return `${n.toLocaleString('en-US')} servers`;
}

export const engineBenches: BenchCase[] = SIZES.flatMap((n): BenchCase[] => [
  { bench: 'validate', size: size(n), prepare: () => { const t = syntheticTopology(n); return () => validateTopology(t); } },
  { bench: 'generate', size: size(n), prepare: () => { const t = syntheticTopology(n); return () => generateBundle(t); } },
  {
    bench: 'validate+generate',
    size: size(n),
    ...(n === 1000 ? { targetMs: 300 } : {}),
    prepare: () => {
      const t = syntheticTopology(n);
      return () => {
        validateTopology(t);
        return generateBundle(t);
      };
    },
  },
]);
