/** PromQL aggregation over series blocks: how many series `sum by (...)`, `without (...)`, `topk` give. */
import { totalSeries, type SeriesBlock } from './series.ts';

/** `by (labels)`, `without (labels)`, or no clause (one series). */
export type Grouping = { by: readonly string[] } | { without: readonly string[] } | undefined;

function single(): SeriesBlock {
  return { labels: {}, free: [], instances: [], perInstance: 1 };
}

/**
 * One block per distinct value tuple of the grouping labels. Known values are counted exactly;
 * `instance` by the instances the group spans; labels of unknown values as at most the largest
 * series-per-instance among the group's input blocks (an upper bound). With `limitPerGroup`
 * (topk/bottomk/limitk) each group has at most that many series, none more than its input.
 */
export function aggregate(blocks: readonly SeriesBlock[], grouping: Grouping, limitPerGroup?: number): SeriesBlock[] {
  const total = totalSeries(blocks);
  if (total === 0) return [];
  if (!grouping || ('by' in grouping && grouping.by.length === 0)) {
    return [{ ...single(), perInstance: limitPerGroup === undefined ? 1 : Math.min(limitPerGroup, total) }];
  }
  const groups = new Map<string, { names: string[]; blocks: SeriesBlock[] }>();
  const byNames = 'by' in grouping ? [...grouping.by].sort() : undefined;
  for (const b of blocks) {
    const names = byNames ?? groupingWithout(b, 'without' in grouping ? grouping.without : []).sort();
    const key = names.map((n) => `${n}\u0001${n === 'instance' ? '' : (b.labels[n] ?? (b.free.includes(n) ? '\u0002' : ''))}`).join('\u0000');
    const g = groups.get(key);
    if (g) g.blocks.push(b);
    else groups.set(key, { names, blocks: [b] });
  }
  const out: SeriesBlock[] = [];
  for (const { names, blocks: members } of groups.values()) {
    const first = members[0] as SeriesBlock;
    const labels: Record<string, string> = {};
    const free: string[] = [];
    let byInstance = false;
    for (const n of names) {
      if (n === 'instance') byInstance = true;
      else if (first.labels[n] !== undefined) labels[n] = first.labels[n] as string;
      else if (members.some((m) => m.free.includes(n))) free.push(n);
    }
    if (limitPerGroup !== undefined) {
      out.push({ labels, free: [], instances: [], perInstance: Math.min(limitPerGroup, totalSeries(members)) });
      continue;
    }
    const instances = !byInstance ? [] : members.length === 1 ? first.instances : [...new Set(members.flatMap((m) => m.instances))];
    const perInstance = free.length > 0 ? freeCombinations(free, members) : 1;
    const cardinality = commonCardinality(free, members);
    out.push(cardinality ? { labels, free, instances, perInstance, cardinality } : { labels, free, instances, perInstance });
  }
  return out;
}

/**
 * Distinct value combinations of the free labels per instance: the product of their known value
 * counts (catalog `values`), never more than the largest block's series per instance; that largest
 * figure when a count is unknown.
 */
function freeCombinations(free: readonly string[], members: readonly SeriesBlock[]): number {
  const bound = Math.max(...members.map((m) => m.perInstance));
  let product = 1;
  for (const label of free) {
    let count = 0;
    for (const m of members) {
      const c = m.cardinality?.[label];
      if (c === undefined) return bound;
      count = Math.max(count, c);
    }
    product *= count;
  }
  return Math.min(bound, product);
}

function commonCardinality(free: readonly string[], members: readonly SeriesBlock[]): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  for (const label of free) {
    const counts = members.map((m) => m.cardinality?.[label]);
    if (counts.some((c) => c === undefined)) continue;
    out[label] = Math.max(...(counts as number[]));
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function groupingWithout(block: SeriesBlock, without: readonly string[]): string[] {
  const names = new Set<string>();
  for (const n of Object.keys(block.labels)) if (n !== '__name__') names.add(n);
  for (const n of block.free) names.add(n);
  if (block.instances.length > 0) names.add('instance');
  for (const n of without) names.delete(n);
  return [...names];
}
