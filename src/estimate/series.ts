/**
 * What a Prometheus instance holds, as blocks of series the load model can count and select from
 * without listing every series: one block per metric name and job (scraped), per rule output, per
 * federated block. A block knows the values of some labels (`job`, the group's labels, external labels
 * added by federation), the `instance` values it spans, and the names of labels whose values the model
 * does not know (`cpu`, `mode`, ... from the catalogs).
 */
import type { SeriesCount } from '../model/types.ts';
import { matcherMatches } from '../promql/matchSelector.ts';
import type { Matcher, Selector } from '../promql/parseSelector.ts';

/** A set of series that share a metric name and known label values. */
export interface SeriesBlock {
  /** Known label values, `__name__` included when the block has a metric name. Never `instance`. */
  readonly labels: Readonly<Record<string, string>>;
  /** Label names present on the series whose values are unknown (matchers on them are assumed to match). */
  readonly free: readonly string[];
  /** `instance` values the block spans; empty when its series carry no `instance` label. */
  readonly instances: readonly string[];
  /** Series per instance (or in total when `instances` is empty). */
  readonly perInstance: SeriesCount;
  /** Distinct values per instance of some free labels (from the catalogs), when known. */
  readonly cardinality?: Readonly<Record<string, number>>;
}

/** Series in a block. */
export function blockSeries(block: SeriesBlock): SeriesCount {
  return block.perInstance * (block.instances.length === 0 ? 1 : block.instances.length);
}

/** Series in a list of blocks. */
export function totalSeries(blocks: readonly SeriesBlock[]): SeriesCount {
  let n = 0;
  for (const b of blocks) n += blockSeries(b);
  return n;
}

/**
 * The part of a block a selector selects, or undefined when it selects none of it.
 * - `instance` matchers filter the block's instances (a block without instances has `instance=""`);
 * - matchers on a free label are assumed to match (an upper bound: the values are unknown);
 * - any other matcher is tested against the known value, `""` when the label is absent (Prometheus).
 */
export function selectBlock(selector: Selector, block: SeriesBlock): SeriesBlock | undefined {
  let instanceMatchers: Matcher[] | undefined;
  for (const m of selector.matchers) {
    if (m.name === 'instance') {
      (instanceMatchers ??= []).push(m);
      continue;
    }
    const value = block.labels[m.name];
    if (value === undefined && block.free.includes(m.name)) continue;
    if (!matcherMatches(m, value ?? '')) return undefined;
  }
  if (!instanceMatchers) return block;
  const ims = instanceMatchers;
  if (block.instances.length === 0) return ims.every((m) => matcherMatches(m, '')) ? block : undefined;
  const instances = block.instances.filter((i) => ims.every((m) => matcherMatches(m, i)));
  if (instances.length === 0) return undefined;
  return instances.length === block.instances.length ? block : { ...block, instances };
}

/**
 * What a list of selectors selects together (their union, as `/federate` with several `match[]`):
 * each block at most once, with the union of the instances the selectors picked.
 */
export function selectUnion(selectors: readonly Selector[], blocks: readonly SeriesBlock[]): SeriesBlock[] {
  const out: SeriesBlock[] = [];
  for (const block of blocks) {
    let picked: SeriesBlock | undefined;
    let instances: Set<string> | undefined;
    for (const selector of selectors) {
      const part = selectBlock(selector, block);
      if (!part) continue;
      if (part === block) {
        picked = block;
        instances = undefined;
        break;
      }
      picked = block;
      instances ??= new Set();
      for (const i of part.instances) instances.add(i);
    }
    if (!picked) continue;
    out.push(instances ? { ...block, instances: block.instances.filter((i) => instances.has(i)) } : block);
  }
  return out;
}

/** Blocks indexed by metric name, so a selector with `__name__="x"` does not scan everything. */
export interface BlockIndex {
  readonly all: readonly SeriesBlock[];
  readonly byName: ReadonlyMap<string, readonly SeriesBlock[]>;
}

export function indexBlocks(blocks: readonly SeriesBlock[]): BlockIndex {
  const byName = new Map<string, SeriesBlock[]>();
  for (const b of blocks) {
    const name = b.labels.__name__ ?? '';
    const list = byName.get(name);
    if (list) list.push(b);
    else byName.set(name, [b]);
  }
  return { all: blocks, byName };
}

/** The blocks a selector can select from: by name when it has `__name__="x"`, else all. */
export function candidates(selector: Selector, index: BlockIndex): readonly SeriesBlock[] {
  const eq = selector.matchers.find((m) => m.name === '__name__' && m.op === '=');
  return eq ? (index.byName.get(eq.value) ?? []) : index.all;
}

/** Union of the selectors over an index (each selector narrowed by name first). */
export function selectFromIndex(selectors: readonly Selector[], index: BlockIndex): SeriesBlock[] {
  if (selectors.length === 1) {
    const only = selectors[0] as Selector;
    const out: SeriesBlock[] = [];
    for (const b of candidates(only, index)) {
      const part = selectBlock(only, b);
      if (part) out.push(part);
    }
    return out;
  }
  const pool = new Set<SeriesBlock>();
  for (const s of selectors) for (const b of candidates(s, index)) pool.add(b);
  return selectUnion(selectors, index.all.filter((b) => pool.has(b)));
}

/** Adds known labels to every block (external labels on the way out of /federate: only where absent). */
export function withLabels(blocks: readonly SeriesBlock[], labels: Readonly<Record<string, string>>): SeriesBlock[] {
  const entries = Object.entries(labels);
  if (entries.length === 0) return [...blocks];
  return blocks.map((b) => {
    const merged: Record<string, string> = { ...b.labels };
    for (const [k, v] of entries) if (merged[k] === undefined && !b.free.includes(k)) merged[k] = v;
    return { ...b, labels: merged };
  });
}
