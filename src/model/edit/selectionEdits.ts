/**
 * Edits over a set of nodes and edges: delete, copy, paste, duplicate, move. Pure; ids of new nodes
 * and edges come from nextId, names from uniqueName, so results are deterministic.
 */
import { addressFromName } from '../instances.ts';
import { nextId, uniqueName } from '../names.ts';
import { edgeEnds } from '../lookup.ts';
import type { Topology, TopologyEdge, TopologyNode } from '../types.ts';

/** Ids of nodes and edges an edit works on. */
export interface IdSet {
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
}

/** A copied piece of a topology: nodes and the edges between them. */
export interface Fragment {
  readonly nodes: readonly TopologyNode[];
  readonly edges: readonly TopologyEdge[];
}

/** Removes the nodes (with every edge touching them) and the edges. */
export function deleteSelection(topology: Topology, ids: IdSet): Topology {
  if (ids.nodes.length === 0 && ids.edges.length === 0) return topology;
  const nodes = new Set(ids.nodes);
  const edges = new Set(ids.edges);
  const keptNodes = topology.nodes.filter((n) => !nodes.has(n.id));
  const keptEdges = topology.edges.filter((e) => !edges.has(e.id) && !edgeEnds(e).some((end) => nodes.has(end)));
  if (keptNodes.length === topology.nodes.length && keptEdges.length === topology.edges.length) return topology;
  return { ...topology, nodes: keptNodes, edges: keptEdges };
}

/** The selected nodes and the edges whose both ends are selected. */
export function copySelection(topology: Topology, ids: IdSet): Fragment {
  const nodes = new Set(ids.nodes);
  return {
    nodes: topology.nodes.filter((n) => nodes.has(n.id)),
    edges: topology.edges.filter((e) => edgeEnds(e).every((end) => nodes.has(end))),
  };
}

/**
 * Adds a copy of the fragment, moved by `offset`, with fresh ids and unique names; edges are rewired
 * to the copies. Returns the topology unchanged for an empty fragment.
 */
export function paste(topology: Topology, fragment: Fragment, offset: { x: number; y: number }): Topology {
  if (fragment.nodes.length === 0) return topology;
  let work: Topology = topology;
  const idMap = new Map<string, string>();
  const names = new Set(topology.nodes.map((n) => n.name));
  const added: TopologyNode[] = [];
  for (const node of fragment.nodes) {
    const id = nextId(work, 'n');
    const name = uniqueName(node.name, names);
    names.add(name);
    idMap.set(node.id, id);
    const copy = {
      ...node,
      id,
      name,
      ...(node.kind === 'prometheus' && (node.addressFromName || node.address === `${node.name}:9090`) ? { address: addressFromName(name, node.address) } : {}),
      position: { x: node.position.x + offset.x, y: node.position.y + offset.y },
    } as TopologyNode;
    added.push(copy);
    work = { ...work, nodes: [...work.nodes, copy] };
  }
  for (const edge of fragment.edges) {
    const rewired = rewire(edge, idMap);
    if (!rewired) continue;
    work = { ...work, edges: [...work.edges, { ...rewired, id: nextId(work, 'e') }] };
  }
  return work;
}

function rewire(edge: TopologyEdge, idMap: ReadonlyMap<string, string>): TopologyEdge | undefined {
  const m = (id: string) => idMap.get(id);
  switch (edge.kind) {
    case 'scrape': {
      const server = m(edge.server), targets = m(edge.targets);
      return server && targets ? { ...edge, server, targets } : undefined;
    }
    case 'federation': {
      const server = m(edge.server), source = m(edge.source);
      return server && source ? { ...edge, server, source } : undefined;
    }
    case 'alert': {
      const server = m(edge.server), alertmanager = m(edge.alertmanager);
      return server && alertmanager ? { ...edge, server, alertmanager } : undefined;
    }
    case 'datasource': {
      const grafana = m(edge.grafana), server = m(edge.server);
      return grafana && server ? { ...edge, grafana, server, isDefault: false } : undefined;
    }
  }
}

/** Copy and paste in one step, 40 px down and right. */
export function duplicate(topology: Topology, ids: IdSet): Topology {
  return paste(topology, copySelection(topology, ids), { x: 40, y: 40 });
}

/** Sets node positions (flow coordinates); unknown ids are ignored, unchanged positions kept. */
export function moveNodes(topology: Topology, positions: Readonly<Record<string, { x: number; y: number }>>): Topology {
  let changed = false;
  const nodes = topology.nodes.map((n) => {
    const p = positions[n.id];
    if (!p || (p.x === n.position.x && p.y === n.position.y)) return n;
    changed = true;
    return { ...n, position: { x: p.x, y: p.y } } as TopologyNode;
  });
  return changed ? { ...topology, nodes } : topology;
}

/** Ids created by an edit: in `after` but not in `before`. */
export function addedIds(before: Topology, after: Topology): IdSet {
  const n = new Set(before.nodes.map((x) => x.id));
  const e = new Set(before.edges.map((x) => x.id));
  return { nodes: after.nodes.filter((x) => !n.has(x.id)).map((x) => x.id), edges: after.edges.filter((x) => !e.has(x.id)).map((x) => x.id) };
}
