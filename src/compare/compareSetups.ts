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

/** Most original x generated comparisons made to pair configurations that are not identical. */
const MAX_COMPARISONS = 2500;

interface Normal {
  readonly file: string;
  readonly canon: CanonRecord;
  readonly key: string;
  /** Job names and external labels: what tells the servers of a setup apart. */
  readonly signature: string;
}

function normal(c: ReadConfig): Normal {
  const canon = normalizeConfig(c.config, c.rules);
  const global = canon.global as CanonRecord;
  const signature = canonKey([Object.keys(canon.scrape_configs as CanonRecord).sort(), global.external_labels as CanonRecord]);
  return { file: c.file, canon, key: canonKey(canon), signature };
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
  const leftA = a.map((_, i) => i).filter((i) => !paired.has(i));
  const leftB = b.map((_, j) => j).filter((j) => !used.has(j));
  // Every leftover pair is compared when there are few; beyond that, configs are paired by their
  // job names and external labels first, so a large import stays fast.
  const pool = leftA.length * leftB.length <= MAX_COMPARISONS
    ? leftA.flatMap((i) => leftB.map((j) => ({ i, j })))
    : leftA.flatMap((i) => leftB.filter((j) => (b[j] as Normal).signature === (a[i] as Normal).signature).slice(0, 1).map((j) => ({ i, j })));
  const candidates = pool.map(({ i, j }) => ({ i, j, differences: diffCanon((a[i] as Normal).file, (a[i] as Normal).canon, (b[j] as Normal).canon) }));
  candidates.sort((x, y) => x.differences.length - y.differences.length || x.i - y.i || x.j - y.j);
  for (const c of candidates) {
    if (paired.has(c.i) || used.has(c.j)) continue;
    paired.set(c.i, c);
    used.add(c.j);
  }
  for (const i of leftA) {
    if (paired.has(i)) continue;
    const j = leftB.find((k) => !used.has(k));
    if (j === undefined || leftA.length * leftB.length <= MAX_COMPARISONS) continue;
    paired.set(i, { j, differences: diffCanon((a[i] as Normal).file, (a[i] as Normal).canon, (b[j] as Normal).canon) });
    used.add(j);
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
