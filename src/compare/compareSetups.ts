/**
 * Semantic comparison of two sets of Prometheus configurations (the originals and what a round trip
 * writes): each original is paired with the configuration that differs least from it (identical
 * ones first), and every difference is named by file, job and field. Two configurations are equal
 * when Prometheus would do the same with them: same targets and labels, intervals, relabelling,
 * discovery, auth/TLS, params, rules, alerting, remote write/read and global settings.
 */
import type { CanonRecord } from './canon.ts';
import { canonKey } from './canon.ts';
import type { ConfigDifference } from './diffCanon.ts';
import { diffCanon } from './diffCanon.ts';
import { normalizeConfig } from './normalizeConfig.ts';
import type { ReadConfig, SetupFile } from './setupFiles.ts';
import { readSetup } from './setupFiles.ts';

/** One original configuration and its counterpart. */
export interface ConfigPair {
  readonly original: string;
  /** The generated configuration paired with it; absent when there is none. */
  readonly generated?: string;
  readonly differences: readonly ConfigDifference[];
}

export interface SetupComparison {
  /** True when every original has an equal counterpart and nothing is added. */
  readonly equal: boolean;
  readonly pairs: readonly ConfigPair[];
  /** Generated configurations no original corresponds to. */
  readonly added: readonly string[];
  /** Every difference, pairs first (by original file), then added configurations. */
  readonly differences: readonly ConfigDifference[];
}

interface Normal {
  readonly file: string;
  readonly canon: CanonRecord;
  readonly key: string;
}

function normal(c: ReadConfig): Normal {
  const canon = normalizeConfig(c.config, c.rules);
  return { file: c.file, canon, key: canonKey(canon) };
}

/** The differences between one original configuration and one generated one. */
export function compareConfigs(original: ReadConfig, generated: ReadConfig): ConfigDifference[] {
  return diffCanon(original.file, normalizeConfig(original.config, original.rules), normalizeConfig(generated.config, generated.rules));
}

/** Compares the configurations among `originals` with those among `generated`. */
export function compareSetups(originals: readonly SetupFile[], generated: readonly SetupFile[]): SetupComparison {
  const a = readSetup(originals).map(normal);
  const b = readSetup(generated).map(normal);
  const paired = new Map<number, { j: number; differences: ConfigDifference[] }>();
  const used = new Set<number>();
  a.forEach((o, i) => {
    const j = b.findIndex((g, k) => !used.has(k) && g.key === o.key);
    if (j >= 0) {
      used.add(j);
      paired.set(i, { j, differences: [] });
    }
  });
  const candidates: { i: number; j: number; differences: ConfigDifference[] }[] = [];
  a.forEach((o, i) => {
    if (paired.has(i)) return;
    b.forEach((g, j) => {
      if (!used.has(j)) candidates.push({ i, j, differences: diffCanon(o.file, o.canon, g.canon) });
    });
  });
  candidates.sort((x, y) => x.differences.length - y.differences.length || x.i - y.i || x.j - y.j);
  for (const c of candidates) {
    if (paired.has(c.i) || used.has(c.j)) continue;
    paired.set(c.i, c);
    used.add(c.j);
  }
  const pairs: ConfigPair[] = a.map((o, i) => {
    const p = paired.get(i);
    if (!p) {
      return { original: o.file, differences: [{ file: o.file, field: '', message: `${o.file}: no configuration after the round trip corresponds to it (the server would be dropped)` }] };
    }
    return { original: o.file, generated: (b[p.j] as Normal).file, differences: p.differences };
  });
  const added = b.filter((_, j) => !used.has(j)).map((g) => g.file);
  const differences = [
    ...pairs.flatMap((p) => p.differences),
    ...added.map((file) => ({ file, field: '', message: `${file}: the round trip would add this configuration, which no original has` })),
  ];
  return { equal: differences.length === 0, pairs, added, differences };
}
