/**
 * The scrape-load model: from a topology (and exporter catalogs) to active series, samples/s,
 * scrapes/s, memory, disk and utilisation per server and instance, traffic per edge, and `load/...`
 * diagnostics. Pure and deterministic; formulas and constants in docs/load-model.md.
 */
import { deploymentView } from '../model/exportTarget.ts';
import { estimatedTargetCount } from '../model/targets.ts';
import { oversizedNodes } from './sizeGuard.ts';
import { replicaCount, serverInstances } from '../model/instances.ts';
import type { FederationEdge, PrometheusNode, ScrapeEdge, Topology } from '../model/types.ts';
import { indexCatalogs, type CatalogIndex, type ExporterCatalog } from './catalog.ts';
import { DEFAULT_BYTES_PER_SAMPLE, DEFAULT_BYTES_PER_SERIES, DEFAULT_CAPACITY, FALLBACK_RETENTION_SECONDS } from './constants.ts';
import { residentMemory } from './residentMemory.ts';
import { loadDiagnostics } from './loadDiagnostics.ts';
import { groupSeries } from './groupSeries.ts';
import { ContentBuilder, hasRecordingRules, seconds, type ShardContent } from './serverContent.ts';
import { remoteWriteLoads, withRemoteWriteMemory } from './remoteWrite.ts';
import { LOAD_RESOURCES, type EdgeLoad, type RemoteWriteLoad, type InstanceLoad, type LoadEstimate, type LoadResource, type ServerLoad, type TargetGroupLoad } from './types.ts';

const catalogIndexes = new WeakMap<readonly ExporterCatalog[], CatalogIndex>();

function catalogIndex(catalogs: readonly ExporterCatalog[] | CatalogIndex): CatalogIndex {
  if (!Array.isArray(catalogs)) return catalogs as CatalogIndex;
  const list = catalogs as readonly ExporterCatalog[];
  let index = catalogIndexes.get(list);
  if (!index) {
    index = indexCatalogs(list);
    catalogIndexes.set(list, index);
  }
  return index;
}

const NO_CATALOGS: readonly ExporterCatalog[] = [];

/**
 * Estimates the load of every server and edge. `catalogs`: the exporter catalogs (e.g.
 * builtinCatalogs; pass the same array each time). A server whose inputs are the same objects as in
 * the previous call (immutable documents) is not recomputed, so a what-if edit costs little.
 * A document exported to Kubernetes is estimated with the operator's hashmod rule (model/exportTarget.ts).
 */
export function estimateLoad(document: Topology, catalogs: readonly ExporterCatalog[] | CatalogIndex = NO_CATALOGS): LoadEstimate {
  const oversized = oversizedNodes(document);
  if (oversized.length > 0) {
    return { servers: {}, edges: {}, receivers: {}, targetGroups: {}, totals: { activeSeries: 0, samplesPerSecond: 0, memoryBytes: 0, residentMemoryBytes: 0, diskBytes: 0 }, diagnostics: oversized };
  }
  // Hashmod shards as the export target runs them (prometheus-operator hashes __address__).
  const topology = deploymentView(document);
  const catalogsById = catalogIndex(catalogs);
  const nodes = new Map(topology.nodes.map((n) => [n.id, n] as const));
  const scrapes = new Map<string, ScrapeEdge[]>();
  const federations = new Map<string, FederationEdge[]>();
  const needsBlocks = new Set<string>();
  for (const edge of topology.edges) {
    if (edge.kind === 'scrape') push(scrapes, edge.server, edge);
    else if (edge.kind === 'federation') {
      push(federations, edge.server, edge);
      needsBlocks.add(edge.source);
    }
  }
  const servers = topology.nodes.filter((n): n is PrometheusNode => n.kind === 'prometheus');
  for (const s of servers) if (hasRecordingRules(s)) needsBlocks.add(s.id);
  const builder = new ContentBuilder(topology, nodes, catalogsById, scrapes, federations, needsBlocks);

  const settings = topology.settings.load ?? {};
  const bytesPerSeries = settings.bytesPerSeries ?? DEFAULT_BYTES_PER_SERIES;
  const bytesPerSample = settings.bytesPerSample ?? DEFAULT_BYTES_PER_SAMPLE;

  const serverLoads: Record<string, ServerLoad> = {};
  const edgeLoads: Record<string, EdgeLoad | RemoteWriteLoad> = {};
  const totals = { activeSeries: 0, samplesPerSecond: 0, memoryBytes: 0, residentMemoryBytes: 0, diskBytes: 0 };
  for (const server of servers) {
    const contents = builder.contentOf(server);
    const memo = loadMemo.get(server);
    const reuse = memo && memo.contents === contents && memo.settings === topology.settings.load;
    const computed = reuse ? memo : {
      contents,
      settings: topology.settings.load,
      load: serverLoad(server, contents, settings.capacity, bytesPerSeries, bytesPerSample),
      edges: edgeLoadsOf(server, contents, [...(scrapes.get(server.id) ?? []), ...(federations.get(server.id) ?? [])]),
    };
    if (!reuse) loadMemo.set(server, computed);
    const load = computed.load;
    serverLoads[server.id] = load;
    for (const e of computed.edges) edgeLoads[e.id] = e;
    totals.activeSeries += load.activeSeries;
    totals.samplesPerSecond += load.samplesPerSecond;
    totals.memoryBytes += load.memoryBytes;
    totals.residentMemoryBytes += load.residentMemoryBytes;
    totals.diskBytes += load.diskBytes;
  }

  const targetGroups = targetGroupLoads(topology, nodes, scrapes, catalogsById);
  const written = remoteWriteLoads(topology, serverLoads);
  Object.assign(edgeLoads, written.edges);
  const withQueues = withRemoteWriteMemory(serverLoads, topology, written.edges);
  for (const id of Object.keys(withQueues)) totals.residentMemoryBytes += (withQueues[id]?.residentMemoryBytes ?? 0) - (serverLoads[id]?.residentMemoryBytes ?? 0);
  const partial = { servers: withQueues, edges: edgeLoads, receivers: written.receivers, targetGroups, totals };
  return { ...partial, diagnostics: loadDiagnostics(topology, partial, catalogsById) };
}

/** The last load computed for a server node object (reused while its content and the settings are the same objects). */
const loadMemo = new WeakMap<PrometheusNode, { contents: readonly ShardContent[]; settings: unknown; load: ServerLoad; edges: readonly EdgeLoad[] }>();

function serverLoad(
  server: PrometheusNode,
  contents: readonly ShardContent[],
  documentCapacity: PrometheusNode['capacity'] | undefined,
  bytesPerSeries: number,
  bytesPerSample: number,
): ServerLoad {
  const capacity = resolveCapacity(server, documentCapacity);
  const retention = seconds(server.retention, FALLBACK_RETENTION_SECONDS);
  const instances: InstanceLoad[] = serverInstances(server).map((inst) => {
    const c = contents[inst.shard ?? 0] ?? emptyContent();
    const activeSeries = c.scraped + c.synthetic + c.federated + c.rules;
    const used: Record<LoadResource, number> = {
      activeSeries,
      samplesPerSecond: c.samplesPerSecond,
      memoryBytes: activeSeries * bytesPerSeries,
      diskBytes: retention * c.samplesPerSecond * bytesPerSample,
    };
    return {
      key: inst.key,
      address: inst.address,
      ...(inst.shard !== undefined ? { shard: inst.shard } : {}),
      ...(inst.replica !== undefined ? { replica: inst.replica } : {}),
      ...used,
      residentMemoryBytes: residentMemory(activeSeries, c.samplesPerSecond),
      scrapesPerSecond: c.scrapesPerSecond,
      targets: c.targets,
      series: { scraped: c.scraped, synthetic: c.synthetic, federated: c.federated, rules: c.rules },
      utilisationBy: ratios(used, capacity),
    };
  });
  return summarise(server, instances, capacity);
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function emptyContent(): ShardContent {
  return { scraped: 0, synthetic: 0, federated: 0, rules: 0, samplesPerSecond: 0, scrapesPerSecond: 0, targets: 0, edges: new Map() };
}

/** Capacity of one instance: the server's fields, else the document's, else DEFAULT_CAPACITY. */
export function resolveCapacity(
  server: Pick<PrometheusNode, 'capacity'>,
  documentDefault: PrometheusNode['capacity'] | undefined,
): Partial<Record<LoadResource, number>> {
  const out: Partial<Record<LoadResource, number>> = {};
  for (const r of LOAD_RESOURCES) {
    const value = server.capacity?.[r] ?? documentDefault?.[r] ?? DEFAULT_CAPACITY[r];
    if (value !== undefined && value > 0) out[r] = value;
  }
  return out;
}

function ratios(used: Record<LoadResource, number>, capacity: Partial<Record<LoadResource, number>>): Partial<Record<LoadResource, number>> {
  const out: Partial<Record<LoadResource, number>> = {};
  for (const r of LOAD_RESOURCES) {
    const c = capacity[r];
    if (c !== undefined) out[r] = used[r] / c;
  }
  return out;
}

function summarise(server: PrometheusNode, instances: InstanceLoad[], capacity: Partial<Record<LoadResource, number>>): ServerLoad {
  const sum = (f: (i: InstanceLoad) => number) => instances.reduce((n, i) => n + f(i), 0);
  const utilisationBy: Partial<Record<LoadResource, number>> = {};
  let utilisation: number | undefined;
  let bottleneck: LoadResource | undefined;
  let busiestInstance = instances[0]?.key ?? '';
  for (const inst of instances) {
    for (const r of LOAD_RESOURCES) {
      const ratio = inst.utilisationBy[r];
      if (ratio === undefined) continue;
      utilisationBy[r] = Math.max(utilisationBy[r] ?? 0, ratio);
      if (utilisation === undefined || ratio > utilisation) {
        utilisation = ratio;
        bottleneck = r;
        busiestInstance = inst.key;
      }
    }
  }
  return {
    id: server.id,
    name: server.name,
    role: server.role,
    instanceCount: instances.length,
    activeSeries: sum((i) => i.activeSeries),
    samplesPerSecond: sum((i) => i.samplesPerSecond),
    scrapesPerSecond: sum((i) => i.scrapesPerSecond),
    memoryBytes: sum((i) => i.memoryBytes),
    residentMemoryBytes: sum((i) => i.residentMemoryBytes),
    diskBytes: sum((i) => i.diskBytes),
    series: {
      scraped: sum((i) => i.series.scraped),
      synthetic: sum((i) => i.series.synthetic),
      federated: sum((i) => i.series.federated),
      rules: sum((i) => i.series.rules),
    },
    capacity,
    utilisation,
    utilisationBy,
    bottleneck,
    busiestInstance,
    instances,
  };
}

/** Edge traffic: the scraping server's shards, each times its replicas. */
function edgeLoadsOf(server: PrometheusNode, contents: readonly ShardContent[], edges: readonly (ScrapeEdge | FederationEdge)[]): EdgeLoad[] {
  const out: EdgeLoad[] = [];
  const replicas = replicaCount(server);
  for (const edge of edges) {
    let series = 0;
    let samplesPerSecond = 0;
    let scrapesPerSecond = 0;
    let intervalSeconds = 0;
    let seriesPerRequest = 0;
    for (const c of contents) {
      const t = c.edges.get(edge.id);
      if (!t) continue;
      series += t.series * replicas;
      samplesPerSecond += t.samplesPerSecond * replicas;
      scrapesPerSecond += t.scrapesPerSecond * replicas;
      intervalSeconds = t.intervalSeconds;
      seriesPerRequest = Math.max(seriesPerRequest, t.seriesPerRequest);
    }
    out.push({
      id: edge.id,
      kind: edge.kind,
      series,
      samplesPerSecond,
      scrapesPerSecond,
      intervalSeconds,
      ...(edge.kind === 'federation' ? { seriesPerRequest } : {}),
    });
  }
  return out;
}

function targetGroupLoads(
  topology: Topology,
  nodes: ReadonlyMap<string, Topology['nodes'][number]>,
  scrapes: ReadonlyMap<string, readonly ScrapeEdge[]>,
  catalogs: CatalogIndex,
): Record<string, TargetGroupLoad> {
  const out: Record<string, TargetGroupLoad> = {};
  const scrapers = new Map<string, { perTarget: number; perSecond: number }>();
  for (const [serverId, edges] of scrapes) {
    const server = nodes.get(serverId);
    if (server?.kind !== 'prometheus') continue;
    for (const edge of edges) {
      const group = nodes.get(edge.targets);
      if (group?.kind !== 'targets') continue;
      const acc = scrapers.get(group.id) ?? { perTarget: 0, perSecond: 0 };
      // A hashmod target is kept by one shard; each of that shard's replicas scrapes it.
      const replicas = replicaCount(server);
      acc.perTarget += replicas;
      acc.perSecond += replicas / seconds(group.scrapeInterval ?? server.scrapeInterval);
      scrapers.set(group.id, acc);
    }
  }
  for (const node of topology.nodes) {
    if (node.kind !== 'targets') continue;
    const s = scrapers.get(node.id) ?? { perTarget: 0, perSecond: 0 };
    const count = estimatedTargetCount(node);
    out[node.id] = { id: node.id, targets: count, ...groupSeries(node, catalogs), scrapersPerTarget: s.perTarget, scrapesPerSecondPerTarget: s.perSecond };
  }
  return out;
}
