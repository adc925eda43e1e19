/**
 * Grafana data-source provisioning (`grafana/provisioning/datasources/<grafana>.yaml`): one Prometheus
 * data source per datasource edge, exactly one `isDefault: true` per file.
 *
 * - An HA group is reached through replica `a` (shard by shard): both replicas hold the same data, and a
 *   fixed replica keeps dashboards stable (no gaps alternating between replicas' scrape timings). With
 *   `replicas: each` on the edge, every other replica gets its own data source too
 *   (`<server> (replica b)`, never the default): the one to switch to while replica a is down.
 * - A hashmod-sharded server gets one data source per shard (`<server>-shard-<n>`): each shard holds
 *   only its share of the series, so a single URL would show a fraction of the data.
 * - A Thanos querier or a receiver with a query API (Mimir under `/prometheus`, VictoriaMetrics at `/`)
 *   is one data source: the global view, with the scrape interval of the servers behind it.
 */
import { serverInstances } from '../model/instances.ts';
import type { ServerInstance } from '../model/instances.ts';
import { durationMs } from '../model/duration.ts';
import { isReceiverKind } from '../model/receivers.ts';
import type { DatasourceEdge, GrafanaNode, PrometheusNode, ReceiverNode, ThanosQuerierNode, Topology } from '../model/types.ts';
import { queryUrl } from './globalView.ts';
import { oneLine, sortBy } from './links.ts';
import { blockSeq, orderedMap, toYamlText } from './yamlText.ts';

/** One provisioned data source. */
export interface GrafanaDatasource {
  /** Data source name: the server name, or `<server>-shard-<n>` for a hashmod shard. */
  readonly name: string;
  /** `http://<instance address>`. */
  readonly url: string;
  readonly isDefault: boolean;
  /** The server's scrape interval (Grafana's `jsonData.timeInterval`). */
  readonly timeInterval: string;
  /** The Prometheus instance queried; absent for a querier or a receiver. */
  readonly server?: PrometheusNode;
  readonly instance?: ServerInstance;
}

type Queried = PrometheusNode | ThanosQuerierNode | ReceiverNode;

/** The scrape interval of the servers behind a querier (its stores) or a receiver (its writers), shortest first. */
function intervalBehind(t: Topology, node: ThanosQuerierNode | ReceiverNode): string {
  const ids = new Set(t.edges.flatMap((e) => (e.kind === 'store' && e.querier === node.id ? [e.store] : e.kind === 'remote_write' && e.receiver === node.id ? [e.server] : [])));
  const intervals = t.nodes.flatMap((n) => (n.kind === 'prometheus' && ids.has(n.id) ? [n.scrapeInterval] : []));
  return sortBy(intervals, (i) => String(durationMs(i) ?? Number.MAX_SAFE_INTEGER).padStart(20, '0'))[0] ?? '15s';
}

/** Which replicas get a data source (`first`: replica a of each shard; `each`: every replica). */
export type DatasourceReplicas = NonNullable<DatasourceEdge['replicas']>;

/** The instances Grafana queries: replica 0 (`a`) of each shard, or every instance with `each`. */
export function grafanaInstances(server: PrometheusNode, replicas: DatasourceReplicas = 'first'): ServerInstance[] {
  return serverInstances(server).filter((i) => replicas === 'each' || (i.replica ?? 0) === 0);
}

/** `leaf`, `leaf-shard-1`, and for a replica other than a: `leaf (replica b)`. */
function datasourceName(server: PrometheusNode, instance: ServerInstance): string {
  const base = instance.shard !== undefined ? `${server.name}-shard-${instance.shard}` : server.name;
  return (instance.replica ?? 0) === 0 ? base : `${base} (replica ${instance.replicaValue ?? ''})`;
}

/** The data sources of one Grafana node, sorted by name, the default one flagged. */
export function grafanaDatasources(t: Topology, grafana: GrafanaNode): GrafanaDatasource[] {
  const edges = t.edges.filter((e): e is DatasourceEdge => e.kind === 'datasource' && e.grafana === grafana.id);
  const linked: { server: Queried; marked: boolean; replicas: DatasourceReplicas }[] = [];
  for (const edge of edges) {
    const server = t.nodes.find((n): n is Queried => (n.kind === 'prometheus' || n.kind === 'thanos-querier' || isReceiverKind(n.kind)) && n.id === edge.server);
    if (!server) continue;
    const seen = linked.find((l) => l.server === server);
    if (seen) {
      seen.marked ||= edge.isDefault;
      if (edge.replicas === 'each') seen.replicas = 'each';
    } else linked.push({ server, marked: edge.isDefault, replicas: edge.replicas ?? 'first' });
  }
  const sorted = sortBy(linked, (l) => `${l.server.name}\u0000${l.server.id}`);
  const defaultServer = (sorted.find((l) => l.marked) ?? sorted[0])?.server;
  const out: GrafanaDatasource[] = [];
  for (const { server, replicas } of sorted) {
    if (server.kind !== 'prometheus') {
      const url = queryUrl(server);
      if (url !== undefined) out.push({ name: server.name, url, isDefault: server === defaultServer, timeInterval: intervalBehind(t, server) });
      continue;
    }
    grafanaInstances(server, replicas).forEach((instance, i) => {
      out.push({
        name: datasourceName(server, instance),
        url: `http://${instance.address}`,
        isDefault: server === defaultServer && i === 0,
        timeInterval: server.scrapeInterval,
        server,
        instance,
      });
    });
  }
  return out;
}

/** The provisioning file text of one Grafana node. */
export function grafanaDatasourcesText(t: Topology, grafana: GrafanaNode): string {
  const all = grafanaDatasources(t, grafana);
  const sources = all.map((ds) => orderedMap([
    ['name', ds.name],
    ['type', 'prometheus'],
    ['access', 'proxy'],
    ['url', ds.url],
    ['isDefault', ds.isDefault],
    ['jsonData', orderedMap([['timeInterval', ds.timeInterval]])],
  ]));
  return toYamlText(orderedMap([['apiVersion', 1], ['datasources', blockSeq(sources)]]), [
    `Grafana "${oneLine(grafana.name)}" data sources, topology "${oneLine(t.name)}". Generated by PromTopo.`,
    'Copy into Grafana\'s provisioning/datasources folder. HA groups are queried through replica a;',
    'hashmod shards get one data source each.',
    ...(all.some((d) => (d.instance?.replica ?? 0) > 0)
      ? ['"(replica b)" data sources reach the other replicas: switch to one while replica a is down.']
      : []),
  ].join('\n'));
}
