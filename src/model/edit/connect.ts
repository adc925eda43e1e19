/**
 * Connection rules: which edge a drag from one node to another means, or why it means nothing.
 * The canvas draws edges in the direction data flows (target group -> leaf -> global -> Alertmanager
 * or Grafana); a drag in the other direction is understood the same way where it is unambiguous.
 */
import { nextId } from '../names.ts';
import { edgeKindLabel } from '../lookup.ts';
import { canIngestRemoteWrite, hasQueryApi, isAgent, isReceiverKind, RECEIVERS, servesStoreApi } from '../receivers.ts';
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
  const global = planGlobalView(a, b);
  if (global) return global;
  if (a.kind === 'prometheus' && b.kind === 'prometheus' && (isAgent(a) || isAgent(b) || a.remoteWriteReceiver === true || b.remoteWriteReceiver === true)) {
    return planRemoteWrite(a, b);
  }
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
  if (isAgent(prom) && (other.kind === 'alertmanager' || other.kind === 'grafana')) {
    return { ok: false, reason: `${prom.name} is an agent: it has no rules to alert on and no local queries. Connect ${kindName(other)} to the server it writes to.` };
  }
  switch (other.kind) {
    case 'targets':
      return { ok: true, edge: { kind: 'scrape', server: prom.id, targets: other.id } };
    case 'alertmanager':
      return { ok: true, edge: { kind: 'alert', server: prom.id, alertmanager: other.id } };
    case 'grafana':
      return { ok: true, edge: { kind: 'datasource', grafana: other.id, server: prom.id, isDefault: false } };
    case 'prometheus':
    case 'mimir':
    case 'thanos-receive':
    case 'victoriametrics':
    case 'thanos-querier':
      return { ok: false, reason: 'unreachable' };
  }
}

/** Edges of remote_write receivers and Thanos queriers (undefined: neither end is one). */
function planGlobalView(a: TopologyNode, b: TopologyNode): ConnectionPlan | undefined {
  const querier = a.kind === 'thanos-querier' ? a : b.kind === 'thanos-querier' ? b : undefined;
  if (querier) {
    const other = querier === a ? b : a;
    if (other.kind === 'grafana') return { ok: true, edge: { kind: 'datasource', grafana: other.id, server: querier.id, isDefault: false } };
    if (servesStoreApi(other)) return { ok: true, edge: { kind: 'store', querier: querier.id, store: other.id } };
    if (other.kind === 'prometheus') {
      return { ok: false, reason: isAgent(other)
        ? `${other.name} is an agent: it keeps no data to query. Let it write to a receiver, and query that.`
        : `${other.name} has no Thanos sidecar: turn it on in the inspector, then connect the querier.` };
    }
    return { ok: false, reason: `A Thanos querier reads Prometheus servers with a Thanos sidecar, or a Thanos Receive; Grafana queries it.` };
  }
  const receiver = isReceiverKind(a.kind) ? a : isReceiverKind(b.kind) ? b : undefined;
  if (!receiver) return undefined;
  const other = receiver === a ? b : a;
  if (other.kind === 'prometheus') return planRemoteWrite(other, receiver);
  if (other.kind === 'grafana') {
    return hasQueryApi(receiver)
      ? { ok: true, edge: { kind: 'datasource', grafana: other.id, server: receiver.id, isDefault: false } }
      : { ok: false, reason: `${receiver.name} (Thanos Receive) has no query API for Grafana: put a Thanos querier over it and query that.` };
  }
  return { ok: false, reason: `${kindName(receiver)} takes remote_write from Prometheus servers and agents; ${kindName(other)} cannot be connected to it.` };
}

/** remote_write from `from` to `to`, or why that cannot be. */
function planRemoteWrite(from: TopologyNode, to: TopologyNode): ConnectionPlan {
  // An agent only sends; otherwise the end that can ingest is the receiver.
  const fromSends = from.kind === 'prometheus' && (isAgent(from) || (!(to.kind === 'prometheus' && isAgent(to)) && canIngestRemoteWrite(to)));
  const [sender, receiver] = fromSends ? [from, to] : [to, from];
  if (sender.kind !== 'prometheus') return { ok: false, reason: `Only a Prometheus server or agent sends remote_write.` };
  if (!canIngestRemoteWrite(receiver)) {
    const why = receiver.kind === 'prometheus' && isAgent(receiver)
      ? `${receiver.name} is an agent: agents send remote_write but do not ingest it.`
      : `${receiver.name} does not ingest remote_write: turn on its remote-write receiver in the inspector.`;
    return { ok: false, reason: `${sender.name} -> ${receiver.name}: ${why}` };
  }
  return { ok: true, edge: { kind: 'remote_write', server: sender.id, receiver: receiver.id } };
}

function kindName(n: TopologyNode): string {
  if (isReceiverKind(n.kind)) return `${RECEIVERS[n.kind].title} ${n.name}`;
  if (n.kind === 'thanos-querier') return `Thanos querier ${n.name}`;
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
    case 'remote_write':
      return e.server === p.server && e.receiver === p.receiver;
    case 'store':
      return e.querier === p.querier && e.store === p.store;
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
