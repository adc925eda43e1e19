/**
 * Pairs the nodes and edges of two versions of a document: by id first (ids are stable across
 * edits), then, among what is left, nodes of the same kind by name (an element re-created or
 * imported again gets a new id but keeps its name) and edges of the same kind by their ends.
 */
import { edgeEnds } from '../model/lookup.ts';
import type { Topology, TopologyEdge, TopologyNode } from '../model/types.ts';

/** A pair of versions of one element; how they were paired. */
export interface Matched<T> {
  readonly before: T;
  readonly after: T;
  readonly by: 'id' | 'name' | 'ends';
}

export interface Matching {
  readonly nodes: readonly Matched<TopologyNode>[];
  readonly removedNodes: readonly TopologyNode[];
  readonly addedNodes: readonly TopologyNode[];
  readonly edges: readonly Matched<TopologyEdge>[];
  readonly removedEdges: readonly TopologyEdge[];
  readonly addedEdges: readonly TopologyEdge[];
  /** Old node id -> new node id, for every matched node. */
  readonly nodeIdMap: ReadonlyMap<string, string>;
}

function pairBy<T extends { id: string; kind: string }>(
  before: readonly T[],
  after: readonly T[],
  keyOf: (element: T, side: 'before' | 'after') => string | undefined,
  by: Matched<T>['by'],
  matched: Matched<T>[],
): { before: T[]; after: T[] } {
  const waiting = new Map<string, T[]>();
  for (const element of after) {
    const key = keyOf(element, 'after');
    if (key === undefined) continue;
    const list = waiting.get(key);
    if (list) list.push(element);
    else waiting.set(key, [element]);
  }
  const paired = new Set<T>();
  const leftBefore: T[] = [];
  for (const element of before) {
    const key = keyOf(element, 'before');
    const candidate = key === undefined ? undefined : waiting.get(key)?.shift();
    if (candidate) {
      matched.push({ before: element, after: candidate, by });
      paired.add(candidate);
    } else leftBefore.push(element);
  }
  return { before: leftBefore, after: after.filter((e) => !paired.has(e)) };
}

/** Matches the elements of `before` and `after`. */
export function matchElements(before: Topology, after: Topology): Matching {
  const nodes: Matched<TopologyNode>[] = [];
  const byId = pairBy(before.nodes, after.nodes, (n) => `${n.kind}\u0000${n.id}`, 'id', nodes);
  const byName = pairBy(byId.before, byId.after, (n) => `${n.kind}\u0000${n.name}`, 'name', nodes);
  const nodeIdMap = new Map(nodes.map((m) => [m.before.id, m.after.id] as const));

  const edges: Matched<TopologyEdge>[] = [];
  const edgesById = pairBy(before.edges, after.edges, (e) => `${e.kind}\u0000${e.id}`, 'id', edges);
  const endsKey = (e: TopologyEdge, side: 'before' | 'after') => {
    const [a, b] = edgeEnds(e);
    const map = (id: string) => (side === 'before' ? nodeIdMap.get(id) : id);
    const ma = map(a);
    const mb = map(b);
    return ma === undefined || mb === undefined ? undefined : `${e.kind}\u0000${ma}\u0000${mb}`;
  };
  const edgesByEnds = pairBy(edgesById.before, edgesById.after, endsKey, 'ends', edges);
  return {
    nodes,
    removedNodes: byName.before,
    addedNodes: byName.after,
    edges,
    removedEdges: edgesByEnds.before,
    addedEdges: edgesByEnds.after,
    nodeIdMap,
  };
}
