/**
 * Import verification: import the files, generate the bundle in memory, and compare every original
 * configuration with the generated one for the same server instance. The verdict says what the round
 * trip import -> export would change in what Prometheus does (nothing, for a faithful import).
 */
import { generateBundle } from '../generate/generateBundle.ts';
import type { ImportFile, ImportResult } from '../import/importConfigs.ts';
import { importConfigs } from '../import/importConfigs.ts';
import type { SetupComparison } from './compareSetups.ts';
import { compareSetups } from './compareSetups.ts';
import type { ConfigDifference } from './diffCanon.ts';

/** The verdict on one import's round trip, small enough for the host API and the CLI's JSON. */
export interface RoundTripVerdict {
  /** True when the generated configurations mean what the originals mean. */
  readonly equal: boolean;
  /** Original configurations compared. */
  readonly compared: number;
  /** Of those, how many have an equal counterpart. */
  readonly equalCount: number;
  /** Each original and the generated file paired with it. */
  readonly pairs: readonly { readonly original: string; readonly generated?: string; readonly differences: number }[];
  /** Generated configurations no original corresponds to. */
  readonly added: readonly string[];
  readonly differences: readonly ConfigDifference[];
}

export interface VerifiedImport {
  readonly result: ImportResult;
  /** Absent when the import failed (nothing to compare). */
  readonly verdict?: RoundTripVerdict;
}

/** The verdict of a comparison, in the host API's shape. */
export function roundTripVerdict(comparison: SetupComparison): RoundTripVerdict {
  return {
    equal: comparison.equal,
    compared: comparison.pairs.length,
    equalCount: comparison.pairs.filter((p) => p.generated !== undefined && p.differences.length === 0).length,
    pairs: comparison.pairs.map((p) => ({ original: p.original, ...(p.generated !== undefined ? { generated: p.generated } : {}), differences: p.differences.length })),
    added: comparison.added,
    differences: comparison.differences,
  };
}

/** Imports `files` and compares the originals with the bundle the import would export. */
export function verifyImport(files: readonly ImportFile[]): VerifiedImport {
  const result = importConfigs(files);
  if (!result.ok || !result.topology) return { result };
  const bundle = generateBundle(result.topology).files.map((f) => ({ name: f.path, text: f.contents }));
  return { result, verdict: roundTripVerdict(compareSetups(files, bundle)) };
}

/** One line: `the round trip would change nothing (3 configurations compared)` or what it would change. */
export function verdictLine(v: RoundTripVerdict): string {
  const n = `${v.compared} configuration${v.compared === 1 ? '' : 's'}`;
  if (v.equal) return `the round trip would change nothing (${n} compared, all equal)`;
  const parts = [`${v.equalCount} of ${n} equal`, `${v.differences.length} difference${v.differences.length === 1 ? '' : 's'}`];
  if (v.added.length) parts.push(`${v.added.length} configuration${v.added.length === 1 ? '' : 's'} added`);
  return `the round trip would change what Prometheus does: ${parts.join(', ')}`;
}
