/** Field edits of one node or edge (the inspector's edits). Kind and id are never changed. */
import type { Topology, TopologyEdge, TopologyNode } from '../types.ts';

type Patch<T> = T extends unknown ? Partial<Omit<T, 'id' | 'kind'>> : never;
export type NodePatch = Patch<TopologyNode>;
export type EdgePatch = Patch<TopologyEdge>;

/**
 * Applies a patch to node `id`. A key set to `undefined` removes an optional field. Returns the
 * topology unchanged when the node does not exist or nothing changes.
 */
export function updateNode(topology: Topology, id: string, patch: NodePatch): Topology {
  let changed = false;
  const nodes = topology.nodes.map((n) => {
    if (n.id !== id) return n;
    const next = applyPatch(n, patch);
    if (next !== n) changed = true;
    return next;
  });
  return changed ? { ...topology, nodes } : topology;
}

/** Applies a patch to edge `id` (same rules as updateNode). */
export function updateEdge(topology: Topology, id: string, patch: EdgePatch): Topology {
  let changed = false;
  const edges = topology.edges.map((e) => {
    if (e.id !== id) return e;
    const next = applyPatch(e, patch);
    if (next !== e) changed = true;
    return next;
  });
  return changed ? { ...topology, edges } : topology;
}

/** Renames the document or changes its description. */
export function updateDocument(topology: Topology, patch: Partial<Pick<Topology, 'name' | 'description' | 'settings'>>): Topology {
  return applyPatch(topology, patch);
}

function applyPatch<T extends object>(value: T, patch: object): T {
  let changed = false;
  const out = { ...value } as Record<string, unknown>;
  for (const [key, v] of Object.entries(patch)) {
    if (key === 'id' || key === 'kind') continue;
    if (v === undefined) {
      if (key in out) {
        delete out[key];
        changed = true;
      }
    } else if (!sameValue(out[key], v)) {
      out[key] = v;
      changed = true;
    }
  }
  return changed ? (out as T) : value;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
