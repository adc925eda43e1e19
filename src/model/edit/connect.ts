/**
 * Connection rules: which edge a drag from one node to another means, or why it means nothing.
 * The canvas draws edges in the direction data flows (target group -> leaf -> global -> Alertmanager
 * or Grafana); a drag in the other direction is understood the same way where it is unambiguous.
 */
import { nextId } from '../names.ts';
import { edgeKindLabel } from '../lookup.ts';
import type { PrometheusNode, Topology, TopologyEdge, TopologyNode } from '../types.ts';

/** Default match[] of a new federation edge: the pre-aggregated recording rules (`job:...`). */
export const DEFAULT_FEDERATION_MATCH = '{__name__=~"job:.+"}';

/** An edge without its id (distributed over the kinds). */
export type EdgeSpec = TopologyEdge extends infer E ? (E extends unknown ? Omit<E, 'id'> : never) : never;

export type ConnectionPlan =
  | { ok: true; edge: EdgeSpec }
  | { ok: false; reason: string };

const rank: Record<PrometheusNode['role'], number> = { leaf: 0, shard: 0, global: 1 };

/** What connecting `from` to `to` (flow source handle -> target handle) would create. */
export function planConnection(topology: Topology, from: string, to: string): ConnectionPlan {
  const a = topology.nodes.find((n) => n.id === from);
  const b = topology.nodes.find((n) => n.id === to);
  if (!a || !b) return { ok: false, reason: 'Both ends must be nodes of this topology.' };
  if (a.id === b.id) return { ok: false, reason: `${a.name} cannot be connected to itself.` };
  const plan = planByKinds(a, b);
  if (!plan.ok) return plan;
  const duplicate = topology.edges.find((e) => sameEdge(e, plan.edge));
  if (duplicate) return { ok: false, reason: `${a.name} and ${b.name} are already connected (${edgeKindLabel(duplicate.kind)} edge).` };
  if (plan.edge.kind === 'federation') {
    const { server, source } = plan.edge;
    if (federates(topology, source, server)) {
      const sName = topology.nodes.find((n) => n.id === source)?.name ?? source;
      const tName = topology.nodes.find((n) => n.id === server)?.name ?? server;
      return { ok: false, reason: `Federation cycle: ${sName} already federates (directly or not) from ${tName}.` };
    }
  }
  return plan;
}

function planByKinds(a: TopologyNode, b: TopologyNode): ConnectionPlan {
  if (a.kind === 'prometheus' && b.kind === 'prometheus') {
    // Data flows a -> b: b federates a, unless a is the global and b is not.
    const [server, source] = rank[a.role] > rank[b.role] ? [a, b] : [b, a];
    return { ok: true, edge: { kind: 'federation', server: server.id, source: source.id, match: [DEFAULT_FEDERATION_MATCH], honorLabels: true } };
  }
  const prom = a.kind === 'prometheus' ? a : b.kind === 'prometheus' ? b : undefined;
  const other = prom === a ? b : a;
  if (!prom) {
    return { ok: false, reason: `${kindName(a)} and ${kindName(b)} cannot be connected: one end must be a Prometheus server.` };
  }
  switch (other.kind) {
    case 'targets':
      return { ok: true, edge: { kind: 'scrape', server: prom.id, targets: other.id } };
    case 'alertmanager':
      return { ok: true, edge: { kind: 'alert', server: prom.id, alertmanager: other.id } };
    case 'grafana':
      return { ok: true, edge: { kind: 'datasource', grafana: other.id, server: prom.id, isDefault: false } };
    case 'prometheus':
      return { ok: false, reason: 'unreachable' };
  }
}

function kindName(n: TopologyNode): string {
  return n.kind === 'targets' ? `Target group ${n.name}` : n.kind === 'alertmanager' ? `Alertmanager ${n.name}` : n.kind === 'grafana' ? `Grafana ${n.name}` : n.name;
}

function sameEdge(e: TopologyEdge, spec: EdgeSpec): boolean {
  if (e.kind !== spec.kind) return false;
  const p = spec as Record<string, unknown>;
  switch (e.kind) {
    case 'scrape':
      return e.server === p.server && e.targets === p.targets;
    case 'federation':
      // Either direction counts: a second edge back would be a cycle anyway.
      return (e.server === p.server && e.source === p.source) || (e.server === p.source && e.source === p.server);
    case 'alert':
      return e.server === p.server && e.alertmanager === p.alertmanager;
    case 'datasource':
      return e.grafana === p.grafana && e.server === p.server;
  }
}

/** True when `server` federates `source`, directly or through other servers. */
export function federates(topology: Topology, server: string, source: string): boolean {
  const seen = new Set<string>();
  const stack = [server];
  while (stack.length > 0) {
    const at = stack.pop() as string;
    if (at === source) return true;
    if (seen.has(at)) continue;
    seen.add(at);
    for (const e of topology.edges) if (e.kind === 'federation' && e.server === at) stack.push(e.source);
  }
  return false;
}

/** Adds the edge `planConnection` plans; returns the topology unchanged when it is refused. */
export function connect(topology: Topology, from: string, to: string): Topology {
  const plan = planConnection(topology, from, to);
  if (!plan.ok) return topology;
  const edge = { ...plan.edge, id: nextId(topology, 'e') } as TopologyEdge;
  return { ...topology, edges: [...topology.edges, edge] };
}
