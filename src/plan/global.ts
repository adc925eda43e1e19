/**
 * Add a global over leaves: a new global server, one federation edge per leaf whose `match[]` pulls
 * exactly the leaf's `job:` recording rules, and on each leaf the rules themselves, generated from the
 * picked series (recordingRules.ts). Grafana nodes that query a leaf get the global as well.
 * The series count before (the global federating the leaves in full) and after (only the `job:` series)
 * comes from the load model.
 */
import type { ExporterCatalog } from '../estimate/catalog.ts';
import { estimateLoad } from '../estimate/estimateLoad.ts';
import type { LoadEstimate } from '../estimate/types.ts';
import { newNode } from '../model/edit/nodeTemplates.ts';
import { describeNode } from '../model/lookup.ts';
import { uniqueName } from '../model/names.ts';
import type { PrometheusNode, RecordingRule, TargetGroupNode, Topology, TopologyEdge } from '../model/types.ts';
import { isRecordingRule } from '../model/types.ts';
import { idAllocator } from './ids.ts';
import { planError, type PlanOutcome } from './outcome.ts';
import { findServer } from './servers.ts';
import { autoPicks, jobRuleFor, typedPick, type SeriesPick } from './recordingRules.ts';

export interface GlobalOptions {
  /** Metric names to aggregate; `auto` (default): `up` and the largest metrics of each leaf's exporters. */
  readonly series?: readonly string[] | 'auto';
  /** Name of the new global (default `global`, made unique). */
  readonly name?: string;
}

export interface GlobalLeafSummary {
  readonly leaf: string;
  /** Record names the global pulls from this leaf (its match[] selectors). */
  readonly records: readonly string[];
  /** Rules added to the leaf (those it did not have yet). */
  readonly added: number;
}

export interface GlobalSummary {
  readonly global: string;
  readonly globalId: string;
  readonly leaves: readonly GlobalLeafSummary[];
  /** Series the global would hold federating every leaf in full (one replica of each). */
  readonly seriesBefore: number;
  /** Series the global holds pulling only the `job:` series. */
  readonly seriesAfter: number;
}

/** Rule group the generated rules go to on each leaf. */
export const AGGREGATE_GROUP = 'federation-aggregates';

/** Horizontal distance from the rightmost leaf to the new global. */
const GLOBAL_OFFSET_X = 380;

export function addGlobal(topology: Topology, leafRefs: readonly string[], options: GlobalOptions = {}, catalogs: readonly ExporterCatalog[] = []): PlanOutcome<GlobalSummary> {
  if (leafRefs.length === 0) return planError('no leaves given: name the servers the global federates');
  const leaves: PrometheusNode[] = [];
  for (const ref of leafRefs) {
    const found = findServer(topology, ref);
    if (!found.ok) return planError(found.error, found.node);
    if (leaves.some((l) => l.id === found.server.id)) return planError(`${describeNode(found.server)} is named twice`, found.server.id);
    leaves.push(found.server);
  }
  const picked = options.series ?? 'auto';
  if (picked !== 'auto') {
    const bad = picked.find((m) => jobRuleFor({ metric: m }) === undefined);
    if (bad !== undefined) return planError(`series "${bad}" is not a metric name to aggregate (a raw metric name such as node_cpu_seconds_total, not a recording rule)`);
    if (picked.length === 0) return planError('no series picked: name metrics to aggregate, or use auto');
  }
  const before = estimateLoad(topology, catalogs);

  const newEdgeId = idAllocator(topology, 'e');
  const rightmost = Math.max(...leaves.map((l) => l.position.x));
  const meanY = Math.round(leaves.reduce((s, l) => s + l.position.y, 0) / leaves.length);
  const template = newNode(topology, 'global', { x: rightmost + GLOBAL_OFFSET_X, y: meanY });
  if (template.kind !== 'prometheus') return planError('internal: the global template is not a server');
  const name = options.name ? uniqueName(options.name, topology.nodes.map((n) => n.name)) : template.name;
  const global: PrometheusNode = { ...template, name, address: `${name}:9090`, externalLabels: {} };

  const summaries: GlobalLeafSummary[] = [];
  const leafUpdates = new Map<string, PrometheusNode>();
  const edges: TopologyEdge[] = [];
  for (const leaf of leaves) {
    const picks = picked === 'auto' ? autoPicks(exportersOf(topology, leaf), catalogs) : picked.map((m) => typedPick(m, catalogs));
    const rules = uniqueRules(picks);
    const existing = new Set(leaf.ruleGroups.flatMap((g) => g.rules.filter(isRecordingRule).map((r) => r.record)));
    const missing = rules.filter((r) => !existing.has(r.record));
    if (missing.length > 0) {
      const groupName = uniqueName(AGGREGATE_GROUP, leaf.ruleGroups.map((g) => g.name));
      leafUpdates.set(leaf.id, { ...leaf, ruleGroups: [...leaf.ruleGroups, { name: groupName, rules: missing }] });
    }
    const records = rules.map((r) => r.record);
    edges.push({ id: newEdgeId(), kind: 'federation', server: global.id, source: leaf.id, match: records, honorLabels: true });
    summaries.push({ leaf: leaf.name, records, added: missing.length });
  }
  const grafanas = new Set(topology.edges.filter((e) => e.kind === 'datasource' && leaves.some((l) => l.id === e.server)).map((e) => (e.kind === 'datasource' ? e.grafana : '')));
  for (const g of [...grafanas].sort()) edges.push({ id: newEdgeId(), kind: 'datasource', grafana: g, server: global.id, isDefault: false });

  const after: Topology = {
    ...topology,
    nodes: [...topology.nodes.map((n) => leafUpdates.get(n.id) ?? n), global],
    edges: [...topology.edges, ...edges],
  };
  const estimate = estimateLoad(after, catalogs);
  return {
    ok: true,
    topology: after,
    summary: {
      global: global.name,
      globalId: global.id,
      leaves: summaries,
      seriesBefore: leaves.reduce((s, l) => s + oneReplicaSeries(before, l.id), 0),
      seriesAfter: estimate.servers[global.id]?.series.federated ?? 0,
    },
    notes: [],
  };
}

/** Exporter catalog ids of the target groups a server scrapes. */
function exportersOf(topology: Topology, server: PrometheusNode): string[] {
  const ids = new Set(topology.edges.filter((e) => e.kind === 'scrape' && e.server === server.id).map((e) => (e.kind === 'scrape' ? e.targets : '')));
  const groups = topology.nodes.filter((n): n is TargetGroupNode => n.kind === 'targets' && ids.has(n.id));
  const exporters = groups.flatMap((g) => (g.exporter ? [g.exporter] : []));
  // The self-scrape job exposes Prometheus' own metrics.
  if (server.scrapeSelf) exporters.push('prometheus');
  return exporters;
}

function uniqueRules(picks: readonly SeriesPick[]): RecordingRule[] {
  const out: RecordingRule[] = [];
  for (const pick of picks) {
    const rule = jobRuleFor(pick);
    if (rule && !out.some((r) => r.record === rule.record)) out.push(rule);
  }
  return out;
}

/** Series of one copy of a server's data: every shard, replica a only. */
function oneReplicaSeries(estimate: LoadEstimate, id: string): number {
  const load = estimate.servers[id];
  if (!load) return 0;
  return load.instances.filter((i) => (i.replica ?? 0) === 0).reduce((s, i) => s + i.activeSeries, 0);
}
