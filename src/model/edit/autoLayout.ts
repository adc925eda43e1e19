/**
 * Auto-layout with dagre, left to right along the data flow: target groups -> leaves and shards ->
 * globals -> Alertmanager and Grafana. Positions are the nodes' top-left corners (React Flow).
 */
import { Graph, layout } from '@dagrejs/dagre';
import type { Topology, TopologyNode } from '../types.ts';
import { flowDirection } from './graphQueries.ts';

/** Size the layout reserves for a node (the canvas' node card, with a margin). */
export const LAYOUT_NODE_SIZE = { width: 240, height: 120 } as const;

/** Returns the topology with every node placed by dagre; edge-less nodes are placed too. */
export function autoLayout(topology: Topology): Topology {
  if (topology.nodes.length === 0) return topology;
  const g = new Graph({ multigraph: false });
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 120, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  // Sorted insertion keeps dagre deterministic whatever the document order.
  for (const node of [...topology.nodes].sort(byRankThenName)) {
    g.setNode(node.id, { width: LAYOUT_NODE_SIZE.width, height: LAYOUT_NODE_SIZE.height });
  }
  for (const edge of topology.edges) {
    const [from, to] = flowDirection(edge);
    if (g.hasNode(from) && g.hasNode(to) && from !== to) g.setEdge(from, to);
  }
  layout(g);
  let changed = false;
  const nodes = topology.nodes.map((n) => {
    const p = g.node(n.id) as { x: number; y: number } | undefined;
    if (!p) return n;
    const x = Math.round(p.x - LAYOUT_NODE_SIZE.width / 2);
    const y = Math.round(p.y - LAYOUT_NODE_SIZE.height / 2);
    if (x === n.position.x && y === n.position.y) return n;
    changed = true;
    return { ...n, position: { x, y } } as TopologyNode;
  });
  return changed ? { ...topology, nodes } : topology;
}

function layer(n: TopologyNode): number {
  switch (n.kind) {
    case 'targets':
      return 0;
    case 'prometheus':
      return n.role === 'global' ? 2 : 1;
    case 'mimir':
    case 'thanos-receive':
    case 'victoriametrics':
    case 'thanos-querier':
      return 3;
    case 'alertmanager':
    case 'grafana':
      return 4;
  }
}

function byRankThenName(a: TopologyNode, b: TopologyNode): number {
  return layer(a) - layer(b) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}
