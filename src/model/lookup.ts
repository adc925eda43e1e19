/** Lookups over a document, built once per document (callers memoize on the document object). */
import type { PrometheusNode, TargetGroupNode, Topology, TopologyEdge, TopologyNode } from './types.ts';

export interface TopologyIndex {
  readonly nodes: ReadonlyMap<string, TopologyNode>;
  readonly edges: ReadonlyMap<string, TopologyEdge>;
  /** Edges touching a node (any role), in document order. */
  readonly edgesOf: ReadonlyMap<string, readonly TopologyEdge[]>;
}

/** Ids a given edge connects, whatever its kind. */
export function edgeEnds(edge: TopologyEdge): readonly [string, string] {
  switch (edge.kind) {
    case 'scrape':
      return [edge.server, edge.targets];
    case 'federation':
      return [edge.server, edge.source];
    case 'alert':
      return [edge.server, edge.alertmanager];
    case 'datasource':
      return [edge.grafana, edge.server];
    case 'remote_write':
      return [edge.server, edge.receiver];
    case 'store':
      return [edge.querier, edge.store];
  }
}

export function indexTopology(topology: Topology): TopologyIndex {
  const nodes = new Map(topology.nodes.map((n) => [n.id, n] as const));
  const edges = new Map(topology.edges.map((e) => [e.id, e] as const));
  const edgesOf = new Map<string, TopologyEdge[]>();
  for (const edge of topology.edges) {
    for (const end of new Set(edgeEnds(edge))) {
      const list = edgesOf.get(end);
      if (list) list.push(edge);
      else edgesOf.set(end, [edge]);
    }
  }
  return { nodes, edges, edgesOf };
}

export function prometheusNodes(topology: Topology): PrometheusNode[] {
  return topology.nodes.filter((n): n is PrometheusNode => n.kind === 'prometheus');
}

export function targetGroups(topology: Topology): TargetGroupNode[] {
  return topology.nodes.filter((n): n is TargetGroupNode => n.kind === 'targets');
}

/** How a node or edge is named in messages: `leaf "leaf-eu"`, `federation edge global -> leaf-eu`. */
export function describeNode(node: TopologyNode): string {
  switch (node.kind) {
    case 'prometheus':
      return `${node.role} "${node.name}"`;
    case 'targets':
      return `target group "${node.name}"`;
    case 'alertmanager':
      return `alertmanager "${node.name}"`;
    case 'grafana':
      return `grafana "${node.name}"`;
    case 'mimir':
    case 'thanos-receive':
    case 'victoriametrics':
      return `${node.kind} "${node.name}"`;
    case 'thanos-querier':
      return `thanos querier "${node.name}"`;
  }
}

/** The kind of an edge in the words the user reads (`datasource` is a "data source" edge). */
export function edgeKindLabel(kind: TopologyEdge['kind']): string {
  return kind === 'datasource' ? 'data source' : kind === 'store' ? 'store (StoreAPI)' : kind;
}

export function describeEdge(edge: TopologyEdge, index: Pick<TopologyIndex, 'nodes'>): string {
  const name = (id: string) => index.nodes.get(id)?.name ?? `?${id}`;
  const [a, b] = edgeEnds(edge);
  return `${edgeKindLabel(edge.kind)} edge ${name(a)} -> ${name(b)}`;
}
