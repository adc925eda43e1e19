/**
 * Everything one Prometheus instance holds, organised so selection stays cheap at 1,000 servers:
 * scraped series as families (one shared template set per exporter catalog, job and labels, plus the
 * family's instances), and loose blocks (recording-rule outputs, federated series). Selecting from a
 * template set is cached per selector, so a `match[]` regex runs once per distinct template set, not
 * once per server.
 */
import { matcherMatches } from '../promql/matchSelector.ts';
import type { Matcher, Selector } from '../promql/parseSelector.ts';
import { candidates, indexBlocks, selectBlock, selectUnion, type BlockIndex, type SeriesBlock } from './series.ts';

/** The blocks of one target (no instances), shared by every group with the same catalog, job and labels. */
export class TemplateSet {
  readonly index: BlockIndex;
  private readonly cache = new WeakMap<Selector, readonly SeriesBlock[]>();

  constructor(readonly blocks: readonly SeriesBlock[]) {
    this.index = indexBlocks(blocks);
  }

  /** Template blocks the selector's non-`instance` matchers select (cached). */
  select(selector: Selector): readonly SeriesBlock[] {
    let hit = this.cache.get(selector);
    if (!hit) {
      const rest = splitSelector(selector).rest;
      hit = candidates(rest, this.index).filter((b) => selectBlock(rest, b) !== undefined);
      this.cache.set(selector, hit);
    }
    return hit;
  }
}

/** A scrape job's series on one instance: the template set times the targets this instance scrapes. */
export interface BlockFamily {
  readonly templates: TemplateSet;
  readonly instances: readonly string[];
}

const splitCache = new WeakMap<Selector, { rest: Selector; instance: readonly Matcher[] }>();

/** A selector's `instance` matchers apart from the rest. */
function splitSelector(selector: Selector): { rest: Selector; instance: readonly Matcher[] } {
  let split = splitCache.get(selector);
  if (!split) {
    const instance = selector.matchers.filter((m) => m.name === 'instance');
    split = { rest: instance.length ? { matchers: selector.matchers.filter((m) => m.name !== 'instance') } : selector, instance };
    splitCache.set(selector, split);
  }
  return split;
}

/** What one instance holds. Rule outputs and federated series are added as loose blocks. */
export class Holdings {
  private readonly families: BlockFamily[] = [];
  private readonly loose: SeriesBlock[] = [];
  private readonly looseByName = new Map<string, SeriesBlock[]>();

  addFamily(family: BlockFamily): void {
    if (family.instances.length > 0) this.families.push(family);
  }

  addBlocks(blocks: readonly SeriesBlock[]): void {
    for (const b of blocks) {
      this.loose.push(b);
      const name = b.labels.__name__ ?? '';
      const list = this.looseByName.get(name);
      if (list) list.push(b);
      else this.looseByName.set(name, [b]);
    }
  }

  /** The union of what the selectors select (each series at most once). */
  select(selectors: readonly Selector[]): SeriesBlock[] {
    const out: SeriesBlock[] = [];
    if (selectors.length === 0) return out;
    for (const family of this.families) selectFamily(selectors, family, out);
    const pool = new Set<SeriesBlock>();
    for (const s of selectors) for (const b of candidates(s, { all: this.loose, byName: this.looseByName })) pool.add(b);
    if (pool.size > 0) out.push(...selectUnion(selectors, this.loose.filter((b) => pool.has(b))));
    return out;
  }
}

function selectFamily(selectors: readonly Selector[], family: BlockFamily, out: SeriesBlock[]): void {
  // Per template block: every instance ('all'), or the set picked by some selector's instance matchers.
  let picked: Map<SeriesBlock, Set<string> | 'all'> | undefined;
  for (const selector of selectors) {
    const matched = family.templates.select(selector);
    if (matched.length === 0) continue;
    const { instance } = splitSelector(selector);
    const instances = instance.length === 0 ? 'all' : family.instances.filter((i) => instance.every((m) => matcherMatches(m, i)));
    if (instances !== 'all' && instances.length === 0) continue;
    picked ??= new Map();
    for (const t of matched) {
      const prior = picked.get(t);
      if (prior === 'all') continue;
      if (instances === 'all') picked.set(t, 'all');
      else if (prior) for (const i of instances) prior.add(i);
      else picked.set(t, new Set(instances));
    }
  }
  if (!picked) return;
  for (const [t, instances] of picked) {
    out.push({ ...t, instances: instances === 'all' ? family.instances : family.instances.filter((i) => instances.has(i)) });
  }
}
