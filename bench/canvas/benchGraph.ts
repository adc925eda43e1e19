/**
 * The graphs the canvas benchmark draws: a synthetic topology of about `nodes` nodes laid out on a
 * grid (so a fitted view shows every card), and the same nodes and edges as a bare React Flow graph
 * (default nodes labelled with the node's name, same ids, positions and edge directions).
 */
import { flowDirection } from '../../src/model/edit/graphQueries.ts';
import type { Topology } from '../../src/model/types.ts';
import { syntheticTopology } from '../syntheticTopology.ts';

/** A React Flow graph as the anchor page reads it. */
export interface AnchorGraph {
  readonly nodes: readonly { id: string; position: { x: number; y: number }; data: { label: string } }[];
  readonly edges: readonly { id: string; source: string; target: string }[];
}

const COLUMN_WIDTH = 300;
const ROW_HEIGHT = 160;

/** A valid topology with about `nodes` nodes (leaf, its two target groups, globals) on a grid. */
export function gridTopology(nodes: number): Topology {
  // syntheticTopology(s) has max(1, s/50) globals and 3 nodes per leaf.
  const servers = Math.max(2, Math.round((nodes + Math.floor(nodes / 150)) / 3));
  const t = syntheticTopology(servers, 5);
  const columns = Math.ceil(Math.sqrt(t.nodes.length * (ROW_HEIGHT / COLUMN_WIDTH)));
  return {
    ...t,
    name: `bench grid ${t.nodes.length} nodes`,
    nodes: t.nodes.map((n, i) => ({ ...n, position: { x: (i % columns) * COLUMN_WIDTH, y: Math.floor(i / columns) * ROW_HEIGHT } })),
  };
}

/** The topology as bare React Flow nodes and edges. */
export function anchorGraph(t: Topology): AnchorGraph {
  return {
    nodes: t.nodes.map((n) => ({ id: n.id, position: n.position, data: { label: n.name } })),
    edges: t.edges.map((e) => {
      const [source, target] = flowDirection(e);
      return { id: e.id, source, target };
    }),
  };
}
