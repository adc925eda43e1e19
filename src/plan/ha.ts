/**
 * Make HA: the server becomes a group of identical replicas told apart by a replica label, the label
 * dropped from alerts so the Alertmanager cluster deduplicates them, federation and Grafana reading one
 * replica (a) with the others as failover. Edges stay as they are (they point at the group), except
 * that the Grafana failover option gives every data source edge to it one data source per replica.
 */
import { describeNode } from '../model/lookup.ts';
import { replicaValue, serverInstances } from '../model/instances.ts';
import type { AlertmanagerNode, Topology } from '../model/types.ts';
import { HASHMOD_SHARD_LABEL } from '../generate/prometheusConfig.ts';
import { MAX_REPLICAS } from '../validate/ha.ts';
import { baseAddress, withInstanceAddresses } from './addresses.ts';
import { planError, type PlanOutcome } from './outcome.ts';
import { findServer, replaceNode } from './servers.ts';

export interface HaOptions {
  /** Replicas, 2 or more (default 2). */
  readonly replicas?: number;
  /** External label telling the replicas apart (default `replica`). */
  readonly replicaLabel?: string;
  /** Grafana failover: every data source edge to the server gets `replicas: each` (one data source per replica). */
  readonly grafanaFailover?: boolean;
}

export interface HaSummary {
  readonly server: string;
  readonly replicas: number;
  readonly replicaLabel: string;
  /** Instance addresses, replica a first. */
  readonly addresses: readonly string[];
  /** Alertmanagers the group alerts to (they deduplicate its alerts). */
  readonly alertmanagers: readonly string[];
  /** Grafana nodes that query the group: through replica a, replica b as failover. */
  readonly grafanas: readonly string[];
  /** The Grafana nodes have a data source per replica (`replicas: each` on their edges). */
  readonly grafanaFailover: boolean;
}

export function makeHa(topology: Topology, serverRef: string, options: HaOptions = {}): PlanOutcome<HaSummary> {
  const found = findServer(topology, serverRef);
  if (!found.ok) return planError(found.error, found.node);
  const server = found.server;
  const replicas = options.replicas ?? server.ha?.replicas ?? 2;
  if (!Number.isInteger(replicas) || replicas < 2 || replicas > MAX_REPLICAS) {
    return planError(`${describeNode(server)}, ha.replicas: ${replicas} is not a replica count (2 to ${MAX_REPLICAS})`, server.id, 'ha.replicas');
  }
  const replicaLabel = options.replicaLabel ?? server.ha?.replicaLabel ?? 'replica';
  if (replicaLabel in server.externalLabels || replicaLabel === HASHMOD_SHARD_LABEL) {
    return planError(`${describeNode(server)}, ha.replicaLabel: "${replicaLabel}" is already an external label of this server; pick another replica label`, server.id, 'ha.replicaLabel');
  }
  const failover = options.grafanaFailover === true;
  const sources = topology.edges.filter((e) => e.kind === 'datasource' && e.server === server.id);
  const failoverToAdd = failover && sources.some((e) => e.kind === 'datasource' && e.replicas !== 'each');
  if (server.ha && server.ha.replicas === replicas && server.ha.replicaLabel === replicaLabel && server.ha.dropReplicaLabelOnAlerts && !failoverToAdd) {
    return planError(`${describeNode(server)} is already an HA group of ${replicas} replicas`, server.id, 'ha.replicas');
  }
  const base = baseAddress(server);
  const { replicaValues: _kept, ...previous } = server.ha ?? {};
  const ha = { ...previous, replicas, replicaLabel, dropReplicaLabelOnAlerts: true };
  const keepValues = server.ha?.replicaValues && server.ha.replicaValues.length >= replicas ? { replicaValues: server.ha.replicaValues.slice(0, replicas) } : {};
  const next = withInstanceAddresses({ ...server, ha: { ...ha, ...keepValues } }, base);
  const replaced = replaceNode(topology, next);
  const after = failover
    ? { ...replaced, edges: replaced.edges.map((e) => (e.kind === 'datasource' && e.server === server.id ? { ...e, replicas: 'each' as const } : e)) }
    : replaced;
  const alertmanagers = topology.edges
    .filter((e) => e.kind === 'alert' && e.server === server.id)
    .map((e) => topology.nodes.find((n): n is AlertmanagerNode => n.kind === 'alertmanager' && e.kind === 'alert' && n.id === e.alertmanager))
    .filter((n): n is AlertmanagerNode => n !== undefined);
  const grafanas = topology.edges
    .filter((e) => e.kind === 'datasource' && e.server === server.id)
    .map((e) => (e.kind === 'datasource' ? topology.nodes.find((n) => n.id === e.grafana)?.name : undefined))
    .filter((n): n is string => n !== undefined);
  const addresses = serverInstances(next).map((i) => i.address);
  const notes: string[] = [];
  if (alertmanagers.length === 0) notes.push(`${server.name} alerts to no Alertmanager: connect one so the replicas' alerts are deduplicated`);
  for (const am of alertmanagers) {
    if (am.instances.length < 2) notes.push(`Alertmanager ${am.name} has one instance: it deduplicates the replicas' alerts, but is itself not HA (give it 3 instances)`);
  }
  const second = serverInstances(next).find((i) => i.replica === 1);
  for (const g of grafanas) {
    notes.push(failover
      ? `Grafana ${g} gets a data source per replica: if replica ${replicaValue(0)} is down, switch its dashboards to "${server.name}${second?.shard !== undefined ? `-shard-${second.shard}` : ''} (replica ${second?.replicaValue ?? replicaValue(1)})"`
      : `Grafana ${g} queries replica ${replicaValue(0)}; if it is down, point the data source at replica ${replicaValue(1)} (${addresses[1] ?? ''}), or make HA with Grafana failover`);
  }
  const federatedBy = topology.edges.filter((e) => e.kind === 'federation' && e.source === server.id).length;
  if (federatedBy > 0) notes.push(`federation from ${server.name} reads replica ${replicaValue(0)} (sourceReplica 0); choose another replica on the edge to fail over`);
  return {
    ok: true,
    topology: after,
    summary: { server: server.name, replicas, replicaLabel, addresses, alertmanagers: alertmanagers.map((a) => a.name), grafanas, grafanaFailover: failover },
    notes,
  };
}
