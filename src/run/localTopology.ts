/**
 * The private copy of a design that runs on one machine: every Prometheus instance, Alertmanager
 * instance and target on 127.0.0.1 with a port of its own, the names mapped (targets, federation
 * sources, alertmanager addresses, gossip peers), an always-firing check alert on every server that
 * sends alerts, and optionally one scrape interval everywhere. The design itself is never changed:
 * the run generates its bundle from this copy, and predicts its load from the same copy.
 */
import { replicaCount, serverInstances } from '../model/instances.ts';
import { federationJobName, scrapeJobName } from '../model/jobs.ts';
import { groupTargets, hasDiscovery } from '../model/targets.ts';
import type { AlertmanagerNode, PrometheusNode, TargetGroupNode, Topology, TopologyEdge, TopologyNode } from '../model/types.ts';

/** Loopback host every process of a local run listens on. */
export const LOCAL_HOST = '127.0.0.1';

/** Name of the check alert added to every server that sends alerts. */
export const CHECK_ALERT = 'PromTopoRunCheck';
/** Label of the check alert that names the server it comes from (equal across HA replicas). */
export const CHECK_ALERT_SERVER_LABEL = 'promtopo_run_server';
/** Rule group holding the check alert. */
export const CHECK_RULE_GROUP = 'promtopo-run-check';

/** What stands behind one target of the private copy. */
export type TargetProcess =
  /** A real node_exporter listening on the port. */
  | { readonly kind: 'node_exporter' }
  /** The stand-in exporter serving the group's catalog (or `seriesPerTarget` generic series). */
  | { readonly kind: 'stand-in'; readonly exporter?: string; readonly seriesPerTarget?: number }
  /** A server or Alertmanager instance of the run itself (a target group scraping them). */
  | { readonly kind: 'run-instance' };

export interface LocalServerInstance {
  readonly nodeId: string;
  readonly name: string;
  /** Instance key (`''`, `a`, `shard-0`, ...), as in model/instances.ts. */
  readonly key: string;
  /** `name` or `name-key`: the bundle folder and the label shown. */
  readonly instance: string;
  /** Address in the design. */
  readonly designAddress: string;
  /** `127.0.0.1:<port>` in the private copy. */
  readonly address: string;
  readonly external: boolean;
}

export interface LocalAlertmanagerInstance {
  readonly nodeId: string;
  readonly name: string;
  /** 0-based position in the node's instances (run file `run-<index+1>.sh`). */
  readonly index: number;
  readonly designAddress: string;
  readonly address: string;
  readonly clusterAddress: string;
}

export interface LocalTarget {
  readonly groupId: string;
  readonly groupName: string;
  readonly designAddress: string;
  readonly address: string;
  readonly port: number;
  readonly process: TargetProcess;
}

/** One job on one scraping server whose traffic an edge stands for. */
export interface LocalEdgeJob {
  readonly edgeId: string;
  readonly kind: 'scrape' | 'federation';
  /** Server node that scrapes. */
  readonly serverId: string;
  readonly job: string;
  /** Target addresses of the job in the private copy (the `instance` label values). */
  readonly instances: readonly string[];
}

export interface LocalPlan {
  /** The private copy to generate the bundle from and to predict with. */
  readonly topology: Topology;
  readonly servers: readonly LocalServerInstance[];
  readonly alertmanagers: readonly LocalAlertmanagerInstance[];
  readonly targets: readonly LocalTarget[];
  readonly edges: readonly LocalEdgeJob[];
}

export interface LocalTopologyOptions {
  /**
   * One scrape and evaluation interval for every server, target group, federation edge and rule
   * group of the private copy (timeouts become the same); absent: the design's own intervals.
   */
  readonly interval?: string;
}

/** What a design cannot run locally: one sentence naming the node and field. */
export class NotRunnable extends Error {}

function isServer(n: TopologyNode): n is PrometheusNode {
  return n.kind === 'prometheus';
}

function instanceLabel(name: string, key: string): string {
  return key === '' ? name : `${name}-${key}`;
}

/** Ports a local run of `topology` needs (servers, Alertmanager web + gossip, targets). */
export function portsNeeded(topology: Topology): number {
  const serverAddresses = new Set<string>();
  let n = 0;
  for (const node of topology.nodes) {
    if (isServer(node)) {
      const instances = serverInstances(node);
      n += instances.length;
      for (const i of instances) serverAddresses.add(i.address);
    } else if (node.kind === 'alertmanager') {
      n += node.instances.length * 2;
      for (const i of node.instances) serverAddresses.add(i.address);
    }
  }
  for (const node of topology.nodes) {
    if (node.kind !== 'targets') continue;
    for (const t of groupTargets(node).targets) if (!serverAddresses.has(t)) n++;
  }
  return n;
}

/**
 * The private copy of `topology` with the given free ports (at least `portsNeeded(topology)`, used in
 * order). Throws NotRunnable for what a local run cannot reproduce (service discovery).
 */
export function localTopology(topology: Topology, ports: readonly number[], options: LocalTopologyOptions = {}): LocalPlan {
  let next = 0;
  const take = (): number => {
    const port = ports[next++];
    if (port === undefined) throw new NotRunnable(`a local run of "${topology.name}" needs ${portsNeeded(topology)} free ports, got ${ports.length}`);
    return port;
  };
  const local = (port: number) => `${LOCAL_HOST}:${port}`;
  const addressMap = new Map<string, string>();
  const servers: LocalServerInstance[] = [];
  const alertmanagers: LocalAlertmanagerInstance[] = [];
  const targets: LocalTarget[] = [];
  const interval = options.interval;
  const alerting = new Set(topology.edges.filter((e) => e.kind === 'alert').map((e) => (e.kind === 'alert' ? e.server : '')));

  const nodes = topology.nodes.map((node): TopologyNode => {
    if (isServer(node)) {
      const instances = serverInstances(node);
      const addresses = instances.map((i) => {
        const address = local(take());
        addressMap.set(i.address, address);
        servers.push({ nodeId: node.id, name: node.name, key: i.key, instance: instanceLabel(node.name, i.key), designAddress: i.address, address, external: node.external === true });
        return address;
      });
      const ruleGroups = interval ? node.ruleGroups.map((g) => ({ ...g, ...(g.interval ? { interval } : {}) })) : node.ruleGroups;
      const check = alerting.has(node.id) && !node.external
        ? [{ name: CHECK_RULE_GROUP, rules: [{ alert: CHECK_ALERT, expr: 'vector(1)', labels: { [CHECK_ALERT_SERVER_LABEL]: node.name } }] }]
        : [];
      return {
        ...node,
        address: addresses[0] ?? node.address,
        addressFromName: false,
        instanceAddresses: addresses,
        ruleGroups: [...ruleGroups, ...check],
        ...(interval ? { scrapeInterval: interval, scrapeTimeout: interval, evaluationInterval: interval } : {}),
      };
    }
    return node;
  });

  const mappedNodes = nodes.map((node): TopologyNode => {
    if (node.kind !== 'alertmanager') return node;
    const am: AlertmanagerNode = node;
    return {
      ...am,
      instances: am.instances.map((inst, index) => {
        const address = local(take());
        const clusterAddress = local(take());
        addressMap.set(inst.address, address);
        alertmanagers.push({ nodeId: am.id, name: am.name, index, designAddress: inst.address, address, clusterAddress });
        return { address, clusterAddress };
      }),
    };
  });

  const finalNodes = mappedNodes.map((node): TopologyNode => {
    if (node.kind !== 'targets') return node;
    const group: TargetGroupNode = node;
    if (hasDiscovery(group)) {
      throw new NotRunnable(`target group "${group.name}" (field extraConfig): its targets come from service discovery, which a local run cannot reproduce; list static targets or a count instead`);
    }
    const mapped = groupTargets(group).targets.map((designAddress) => {
      const known = addressMap.get(designAddress);
      if (known !== undefined) {
        targets.push({ groupId: group.id, groupName: group.name, designAddress, address: known, port: Number(known.split(':')[1]), process: { kind: 'run-instance' } });
        return known;
      }
      const port = take();
      const process: TargetProcess = group.exporter === 'node_exporter' && group.seriesPerTarget === undefined
        ? { kind: 'node_exporter' }
        : { kind: 'stand-in', ...(group.exporter ? { exporter: group.exporter } : {}), ...(group.seriesPerTarget !== undefined ? { seriesPerTarget: group.seriesPerTarget } : {}) };
      targets.push({ groupId: group.id, groupName: group.name, designAddress, address: local(port), port, process });
      return local(port);
    });
    const { count: _count, scheme: _scheme, ...rest } = group;
    return {
      ...rest,
      targets: mapped,
      ...(interval && group.scrapeInterval ? { scrapeInterval: interval } : {}),
      ...(interval && group.scrapeTimeout ? { scrapeTimeout: interval } : {}),
    };
  });

  const edges = topology.edges.map((edge): TopologyEdge => {
    if (edge.kind !== 'federation') return edge;
    // The default targets are the source's instances, which are mapped; hand-written ones are not.
    const { targets: _targets, ...rest } = edge;
    return { ...rest, ...(interval ? { scrapeInterval: interval, scrapeTimeout: interval } : {}) };
  });

  const copy: Topology = { ...topology, nodes: finalNodes, edges };
  return { topology: copy, servers, alertmanagers, targets, edges: edgeJobs(copy) };
}

/** The job (and its targets) behind every scrape and federation edge of the private copy. */
function edgeJobs(topology: Topology): LocalEdgeJob[] {
  const byId = new Map(topology.nodes.map((n) => [n.id, n]));
  const out: LocalEdgeJob[] = [];
  for (const edge of topology.edges) {
    if (edge.kind === 'scrape') {
      const group = byId.get(edge.targets);
      if (group?.kind !== 'targets') continue;
      out.push({ edgeId: edge.id, kind: 'scrape', serverId: edge.server, job: scrapeJobName(group), instances: groupTargets(group).targets });
    } else if (edge.kind === 'federation') {
      const source = byId.get(edge.source);
      if (source?.kind !== 'prometheus') continue;
      const all = serverInstances(source);
      const replica = edge.sourceReplica;
      const picked = replica === 'all' ? all : all.filter((i) => (i.replica ?? 0) === (source.ha ? Math.min(replica ?? 0, replicaCount(source) - 1) : 0));
      out.push({ edgeId: edge.id, kind: 'federation', serverId: edge.server, job: federationJobName(source, edge), instances: picked.map((i) => i.address) });
    }
  }
  return out;
}
