/**
 * Split a server: functionally (its target groups spread over N servers, balancing the predicted
 * series) or by hashmod (one server node with N shards, each keeping the targets whose hash of
 * `__address__` mod N is its number). Edges follow: whoever federated the server federates every part,
 * every part alerts where the server alerted, Grafana gets every part as a data source.
 */
import type { ExporterCatalog } from '../estimate/catalog.ts';
import { estimateLoad } from '../estimate/estimateLoad.ts';
import { describeNode } from '../model/lookup.ts';
import { isIpLiteral, splitAddress, DEFAULT_PROMETHEUS_PORT, serverInstances } from '../model/instances.ts';
import type { PrometheusNode, Topology, TopologyEdge } from '../model/types.ts';
import { MAX_SHARDS } from '../validate/hashmod.ts';
import { baseAddress, withInstanceAddresses } from './addresses.ts';
import { balance } from './balance.ts';
import { idAllocator, nameAllocator } from './ids.ts';
import { planError, type PlanOutcome } from './outcome.ts';
import { findServer, replaceNode } from './servers.ts';

export type SplitMethod = 'job' | 'hashmod';

export interface SplitPart {
  /** Node id of the part (the first part keeps the split server's id). */
  readonly id: string;
  readonly name: string;
  /** Target group names the part scrapes (functional split). */
  readonly targetGroups: readonly string[];
  /** Predicted series of those target groups (exposed + per-target synthetic), one instance. */
  readonly predictedSeries: number;
}

export interface SplitSummary {
  readonly server: string;
  readonly method: SplitMethod;
  readonly parts: readonly SplitPart[];
  /** Edges added so federation, alerts and Grafana follow the parts. */
  readonly edgesAdded: number;
}

/** Label that tells functional parts apart when they are federated or queried side by side. */
export const SPLIT_LABEL = 'shard';

/** Vertical distance between the parts on the canvas. */
const PART_SPACING = 140;

export function splitServer(topology: Topology, serverRef: string, into: number, method: SplitMethod, catalogs: readonly ExporterCatalog[] = []): PlanOutcome<SplitSummary> {
  const found = findServer(topology, serverRef);
  if (!found.ok) return planError(found.error, found.node);
  const server = found.server;
  if (!Number.isInteger(into) || into < 2) return planError(`${describeNode(server)}: cannot split into ${into}; give 2 or more`, server.id);
  return method === 'hashmod' ? splitByHashmod(topology, server, into) : splitByJob(topology, server, into, catalogs);
}

function splitByHashmod(topology: Topology, server: PrometheusNode, shards: number): PlanOutcome<SplitSummary> {
  if (server.hashmod && server.hashmod.shards > 1) {
    return planError(`${describeNode(server)}, hashmod.shards: already ${server.hashmod.shards} hashmod shards; change the shard count instead (promtopo plan reshard)`, server.id, 'hashmod.shards');
  }
  if (shards > MAX_SHARDS) return planError(`${describeNode(server)}, hashmod.shards: ${shards} is more than PromTopo generates (${MAX_SHARDS})`, server.id, 'hashmod.shards');
  const scraped = topology.edges.filter((e) => e.kind === 'scrape' && e.server === server.id);
  if (scraped.length === 0) return planError(`${describeNode(server)} scrapes no target group: hashmod shards split targets, and it has none`, server.id);
  const base = baseAddress(server);
  const next = withInstanceAddresses({ ...server, role: server.role === 'global' ? server.role : 'shard', hashmod: { shards, sourceLabels: ['__address__'] } }, base);
  const after = replaceNode(topology, next);
  const groups = scraped.flatMap((e) => (e.kind === 'scrape' ? [topology.nodes.find((n) => n.id === e.targets)?.name ?? e.targets] : []));
  const notes: string[] = [];
  if (server.ruleGroups.some((g) => g.rules.length > 0)) notes.push(`each shard evaluates ${server.name}'s rules over its own share of the targets: aggregate across shards at a global`);
  if (topology.edges.some((e) => e.kind === 'federation' && e.server === server.id)) notes.push(`every shard of ${server.name} federates its sources in full (federation jobs are not sharded)`);
  return {
    ok: true,
    topology: after,
    summary: {
      server: server.name,
      method: 'hashmod',
      parts: serverInstances(next).filter((i) => (i.replica ?? 0) === 0).map((i) => ({ id: server.id, name: `${server.name} shard ${i.shard ?? 0}`, targetGroups: groups, predictedSeries: 0 })),
      edgesAdded: 0,
    },
    notes,
  };
}

function splitByJob(topology: Topology, server: PrometheusNode, into: number, catalogs: readonly ExporterCatalog[]): PlanOutcome<SplitSummary> {
  const scrapes = topology.edges.filter((e): e is Extract<TopologyEdge, { kind: 'scrape' }> => e.kind === 'scrape' && e.server === server.id);
  if (scrapes.length < into) {
    return planError(`${describeNode(server)} scrapes ${scrapes.length} target group(s): a split by job needs at least ${into} (one per new server); split by hashmod instead`, server.id);
  }
  const estimate = estimateLoad(topology, catalogs);
  const items = scrapes.map((e) => {
    const g = estimate.targetGroups[e.targets];
    // Exposed series plus Prometheus' 5 synthetic series per target (up, scrape_duration_seconds, ...).
    return { key: e.id, weight: g ? g.targets * (g.seriesPerTarget + 5) : 0 };
  });
  const bins = balance(items, into);
  const nameOf = nameAllocator({ nodes: topology.nodes.filter((n) => n.id !== server.id) });
  const newNodeId = idAllocator(topology, 'n');
  const newEdgeId = idAllocator(topology, 'e');
  const base = baseAddress(server);
  const { host, port } = splitAddress(base);
  const p = port ?? DEFAULT_PROMETHEUS_PORT;
  const ip = isIpLiteral(host) || host === '';
  const stride = serverInstances(server).length;
  const label = server.ha?.replicaLabel === SPLIT_LABEL ? `${SPLIT_LABEL}_part` : SPLIT_LABEL;

  const parts: PrometheusNode[] = bins.keys.map((_, k) => {
    const name = nameOf(`${server.name}-${k + 1}`);
    const { instanceAddresses: _a, instanceExternalLabels: _l, ...rest } = server;
    const part: PrometheusNode = {
      ...rest,
      id: k === 0 ? server.id : newNodeId(),
      name,
      role: server.role === 'global' ? 'global' : 'shard',
      externalLabels: { ...server.externalLabels, [label]: name },
      address: ip ? `${host}:${p + k * stride}` : `${name}:${p}`,
      addressFromName: !ip,
      position: { x: server.position.x, y: server.position.y + k * PART_SPACING },
    };
    return ip ? withInstanceAddresses({ ...part, addressFromName: false }, part.address) : part;
  });
  const partOfScrape = new Map<string, PrometheusNode>();
  bins.keys.forEach((keys, k) => keys.forEach((edgeId) => partOfScrape.set(edgeId, parts[k] ?? server)));

  const edges: TopologyEdge[] = [];
  let added = 0;
  for (const edge of topology.edges) {
    if (edge.kind === 'scrape' && edge.server === server.id) {
      edges.push({ ...edge, server: partOfScrape.get(edge.id)?.id ?? server.id });
    } else if (edge.kind === 'federation' && edge.source === server.id) {
      edges.push(edge);
      // Targets written by hand point at the split server; the other parts' edges use their own addresses.
      const { targets: _written, ...copy } = edge;
      for (const part of parts.slice(1)) {
        edges.push({ ...copy, id: newEdgeId(), source: part.id });
        added++;
      }
    } else if (edge.kind === 'alert' && edge.server === server.id) {
      edges.push(edge);
      for (const part of parts.slice(1)) {
        edges.push({ ...edge, id: newEdgeId(), server: part.id });
        added++;
      }
    } else if (edge.kind === 'datasource' && edge.server === server.id) {
      edges.push(edge);
      for (const part of parts.slice(1)) {
        edges.push({ ...edge, id: newEdgeId(), server: part.id, isDefault: false });
        added++;
      }
    } else {
      edges.push(edge);
    }
  }
  const [first, ...others] = parts;
  const nodes = topology.nodes.flatMap((n) => (n.id === server.id && first ? [first, ...others] : [n]));
  const after: Topology = { ...topology, nodes, edges };
  const groupName = (edgeId: string) => {
    const e = topology.edges.find((x) => x.id === edgeId);
    return e && e.kind === 'scrape' ? (topology.nodes.find((n) => n.id === e.targets)?.name ?? e.targets) : edgeId;
  };
  const notes: string[] = [];
  if (server.ruleGroups.length > 0) notes.push(`every part keeps ${server.name}'s rule groups; rules over jobs a part does not scrape return nothing there`);
  return {
    ok: true,
    topology: after,
    summary: {
      server: server.name,
      method: 'job',
      parts: parts.map((part, k) => ({ id: part.id, name: part.name, targetGroups: (bins.keys[k] ?? []).map(groupName), predictedSeries: bins.weights[k] ?? 0 })),
      edgesAdded: added,
    },
    notes,
  };
}
