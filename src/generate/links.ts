/**
 * What a server is connected to, resolved from the edges and sorted where order has no meaning, so
 * every generator sees the same, deterministic picture. Dangling edges are skipped (validate/ reports them).
 */
import { serverInstances } from '../model/instances.ts';
import type { ServerInstance } from '../model/instances.ts';
import { federationJobName, scrapeJobName } from '../model/jobs.ts';
import { isDnsSafeName, toDnsSafeName } from '../model/names.ts';
import type {
  AlertmanagerNode, FederationEdge, GrafanaNode, PrometheusNode, TargetGroupNode, Topology, TopologyNode,
} from '../model/types.ts';

/** A federation edge with its source server. */
export interface FederationLink {
  readonly edge: FederationEdge;
  readonly source: PrometheusNode;
}

/** Everything one server's configuration is made of. */
export interface ServerLinks {
  /** Scraped target groups, sorted by job name. */
  readonly groups: readonly TargetGroupNode[];
  /** Federation sources, sorted by job name. */
  readonly federations: readonly FederationLink[];
  /** Alertmanager clusters the server sends alerts to, sorted by name. */
  readonly alertmanagers: readonly AlertmanagerNode[];
}

const byString = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** Sorts by a string key, deterministically (code-unit order, not locale). */
export function sortBy<T>(items: readonly T[], key: (x: T) => string): T[] {
  return [...items].sort(byString(key));
}

interface LinkIndex {
  readonly nodes: ReadonlyMap<string, TopologyNode>;
  /** Edges whose `server` end is the key (scrape, federation, alert), in document order. */
  readonly byServer: ReadonlyMap<string, readonly Topology['edges'][number][]>;
}

/** Built once per document object (documents are immutable), so a bundle costs O(nodes + edges). */
const indexCache = new WeakMap<Topology, LinkIndex>();

function linkIndex(t: Topology): LinkIndex {
  const cached = indexCache.get(t);
  if (cached) return cached;
  const nodes = new Map(t.nodes.map((n) => [n.id, n] as const));
  const byServer = new Map<string, Topology['edges'][number][]>();
  for (const edge of t.edges) {
    if (edge.kind === 'datasource' || edge.kind === 'store') continue;
    const list = byServer.get(edge.server);
    if (list) list.push(edge);
    else byServer.set(edge.server, [edge]);
  }
  const index = { nodes, byServer };
  indexCache.set(t, index);
  return index;
}

function nodeOfKind<K extends TopologyNode['kind']>(index: LinkIndex, id: string, kind: K): Extract<TopologyNode, { kind: K }> | undefined {
  const node = index.nodes.get(id);
  return node && node.kind === kind ? (node as Extract<TopologyNode, { kind: K }>) : undefined;
}

/** The resolved links of one server. */
export function serverLinks(t: Topology, server: PrometheusNode): ServerLinks {
  const index = linkIndex(t);
  const groups = new Set<TargetGroupNode>();
  const federations: FederationLink[] = [];
  const alertmanagers = new Set<AlertmanagerNode>();
  for (const edge of index.byServer.get(server.id) ?? []) {
    if (edge.kind === 'scrape') {
      const group = nodeOfKind(index, edge.targets, 'targets');
      if (group) groups.add(group);
    } else if (edge.kind === 'federation') {
      const source = nodeOfKind(index, edge.source, 'prometheus');
      if (source) federations.push({ edge, source });
    } else if (edge.kind === 'alert') {
      const am = nodeOfKind(index, edge.alertmanager, 'alertmanager');
      if (am) alertmanagers.add(am);
    }
  }
  return {
    groups: sortBy([...groups], scrapeJobName),
    federations: sortBy(federations, (f) => `${federationJobName(f.source, f.edge)}\u0000${f.edge.id}`),
    alertmanagers: sortBy([...alertmanagers], (a) => a.name),
  };
}

/** Prometheus servers of the document, sorted by name. */
export function sortedServers(t: Topology): PrometheusNode[] {
  return sortBy(t.nodes.filter((n): n is PrometheusNode => n.kind === 'prometheus'), (s) => `${s.name}\u0000${s.id}`);
}

/** Alertmanager nodes sorted by name. */
export function sortedAlertmanagers(t: Topology): AlertmanagerNode[] {
  return sortBy(t.nodes.filter((n): n is AlertmanagerNode => n.kind === 'alertmanager'), (a) => `${a.name}\u0000${a.id}`);
}

/** Grafana nodes sorted by name. */
export function sortedGrafanas(t: Topology): GrafanaNode[] {
  return sortBy(t.nodes.filter((n): n is GrafanaNode => n.kind === 'grafana'), (g) => `${g.name}\u0000${g.id}`);
}

/**
 * The name used in bundle paths. Validation requires DNS-safe names before export; a preview of an
 * unvalidated document still gets a safe path segment.
 */
export function pathName(name: string): string {
  return isDnsSafeName(name) ? name : toDnsSafeName(name);
}

/** Folder of one Prometheus instance: `prometheus/<server>[-<instance key>]`. */
export function instanceDir(server: PrometheusNode, instance: ServerInstance): string {
  return `prometheus/${pathName(server.name)}${instance.key ? `-${instance.key}` : ''}`;
}

/**
 * The instances of `source` a federation edge scrapes: one replica of an HA source (`sourceReplica`,
 * default 0 = `a`) or all of them (`'all'`), and every hashmod shard.
 */
export function federationSourceInstances(source: PrometheusNode, edge: Pick<FederationEdge, 'sourceReplica'>): ServerInstance[] {
  const all = serverInstances(source);
  if (!source.ha || edge.sourceReplica === 'all') return all;
  const wanted = edge.sourceReplica ?? 0;
  const picked = all.filter((i) => i.replica === wanted);
  return picked.length > 0 ? picked : all.filter((i) => i.replica === 0);
}

/** One-line text safe inside a YAML or shell comment. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
}
