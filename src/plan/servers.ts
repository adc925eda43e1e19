/** Looking up the server a planning command works on, with the message a user reads when it is not there. */
import { describeNode } from '../model/lookup.ts';
import type { PrometheusNode, Topology } from '../model/types.ts';

export type ServerLookup = { ok: true; server: PrometheusNode } | { ok: false; error: string; node?: string };

/** The Prometheus server with id or name `ref` (id first). */
export function findServer(topology: Topology, ref: string): ServerLookup {
  const node = topology.nodes.find((n) => n.id === ref) ?? topology.nodes.find((n) => n.name === ref);
  if (!node) {
    const names = topology.nodes.filter((n) => n.kind === 'prometheus').map((n) => n.name);
    return { ok: false, error: `no server named "${ref}" (servers: ${names.join(', ') || 'none'})` };
  }
  if (node.kind !== 'prometheus') return { ok: false, error: `${describeNode(node)} is not a Prometheus server`, node: node.id };
  if (node.external) return { ok: false, error: `${describeNode(node)} is external to this topology (only its address is known)`, node: node.id };
  return { ok: true, server: node };
}

/** Replaces the node with the same id. */
export function replaceNode(topology: Topology, node: PrometheusNode): Topology {
  return { ...topology, nodes: topology.nodes.map((n) => (n.id === node.id ? node : n)) };
}
