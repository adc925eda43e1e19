/** Field edits of one node or edge (the inspector's edits). Kind and id are never changed. */
import { addressFromName, splitAddress } from '../instances.ts';
import type { PrometheusNode, Topology, TopologyEdge, TopologyNode } from '../types.ts';

type Patch<T> = T extends unknown ? Partial<Omit<T, 'id' | 'kind'>> : never;
export type NodePatch = Patch<TopologyNode>;
export type EdgePatch = Patch<TopologyEdge>;

/**
 * Applies a patch to node `id`. A key set to `undefined` removes an optional field. Returns the
 * topology unchanged when the node does not exist or nothing changes. A server's address that follows
 * its name is kept in step (see followName), in the same step.
 */
export function updateNode(topology: Topology, id: string, patch: NodePatch): Topology {
  let changed = false;
  const nodes = topology.nodes.map((n) => {
    if (n.id !== id) return n;
    const patched = applyPatch(n, patch);
    const next = patched.kind === 'prometheus' && patched !== n ? followName(patched, patch as Partial<PrometheusNode>) : patched;
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

/**
 * Keeps `address` derived from the name while `addressFromName` is on: a rename rewrites the host
 * (the port stays); turning it on derives the address; an edited address whose host is no longer the
 * name turns it off (the address is then the user's). Never turns it on by itself.
 */
export function followName(server: PrometheusNode, patch: Partial<PrometheusNode>): PrometheusNode {
  if (!server.addressFromName) return server;
  if ('address' in patch && patch.address !== undefined && !('addressFromName' in patch)) {
    return splitAddress(server.address).host === server.name ? server : { ...server, addressFromName: false };
  }
  const address = addressFromName(server.name, server.address);
  return address === server.address ? server : { ...server, address };
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
