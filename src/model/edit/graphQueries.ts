/**
 * Walks along the data flow: upstream = where a node's data comes from (target groups it scrapes,
 * servers it federates); downstream = who uses its data (federating servers, Alertmanagers, Grafana).
 */
import type { Topology, TopologyEdge } from '../types.ts';

/** [from, to] of an edge in the direction data flows. */
export function flowDirection(edge: TopologyEdge): readonly [string, string] {
  switch (edge.kind) {
    case 'scrape':
      return [edge.targets, edge.server];
    case 'federation':
      return [edge.source, edge.server];
    case 'alert':
      return [edge.server, edge.alertmanager];
    case 'datasource':
      return [edge.server, edge.grafana];
    case 'remote_write':
      return [edge.server, edge.receiver];
    case 'store':
      return [edge.store, edge.querier];
  }
}

/** Every node reachable against (`upstream`) or along (`downstream`) the data flow, starting ids included. */
export function reachable(topology: Topology, start: readonly string[], direction: 'upstream' | 'downstream'): { nodes: string[]; edges: string[] } {
  const nodes = new Set(start);
  const edges = new Set<string>();
  const stack = [...start];
  while (stack.length > 0) {
    const at = stack.pop() as string;
    for (const edge of topology.edges) {
      const [from, to] = flowDirection(edge);
      const [here, next] = direction === 'upstream' ? [to, from] : [from, to];
      if (here !== at) continue;
      edges.add(edge.id);
      if (!nodes.has(next)) {
        nodes.add(next);
        stack.push(next);
      }
    }
  }
  const order = (ids: Set<string>, list: readonly { id: string }[]) => list.filter((x) => ids.has(x.id)).map((x) => x.id);
  return { nodes: order(nodes, topology.nodes), edges: order(edges, topology.edges) };
}
