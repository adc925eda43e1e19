/**
 * `load/...` findings from an estimate (codes documented in docs/load-model.md). The model is an
 * estimate, so nothing here is an error that blocks export: over capacity is a warning.
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import { sortDiagnostics } from '../model/diagnostic.ts';
import type { PrometheusNode, Topology } from '../model/types.ts';
import type { CatalogIndex } from './catalog.ts';
import {
  FEDERATION_MIN_INTERVAL_SECONDS,
  FEDERATION_SERIES_BALLPARK,
  FEDERATION_SERIES_WARNING,
  NEAR_CAPACITY_RATIO,
} from './constants.ts';
import type { LoadEstimate, LoadResource, ServerLoad } from './types.ts';
import { LOAD_RESOURCES } from './types.ts';

const RESOURCE_WORDS: Record<LoadResource, string> = {
  activeSeries: 'active series',
  samplesPerSecond: 'ingestion (samples/s)',
  memoryBytes: 'memory',
  diskBytes: 'disk',
};

/** Compact number for messages: 1234 -> "1.2k", 2500000 -> "2.5M". */
export function formatAmount(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e9) return `${(n / 1e9).toFixed(1)}G`;
  if (abs >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (abs >= 1e3) return `${(n / 1e3).toFixed(1)}k`;
  return `${Math.round(n)}`;
}

function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

export function loadDiagnostics(
  topology: Topology,
  estimate: Pick<LoadEstimate, 'servers' | 'edges' | 'targetGroups'>,
  catalogs: CatalogIndex,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const nodes = new Map(topology.nodes.map((n) => [n.id, n] as const));
  for (const node of topology.nodes) {
    if (node.kind === 'prometheus') {
      const load = estimate.servers[node.id];
      if (load) capacityFindings(node, load, out);
    } else if (node.kind === 'targets') {
      const group = estimate.targetGroups[node.id];
      if (!group || group.scrapersPerTarget === 0) continue;
      if (node.exporter && node.seriesPerTarget === undefined && node.measuredSeriesPerTarget === undefined && !catalogs.has(node.exporter)) {
        out.push({
          code: 'load/unknown-exporter',
          severity: 'warning',
          message: `target group "${node.name}", exporter: no catalog for "${node.exporter}"; the load model assumes ${group.seriesPerTarget} series per target`,
          hint: `Set seriesPerTarget, or use one of: ${[...catalogs.keys()].sort().join(', ') || '(no catalogs loaded)'}.`,
          at: { node: node.id, field: 'exporter' },
        });
      } else if (group.seriesSource === 'default') {
        out.push({
          code: 'load/default-series',
          severity: 'info',
          message: `target group "${node.name}": no exporter or seriesPerTarget; the load model assumes ${group.seriesPerTarget} series per target`,
          hint: 'Pick the exporter or set seriesPerTarget for a better estimate.',
          at: { node: node.id, field: 'seriesPerTarget' },
        });
      }
    }
  }
  for (const edge of topology.edges) {
    if (edge.kind !== 'federation') continue;
    const load = estimate.edges[edge.id];
    if (!load || load.seriesPerRequest === undefined) continue;
    const where = `federation edge ${nodes.get(edge.server)?.name ?? edge.server} -> ${nodes.get(edge.source)?.name ?? edge.source}`;
    const perRequest = load.seriesPerRequest;
    const interval = load.intervalSeconds;
    if (perRequest > FEDERATION_SERIES_WARNING || (perRequest > FEDERATION_SERIES_BALLPARK && interval < FEDERATION_MIN_INTERVAL_SECONDS)) {
      out.push({
        code: 'load/federation-large',
        severity: 'warning',
        message: `${where}: each /federate response carries ~${formatAmount(perRequest)} series every ${interval}s; large responses are slow and time out`,
        hint: `Federate aggregated recording rules (job:...), scrape /federate no more often than every ${FEDERATION_MIN_INTERVAL_SECONDS}s, and raise scrape_timeout close to the interval. Ballpark: under ~${formatAmount(FEDERATION_SERIES_BALLPARK)} series per request.`,
        at: { edge: edge.id, field: 'match' },
      });
    } else if (perRequest > FEDERATION_SERIES_BALLPARK) {
      out.push({
        code: 'load/federation-large',
        severity: 'info',
        message: `${where}: each /federate response carries ~${formatAmount(perRequest)} series (ballpark: under ~${formatAmount(FEDERATION_SERIES_BALLPARK)})`,
        hint: 'Federate aggregated recording rules rather than raw series.',
        at: { edge: edge.id, field: 'match' },
      });
    }
  }
  for (const edge of topology.edges) {
    if (edge.kind !== 'remote_write') continue;
    const load = estimate.edges[edge.id];
    if (!load || load.kind !== 'remote_write' || load.shardsNeeded <= load.maxShards) continue;
    const where = `remote_write edge ${nodes.get(edge.server)?.name ?? edge.server} -> ${nodes.get(edge.receiver)?.name ?? edge.receiver}`;
    out.push({
      code: 'load/remote-write-shards',
      severity: 'warning',
      message: `${where}: the busiest sender instance needs ${load.shardsNeeded} queue shards at ${Math.round(load.latencySeconds * 1000)}ms per send, above max_shards ${load.maxShards}; the queue falls behind and the WAL grows`,
      hint: 'Raise queue_config.max_samples_per_send or max_shards, drop series with write_relabel_configs, or check the assumed latency.',
      at: { edge: edge.id, field: 'queueConfig' },
    });
  }
  return sortDiagnostics(out);
}

function capacityFindings(server: PrometheusNode, load: ServerLoad, out: Diagnostic[]): void {
  const over = LOAD_RESOURCES.filter((r) => (load.utilisationBy[r] ?? 0) > 1);
  const instance = load.instanceCount > 1 ? ` (busiest instance ${load.busiestInstance})` : '';
  const describe = (r: LoadResource) => `${RESOURCE_WORDS[r]} ${percent(load.utilisationBy[r] ?? 0)} of ${formatAmount(load.capacity[r] ?? 0)}`;
  if (over.length > 0) {
    const isGlobal = server.role === 'global';
    const federatedShare = load.activeSeries > 0 ? load.series.federated / load.activeSeries : 0;
    out.push({
      code: isGlobal ? 'load/global-over-capacity' : 'load/over-capacity',
      severity: 'warning',
      message: isGlobal
        ? `global "${server.name}" ingests more than its capacity${instance}: ${over.map(describe).join(', ')}; ${percent(federatedShare)} of its series come from federation`
        : `${server.role} "${server.name}" is over capacity${instance}: ${over.map(describe).join(', ')}`,
      hint: isGlobal
        ? 'Federate fewer, aggregated series (job:... recording rules), split the global, or raise its capacity.'
        : 'Shard the server (functional or hashmod), drop unused series, lengthen intervals, or raise its capacity.',
      at: { node: server.id, field: 'capacity' },
    });
    return;
  }
  if ((load.utilisation ?? 0) >= NEAR_CAPACITY_RATIO && load.bottleneck) {
    out.push({
      code: 'load/near-capacity',
      severity: 'info',
      message: `${server.role} "${server.name}" is near capacity${instance}: ${describe(load.bottleneck)}`,
      hint: 'Leave headroom for churn and growth (series come and go on deploys).',
      at: { node: server.id, field: 'capacity' },
    });
  }
}
