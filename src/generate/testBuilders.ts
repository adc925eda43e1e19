/**
 * Builders of topology documents for generator tests (unit, golden and live): defaults filled by the
 * schema, so a test names only what it is about.
 */
import { TopologySchema } from '../model/schema.ts';
import type { Topology } from '../model/types.ts';

type Loose = Record<string, unknown>;

/** A schema-normalised document from loose nodes and edges (position defaulted). */
export function makeTopology(nodes: readonly Loose[], edges: readonly Loose[] = [], extra: Loose = {}): Topology {
  return TopologySchema.parse({
    format: 'promtopo', version: 1, name: 'test topology', ...extra,
    nodes: nodes.map((n) => ({ position: { x: 0, y: 0 }, ...n })),
    edges,
  });
}

/** A Prometheus node (leaf unless `role` is given). */
export function server(id: string, extra: Loose = {}): Loose {
  return { id, kind: 'prometheus', role: 'leaf', name: id, address: `${id}:9090`, ...extra };
}

/** A target group with static targets. */
export function targets(id: string, list: readonly string[], extra: Loose = {}): Loose {
  return { id, kind: 'targets', name: id, targets: list, ...extra };
}

/** An Alertmanager cluster with the given instance addresses. */
export function alertmanager(id: string, addresses: readonly string[], extra: Loose = {}): Loose {
  return { id, kind: 'alertmanager', name: id, instances: addresses.map((address) => ({ address })), ...extra };
}

/** A Grafana node. */
export function grafana(id: string, extra: Loose = {}): Loose {
  return { id, kind: 'grafana', name: id, ...extra };
}

/** Edge ids are made of the edge's kind and ends, so the same builder calls give the same document. */
const edgeId = (kind: string, a: string, b: string) => `${kind}:${a}->${b}`;

export function scrapeEdge(serverId: string, targetsId: string, extra: Loose = {}): Loose {
  return { id: edgeId('scrape', serverId, targetsId), kind: 'scrape', server: serverId, targets: targetsId, ...extra };
}

export function federationEdge(serverId: string, sourceId: string, match: readonly string[], extra: Loose = {}): Loose {
  return { id: edgeId('federation', serverId, sourceId), kind: 'federation', server: serverId, source: sourceId, match, ...extra };
}

export function alertEdge(serverId: string, alertmanagerId: string): Loose {
  return { id: edgeId('alert', serverId, alertmanagerId), kind: 'alert', server: serverId, alertmanager: alertmanagerId };
}

export function datasourceEdge(grafanaId: string, serverId: string, extra: Loose = {}): Loose {
  return { id: edgeId('datasource', grafanaId, serverId), kind: 'datasource', grafana: grafanaId, server: serverId, ...extra };
}

/** A Mimir, Thanos Receive or VictoriaMetrics node. */
export function receiver(id: string, kind: 'mimir' | 'thanos-receive' | 'victoriametrics', address: string, extra: Loose = {}): Loose {
  return { id, kind, name: id, address, ...extra };
}

/** A Thanos querier. */
export function querier(id: string, address: string, extra: Loose = {}): Loose {
  return { id, kind: 'thanos-querier', name: id, address, ...extra };
}

export function remoteWriteEdge(serverId: string, receiverId: string, extra: Loose = {}): Loose {
  return { id: edgeId('remote_write', serverId, receiverId), kind: 'remote_write', server: serverId, receiver: receiverId, ...extra };
}

export function storeEdge(querierId: string, storeId: string): Loose {
  return { id: edgeId('store', querierId, storeId), kind: 'store', querier: querierId, store: storeId };
}
