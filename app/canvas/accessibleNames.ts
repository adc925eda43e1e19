/**
 * What the canvas says about a node or an edge to someone who cannot see it (aria-label), in the
 * designer's own words and names, never internal ids: "Leaf Prometheus prom-eu-1",
 * "Federation edge: prom-global pulls from prom-eu-1".
 */
import type { TopologyEdge, TopologyNode } from '../../src/model/types.ts';

/** The role of a node as the palette names it. */
export function roleLabel(node: TopologyNode): string {
  switch (node.kind) {
    case 'prometheus':
      if (node.mode === 'agent') return 'Prometheus agent';
      return node.role === 'leaf' ? 'Leaf Prometheus' : node.role === 'global' ? 'Global Prometheus' : 'Shard Prometheus';
    case 'mimir':
      return 'Grafana Mimir';
    case 'thanos-receive':
      return 'Thanos Receive';
    case 'victoriametrics':
      return 'VictoriaMetrics';
    case 'thanos-querier':
      return 'Thanos querier';
    case 'targets':
      return 'Target group';
    case 'alertmanager':
      return 'Alertmanager';
    case 'grafana':
      return 'Grafana';
  }
}

export function nodeAccessibleName(node: TopologyNode): string {
  return `${roleLabel(node)} ${node.name}`;
}

/** `nameOf(id)` gives the name of a node (or a stand-in when it is missing). */
export function edgeAccessibleName(edge: TopologyEdge, nameOf: (id: string) => string): string {
  switch (edge.kind) {
    case 'scrape':
      return `Scrape edge: ${nameOf(edge.server)} scrapes ${nameOf(edge.targets)}`;
    case 'federation':
      return `Federation edge: ${nameOf(edge.server)} pulls from ${nameOf(edge.source)}`;
    case 'alert':
      return `Alert edge: ${nameOf(edge.server)} sends alerts to ${nameOf(edge.alertmanager)}`;
    case 'datasource':
      return `Data source edge: ${nameOf(edge.grafana)} queries ${nameOf(edge.server)}`;
    case 'remote_write':
      return `Remote write edge: ${nameOf(edge.server)} writes to ${nameOf(edge.receiver)}`;
    case 'store':
      return `Store edge: ${nameOf(edge.querier)} reads ${nameOf(edge.store)}`;
  }
}
