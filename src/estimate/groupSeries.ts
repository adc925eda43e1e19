/**
 * What one target group exposes to the load model: series per target (group, catalog or default),
 * the per-target series blocks (shared template sets), and which targets each hashmod shard keeps.
 * Cached on the (immutable) node objects, so repeated estimates do not redo md5s or block lists.
 */
import { groupTargets, placeholderPort } from '../model/targets.ts';
import { assignShards } from '../model/hashmod.ts';
import { shardCount } from '../model/instances.ts';
import { scrapeJobName } from '../model/jobs.ts';
import type { PrometheusNode, TargetGroupNode } from '../model/types.ts';
import type { CatalogIndex, ExporterCatalog } from './catalog.ts';
import { DEFAULT_SERIES_PER_TARGET, SYNTHETIC_SERIES } from './constants.ts';
import { TemplateSet } from './holdings.ts';
import type { SeriesBlock } from './series.ts';
import type { TargetGroupLoad } from './types.ts';

/** Series per target of a group and where the figure comes from. */
export function groupSeries(group: TargetGroupNode, catalogs: CatalogIndex): Pick<TargetGroupLoad, 'seriesPerTarget' | 'seriesSource'> {
  if (group.seriesPerTarget !== undefined) return { seriesPerTarget: group.seriesPerTarget, seriesSource: 'group' };
  if (group.measuredSeriesPerTarget !== undefined) return { seriesPerTarget: group.measuredSeriesPerTarget, seriesSource: 'measured' };
  const catalog = group.exporter ? catalogs.get(group.exporter) : undefined;
  if (catalog) return { seriesPerTarget: catalog.seriesPerTarget, seriesSource: 'catalog' };
  return { seriesPerTarget: DEFAULT_SERIES_PER_TARGET, seriesSource: 'default' };
}

const templateCache = new WeakMap<object, Map<string, TemplateSet>>();
const NO_CATALOG = {};
const TEMPLATE_CACHE_LIMIT = 5000;

/**
 * One block per catalog metric (plus the synthetic series) for one target of the group; shared by
 * every group with the same catalog, job, labels and series per target, across estimates.
 */
const templatesByGroup = new WeakMap<TargetGroupNode, { catalog: ExporterCatalog | undefined; seriesPerTarget: number; set: TemplateSet }>();

export function templatesOf(group: TargetGroupNode, seriesPerTarget: number, catalogs: CatalogIndex): TemplateSet {
  const catalog: ExporterCatalog | undefined = group.exporter ? catalogs.get(group.exporter) : undefined;
  const hit = templatesByGroup.get(group);
  if (hit && hit.catalog === catalog && hit.seriesPerTarget === seriesPerTarget) return hit.set;
  const set = buildTemplates(group, catalog, seriesPerTarget);
  templatesByGroup.set(group, { catalog, seriesPerTarget, set });
  return set;
}

function buildTemplates(group: TargetGroupNode, catalog: ExporterCatalog | undefined, seriesPerTarget: number): TemplateSet {
  const known: Record<string, string> = { ...group.labels, job: scrapeJobName(group) };
  const key = `${seriesPerTarget}\u0000${JSON.stringify(Object.entries(known).sort())}`;
  let byKey = templateCache.get(catalog ?? NO_CATALOG);
  if (!byKey) templateCache.set(catalog ?? NO_CATALOG, (byKey = new Map()));
  const cached = byKey.get(key);
  if (cached) return cached;
  const out: SeriesBlock[] = [];
  if (catalog && catalog.seriesPerTarget > 0) {
    // The group's own figure scales the catalog's metrics (same names, proportionally more series).
    const scale = seriesPerTarget / catalog.seriesPerTarget;
    for (const m of catalog.metrics) {
      const block: SeriesBlock = { labels: { ...known, __name__: m.name }, free: m.labels.filter((l) => !(l in known)), instances: [], perInstance: m.series * scale };
      out.push(m.values && scale === 1 ? { ...block, cardinality: m.values } : block);
    }
  } else if (seriesPerTarget > 0) {
    // Unknown metric names: one nameless block; only selectors that leave the name open pick it.
    out.push({ labels: known, free: [], instances: [], perInstance: seriesPerTarget });
  }
  for (const name of SYNTHETIC_SERIES) out.push({ labels: { ...known, __name__: name }, free: [], instances: [], perInstance: 1 });
  const set = new TemplateSet(out);
  if (byKey.size >= TEMPLATE_CACHE_LIMIT) byKey.clear();
  byKey.set(key, set);
  return set;
}

/**
 * The targets of `group` that `shard` of `server` keeps: all of them without hashmod; the offline
 * hashmod assignment when it can be computed; else an even split (every n-th target).
 */
export function shardTargets(server: PrometheusNode, group: TargetGroupNode, shard: number): readonly string[] {
  const { targets } = cachedTargets(group);
  if (!server.hashmod) return targets;
  const assignment = cachedAssignment(server, group);
  const shards = shardCount(server);
  // Discovered stand-ins have no address to hash: they are split evenly.
  return targets.filter((t, i) => (assignment.has(t) ? assignment.get(t) === shard : i % shards === shard));
}

const assignmentCache = new WeakMap<PrometheusNode, WeakMap<TargetGroupNode, Map<string, number>>>();

/** assignShards (md5 per target), once per server and group object. */
function cachedAssignment(server: PrometheusNode, group: TargetGroupNode): Map<string, number> {
  let byGroup = assignmentCache.get(server);
  if (!byGroup) assignmentCache.set(server, (byGroup = new WeakMap()));
  let hit = byGroup.get(group);
  if (!hit) byGroup.set(group, (hit = assignShards(server, group)));
  return hit;
}

/** Documents are immutable: a group object's targets never change, so they are computed once. */
const targetsCache = new WeakMap<TargetGroupNode, ReturnType<typeof groupTargets>>();

/** Placeholder lists (`<name>-<i>:<port>`) by name, count and port: many leaves share a job name. */
const placeholderCache = new Map<string, ReturnType<typeof groupTargets>>();

/**
 * The targets the load model counts: static or placeholder targets, plus `discovery.targets` stand-ins
 * (`<name>-discovered-<i>:<port>`) for what service discovery finds.
 */
function loadTargets(group: TargetGroupNode): ReturnType<typeof groupTargets> {
  const base = groupTargets(group);
  const discovered = group.discovery?.targets ?? 0;
  if (discovered === 0) return base;
  const port = placeholderPort(group);
  const extra = Array.from({ length: discovered }, (_, i) => `${group.name}-discovered-${i + 1}:${port}`);
  return { targets: [...base.targets, ...extra], placeholder: base.placeholder || base.targets.length === 0 };
}

function cachedTargets(group: TargetGroupNode): ReturnType<typeof groupTargets> {
  let hit = targetsCache.get(group);
  if (hit) return hit;
  if (group.targets.length === 0) {
    const key = `${group.name}\u0000${group.count ?? 0}\u0000${group.port ?? ''}\u0000${group.exporter ?? ''}\u0000${group.discovery?.targets ?? 0}`;
    hit = placeholderCache.get(key);
    if (!hit) {
      if (placeholderCache.size >= 2000) placeholderCache.clear();
      placeholderCache.set(key, (hit = loadTargets(group)));
    }
  } else {
    hit = loadTargets(group);
  }
  targetsCache.set(group, hit);
  return hit;
}
