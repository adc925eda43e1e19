/**
 * A deployment target runs the same design under other addresses: pod DNS names on Kubernetes,
 * service names in docker compose. `withAddresses` gives the topology as the target sees it, so the
 * ordinary generators (prometheus.yml, federation targets, alerting, Grafana URLs) write the target's
 * addresses without knowing about targets.
 */
import { serverInstances } from '../../model/instances.ts';
import type { ServerInstance } from '../../model/instances.ts';
import type { AlertmanagerNode, GrafanaNode, PrometheusNode, Topology, TopologyNode } from '../../model/types.ts';

export interface AddressRules {
  /** `host:port` of one Prometheus instance. */
  readonly server: (server: PrometheusNode, instance: ServerInstance) => string;
  /** Web and gossip address of Alertmanager instance `index`. */
  readonly alertmanager: (am: AlertmanagerNode, index: number) => { address: string; clusterAddress: string };
  /** `host:port` of a Grafana node. */
  readonly grafana: (grafana: GrafanaNode) => string;
}

function mapNode(node: TopologyNode, rules: AddressRules): TopologyNode {
  switch (node.kind) {
    case 'prometheus': {
      const addresses = serverInstances(node).map((i) => rules.server(node, i));
      return { ...node, address: addresses[0] ?? node.address, instanceAddresses: addresses };
    }
    case 'alertmanager':
      return { ...node, instances: node.instances.map((_, i) => rules.alertmanager(node, i)) };
    case 'grafana':
      return { ...node, address: rules.grafana(node) };
    default:
      return node;
  }
}

/** The topology with every instance moved to the target's address; ids, names and edges unchanged. */
export function withAddresses(t: Topology, rules: AddressRules): Topology {
  return { ...t, nodes: t.nodes.map((n) => mapNode(n, rules)) };
}
