/**
 * The global view over remote-write receivers and Thanos: the stores each querier reads (StoreAPI
 * endpoints), the queriers and receivers of a document in a stable order, and where a Grafana data
 * source of such a node points.
 */
import { serverInstances, splitAddress } from '../model/instances.ts';
import { isReceiverKind, RECEIVERS, THANOS_RECEIVE_GRPC_PORT } from '../model/receivers.ts';
import type { PrometheusNode, ReceiverNode, ThanosQuerierNode, Topology } from '../model/types.ts';
import { sortBy } from './links.ts';
import { sidecarEndpoint } from './runFiles.ts';

/** Folder of the Thanos queriers' run files in the bundle. */
export const THANOS_QUERIER_DIR = 'thanos-query';

/** The StoreAPI endpoints (`host:port`) a querier reads, sorted and without repeats. */
export function querierEndpoints(t: Topology, querier: ThanosQuerierNode): string[] {
  const out = new Set<string>();
  for (const edge of t.edges) {
    if (edge.kind !== 'store' || edge.querier !== querier.id) continue;
    const store = t.nodes.find((n) => n.id === edge.store);
    if (store?.kind === 'prometheus' && store.thanosSidecar) {
      for (const i of serverInstances(store)) out.add(sidecarEndpoint(store, i));
    } else if (store?.kind === 'thanos-receive') {
      out.add(`${splitAddress(store.address).host}:${THANOS_RECEIVE_GRPC_PORT}`);
    }
  }
  return [...out].sort();
}

/** Thanos querier nodes sorted by name. */
export function sortedQueriers(t: Topology): ThanosQuerierNode[] {
  return sortBy(t.nodes.filter((n): n is ThanosQuerierNode => n.kind === 'thanos-querier'), (q) => `${q.name}\u0000${q.id}`);
}

/** Mimir, Thanos Receive and VictoriaMetrics nodes sorted by name. */
export function sortedReceivers(t: Topology): ReceiverNode[] {
  return sortBy(t.nodes.filter((n): n is ReceiverNode => isReceiverKind(n.kind)), (r) => `${r.name}\u0000${r.id}`);
}

/** Prometheus-API base URL of a querier or a receiver with a query API; undefined for Thanos Receive. */
export function queryUrl(node: ThanosQuerierNode | ReceiverNode): string | undefined {
  if (node.kind === 'thanos-querier') return `http://${node.address}`;
  const path = RECEIVERS[node.kind].queryPath;
  return path === undefined ? undefined : `http://${node.address}${path}`;
}

/** Servers that write to a node by remote_write, sorted by name. */
export function writersOf(t: Topology, receiverId: string): PrometheusNode[] {
  const ids = new Set(t.edges.flatMap((e) => (e.kind === 'remote_write' && e.receiver === receiverId ? [e.server] : [])));
  return sortBy(t.nodes.filter((n): n is PrometheusNode => n.kind === 'prometheus' && ids.has(n.id)), (s) => `${s.name}\u0000${s.id}`);
}
