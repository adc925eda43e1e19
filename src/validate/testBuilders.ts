/**
 * Test data for validation tests: schema-normalised documents from a few builder calls. The base
 * document `healthy()` (a leaf scraping node targets, federated by a global) has no diagnostics.
 */
import { TopologySchema } from '../model/schema.ts';
import type { Topology } from '../model/types.ts';

type Loose = Record<string, unknown>;

export function makeTopology(nodes: readonly Loose[], edges: readonly Loose[] = []): Topology {
  return TopologySchema.parse({
    format: 'promtopo',
    version: 1,
    name: 'validation test',
    nodes: nodes.map((n) => ({ position: { x: 0, y: 0 }, ...n })),
    edges,
  });
}

/** A Prometheus server; the id is the name. */
export function server(name: string, extra: Loose = {}): Loose {
  return { id: name, kind: 'prometheus', role: 'leaf', name, address: `${name}:9090`, externalLabels: { dc: name }, ...extra };
}

export function targets(name: string, list: readonly string[] = [`${name}-1:9100`], extra: Loose = {}): Loose {
  return { id: name, kind: 'targets', name, targets: list, ...extra };
}

export function alertmanager(name: string, addresses: readonly string[] = [`${name}-1:9093`, `${name}-2:9093`], extra: Loose = {}): Loose {
  return { id: name, kind: 'alertmanager', name, instances: addresses.map((address) => ({ address })), ...extra };
}

export function grafana(name: string, extra: Loose = {}): Loose {
  return { id: name, kind: 'grafana', name, address: `${name}:3000`, ...extra };
}

export function scrape(serverId: string, targetsId: string, extra: Loose = {}): Loose {
  return { id: `scrape:${serverId}->${targetsId}`, kind: 'scrape', server: serverId, targets: targetsId, ...extra };
}

export function federation(serverId: string, sourceId: string, match: readonly string[] = ['{__name__=~"job:.*"}'], extra: Loose = {}): Loose {
  return { id: `federation:${serverId}->${sourceId}`, kind: 'federation', server: serverId, source: sourceId, match, ...extra };
}

export function alert(serverId: string, alertmanagerId: string, extra: Loose = {}): Loose {
  return { id: `alert:${serverId}->${alertmanagerId}`, kind: 'alert', server: serverId, alertmanager: alertmanagerId, ...extra };
}

export function datasource(grafanaId: string, serverId: string, extra: Loose = {}): Loose {
  return { id: `datasource:${grafanaId}->${serverId}`, kind: 'datasource', grafana: grafanaId, server: serverId, ...extra };
}

/** The recording rule every healthy leaf has, so that `{__name__=~"job:.*"}` federates something. */
export const LEAF_RULES = [{ name: 'node', rules: [{ record: 'job:up:sum', expr: 'sum by (job) (up)' }] }];

/** leaf (dc=leaf, one job: rule) scrapes `node`; global federates job: rules from the leaf. */
export function healthy(leafExtra: Loose = {}, globalExtra: Loose = {}, federationExtra: Loose = {}, more: { nodes?: Loose[]; edges?: Loose[] } = {}): Topology {
  return makeTopology(
    [server('leaf', { ruleGroups: LEAF_RULES, ...leafExtra }), server('global', { role: 'global', ...globalExtra }), targets('node'), ...(more.nodes ?? [])],
    [scrape('leaf', 'node'), federation('global', 'leaf', ['{__name__=~"job:.*"}'], federationExtra), ...(more.edges ?? [])],
  );
}
