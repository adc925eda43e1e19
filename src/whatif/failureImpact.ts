/**
 * Failure what-if: with some instances, Alertmanagers or data centres down, what loses data: the
 * series no surviving instance collects, the target groups nobody scrapes, the federation edges whose
 * source instance is gone, the rules that stop or lose input, the alerts that stop firing or reaching
 * an Alertmanager, the Grafana data sources that go blank; and which HA replicas cover a failure.
 * Pure; the load estimate gives the series counts.
 */
import type { LoadEstimate } from '../estimate/types.ts';
import { replicaValueOf, serverInstances, type ServerInstance } from '../model/instances.ts';
import { isRecordingRule, type PrometheusNode, type Topology } from '../model/types.ts';
import { resolveDown, type DownSet } from './downMarks.ts';

/** How one server fares. */
export type ServerState = 'down' | 'partial' | 'covered';

export interface ServerImpact {
  readonly id: string;
  readonly name: string;
  readonly state: ServerState;
  /** Keys of its instances that are down. */
  readonly downInstances: readonly string[];
  /** Surviving replicas that hold the data of a down replica (`covered`), e.g. `b`. */
  readonly coveredBy: readonly string[];
  /** Series no surviving instance of this server holds. */
  readonly seriesLost: number;
}

export interface TargetGroupImpact {
  readonly id: string;
  readonly name: string;
  /** Every scraper lost it (`lost`), or only some shards' share (`partial`). */
  readonly state: 'lost' | 'partial';
}

export interface FederationImpact {
  readonly edge: string;
  /** The federating server and its source, by name. */
  readonly server: string;
  readonly source: string;
  /** The federating server is down, or the source instances it pulls from are. */
  readonly cause: 'server-down' | 'source-down';
  readonly reason: string;
  /** Series the edge no longer carries (its estimate; all of it when the federating server is down). */
  readonly series: number;
}

export interface RuleImpact {
  readonly server: string;
  readonly group: string;
  readonly rule: string;
  readonly kind: 'recording' | 'alerting';
  /** `stopped` (its server is down) or `input lost from <source>`. */
  readonly reason: string;
}

export interface DashboardImpact {
  readonly grafana: string;
  /** The server behind the data source. */
  readonly server: string;
  readonly reason: string;
  /** The edge has `replicas: each`: Grafana has a data source of a surviving replica to switch to. */
  readonly covered: boolean;
}

export interface AlertRoutingImpact {
  readonly server: string;
  /** Every Alertmanager it sends to is down: its alerts reach nobody. */
  readonly reason: string;
}

/** The what-if as a whole. */
export interface FailureImpact {
  readonly marks: readonly string[];
  /** Marks that name no node, instance or data centre. */
  readonly unmatched: readonly string[];
  readonly servers: readonly ServerImpact[];
  readonly targetGroups: readonly TargetGroupImpact[];
  readonly federation: readonly FederationImpact[];
  readonly rules: readonly RuleImpact[];
  readonly alerting: readonly AlertRoutingImpact[];
  readonly dashboards: readonly DashboardImpact[];
  /** Sum of the servers' `seriesLost`. */
  readonly seriesLost: number;
}

/** Shards of `server` with no surviving replica. */
function deadShards(server: PrometheusNode, down: ReadonlySet<string>): Set<number> {
  const alive = new Set<number>();
  const all = new Set<number>();
  for (const i of serverInstances(server)) {
    all.add(i.shard ?? 0);
    if (!down.has(i.key)) alive.add(i.shard ?? 0);
  }
  return new Set([...all].filter((s) => !alive.has(s)));
}

function serverImpact(server: PrometheusNode, down: ReadonlySet<string>, load: LoadEstimate): ServerImpact {
  const instances = serverInstances(server);
  const dead = deadShards(server, down);
  const state: ServerState = dead.size === 0 ? 'covered' : instances.every((i) => down.has(i.key)) ? 'down' : 'partial';
  const coveredBy = instances
    .filter((i) => !down.has(i.key) && instances.some((d) => down.has(d.key) && (d.shard ?? 0) === (i.shard ?? 0)))
    .map((i) => i.key);
  // One replica per dead shard: replicas of a shard hold the same series.
  const perInstance = new Map((load.servers[server.id]?.instances ?? []).map((i) => [i.key, i.activeSeries] as const));
  let seriesLost = 0;
  for (const shard of dead) {
    const first = instances.find((i) => (i.shard ?? 0) === shard);
    if (first) seriesLost += perInstance.get(first.key) ?? 0;
  }
  return { id: server.id, name: server.name, state, downInstances: instances.filter((i) => down.has(i.key)).map((i) => i.key), coveredBy, seriesLost };
}

/** The impact of the `marks` (see downMarks.ts) on the document. */
export function failureImpact(topology: Topology, load: LoadEstimate, marks: readonly string[]): FailureImpact {
  const set = resolveDown(topology, marks);
  const byId = new Map(topology.nodes.map((n) => [n.id, n] as const));
  const servers: ServerImpact[] = [];
  for (const n of topology.nodes) {
    const down = set.instances.get(n.id);
    if (n.kind === 'prometheus' && down && down.size > 0) servers.push(serverImpact(n, down, load));
  }
  const impactOf = new Map(servers.map((s) => [s.id, s] as const));
  const federation = federationImpacts(topology, set, load, impactOf);
  return {
    marks,
    unmatched: set.unmatched,
    servers,
    targetGroups: targetGroupImpacts(topology, impactOf),
    federation,
    rules: ruleImpacts(topology, impactOf, federation),
    alerting: alertRouting(topology, set, impactOf),
    dashboards: dashboardImpacts(topology, set),
    seriesLost: servers.reduce((sum, s) => sum + s.seriesLost, 0),
  };

  function nameOf(id: string): string {
    return byId.get(id)?.name ?? id;
  }

  function targetGroupImpacts(t: Topology, impacts: ReadonlyMap<string, ServerImpact>): TargetGroupImpact[] {
    const out: TargetGroupImpact[] = [];
    for (const group of t.nodes) {
      if (group.kind !== 'targets') continue;
      const scrapers = t.edges.flatMap((e) => (e.kind === 'scrape' && e.targets === group.id ? [e.server] : []));
      if (scrapers.length === 0) continue;
      const states = scrapers.map((s) => impacts.get(s)?.state);
      if (states.some((s) => s === undefined || s === 'covered')) continue;
      out.push({ id: group.id, name: nameOf(group.id), state: states.every((s) => s === 'down') ? 'lost' : 'partial' });
    }
    return out;
  }
}

function federationImpacts(t: Topology, set: DownSet, load: LoadEstimate, impacts: ReadonlyMap<string, ServerImpact>): FederationImpact[] {
  const out: FederationImpact[] = [];
  for (const edge of t.edges) {
    if (edge.kind !== 'federation') continue;
    const server = t.nodes.find((n) => n.id === edge.server);
    const source = t.nodes.find((n): n is PrometheusNode => n.id === edge.source && n.kind === 'prometheus');
    if (!server || !source) continue;
    const series = load.edges[edge.id]?.series ?? 0;
    if (impacts.get(server.id)?.state === 'down') {
      out.push({ edge: edge.id, server: server.name, source: source.name, cause: 'server-down', reason: `${server.name} is down`, series });
      continue;
    }
    const down = set.instances.get(source.id);
    if (!down || down.size === 0) continue;
    const pulled = pulledInstances(source, edge.sourceReplica);
    const lostShards = new Set<number>();
    for (const shard of new Set(pulled.map((i) => i.shard ?? 0))) {
      if (pulled.filter((i) => (i.shard ?? 0) === shard).every((i) => down.has(i.key))) lostShards.add(shard);
    }
    if (lostShards.size === 0) continue;
    const whole = serverInstances(source).every((i) => down.has(i.key));
    const gone = whole ? `${source.name} is` : `instance ${pulled.filter((i) => down.has(i.key)).map((i) => i.key).join(', ')}`;
    const survivor = serverInstances(source).some((i) => lostShards.has(i.shard ?? 0) && !down.has(i.key));
    const replicaNote = survivor && edge.sourceReplica !== 'all'
      ? ` (the edge pulls replica ${replicaValueOf(source, pulledReplica(source, edge.sourceReplica))} only; set sourceReplica: all to fall back)`
      : '';
    out.push({ edge: edge.id, server: server.name, source: source.name, cause: 'source-down', reason: `source ${gone} down${replicaNote}`, series: series * (lostShards.size / Math.max(1, new Set(pulled.map((i) => i.shard ?? 0)).size)) });
  }
  return out;
}

function pulledReplica(source: PrometheusNode, sourceReplica: number | 'all' | undefined): number {
  return sourceReplica === 'all' || sourceReplica === undefined ? 0 : Math.min(sourceReplica, (source.ha?.replicas ?? 1) - 1);
}

/** The instances of `source` a federation edge scrapes (one replica per shard, or every replica). */
function pulledInstances(source: PrometheusNode, sourceReplica: number | 'all' | undefined): ServerInstance[] {
  const all = serverInstances(source);
  if (!source.ha || sourceReplica === 'all') return all;
  const r = pulledReplica(source, sourceReplica);
  return all.filter((i) => (i.replica ?? 0) === r);
}

function ruleImpacts(t: Topology, impacts: ReadonlyMap<string, ServerImpact>, federation: readonly FederationImpact[]): RuleImpact[] {
  const out: RuleImpact[] = [];
  for (const n of t.nodes) {
    if (n.kind !== 'prometheus') continue;
    const state = impacts.get(n.id)?.state;
    const lostFrom = federation.filter((f) => f.server === n.name && f.cause === 'source-down').map((f) => f.source);
    let reason: string | undefined;
    if (state === 'down') reason = 'stopped: the server is down';
    else if (state === 'partial') reason = 'partly stopped: some shards are down';
    else if (lostFrom.length > 0) reason = `input lost from ${[...new Set(lostFrom)].join(', ')}`;
    if (!reason) continue;
    for (const group of n.ruleGroups) {
      for (const rule of group.rules) {
        out.push({ server: n.name, group: group.name, rule: isRecordingRule(rule) ? rule.record : rule.alert, kind: isRecordingRule(rule) ? 'recording' : 'alerting', reason });
      }
    }
  }
  return out;
}

function alertRouting(t: Topology, set: DownSet, impacts: ReadonlyMap<string, ServerImpact>): AlertRoutingImpact[] {
  const out: AlertRoutingImpact[] = [];
  for (const n of t.nodes) {
    if (n.kind !== 'prometheus' || impacts.get(n.id)?.state === 'down') continue;
    const targets = t.edges.filter((e) => e.kind === 'alert' && e.server === n.id).map((e) => (e.kind === 'alert' ? e.alertmanager : ''));
    if (targets.length > 0 && targets.every((id) => set.nodes.has(id))) {
      const names = targets.map((id) => t.nodes.find((x) => x.id === id)?.name ?? id);
      out.push({ server: n.name, reason: `every Alertmanager it sends to is down (${names.join(', ')})` });
    }
  }
  return out;
}

/**
 * Grafana queries replica `a` of each shard (generate/grafanaDatasources.ts): a down `a` blanks the
 * panel, unless the edge has `replicas: each` and another replica of that shard is up (covered).
 */
function dashboardImpacts(t: Topology, set: DownSet): DashboardImpact[] {
  const out: DashboardImpact[] = [];
  for (const e of t.edges) {
    if (e.kind !== 'datasource') continue;
    const grafana = t.nodes.find((n) => n.id === e.grafana);
    const server = t.nodes.find((n): n is PrometheusNode => n.id === e.server && n.kind === 'prometheus');
    if (!grafana || !server) continue;
    if (set.nodes.has(grafana.id)) {
      out.push({ grafana: grafana.name, server: server.name, reason: `${grafana.name} is down`, covered: false });
      continue;
    }
    const down = set.instances.get(server.id);
    if (!down) continue;
    const queried = serverInstances(server).filter((i) => (i.replica ?? 0) === 0 && down.has(i.key));
    if (queried.length === 0) continue;
    const others = serverInstances(server).filter((i) => !down.has(i.key) && queried.some((q) => (q.shard ?? 0) === (i.shard ?? 0)));
    const lost = queried.map((i) => i.key || server.name).join(', ');
    const covered = e.replicas === 'each' && queried.every((q) => others.some((o) => (o.shard ?? 0) === (q.shard ?? 0)));
    if (covered) {
      const names = others.map((o) => `"${server.name}${o.shard !== undefined ? `-shard-${o.shard}` : ''} (replica ${o.replicaValue ?? ''})"`);
      out.push({ grafana: grafana.name, server: server.name, reason: `queried instance ${lost} is down; covered: switch to data source ${[...new Set(names)].join(' or ')}`, covered: true });
      continue;
    }
    const note = others.length > 0 ? `; replica ${others.map((i) => i.key).join(', ')} holds the data but the data source points at replica a` : '';
    out.push({ grafana: grafana.name, server: server.name, reason: `queried instance ${lost} is down${note}`, covered: false });
  }
  return out;
}
