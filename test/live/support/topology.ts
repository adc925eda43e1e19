/**
 * Builders for the small topologies of the live tests, with every address on 127.0.0.1. The input is
 * parsed with the real schema, so defaults apply exactly as for a document opened from disk.
 */
import { TopologySchema } from '../../../src/model/schema.ts';
import type { Topology } from '../../../src/model/types.ts';

type Json = Record<string, unknown>;
let position = 0;
const at = (): { x: number; y: number } => ({ x: (position++ % 5) * 200, y: Math.floor(position / 5) * 150 });

/** A Prometheus server node; `extra` overrides any field (ha, hashmod, instanceAddresses, ruleGroups, ...). */
export function server(id: string, role: 'leaf' | 'global' | 'shard', address: string, extra: Json = {}): Json {
  return { id, kind: 'prometheus', role, name: id, address, scrapeInterval: '1s', scrapeTimeout: '1s', evaluationInterval: '1s', retention: '1h', position: at(), ...extra };
}

/** A target group (scrape job) with static targets. */
export function targets(id: string, addresses: readonly string[], extra: Json = {}): Json {
  return { id, kind: 'targets', name: id, targets: [...addresses], position: at(), ...extra };
}

/** An Alertmanager cluster. */
export function alertmanager(id: string, instances: readonly { address: string; clusterAddress: string }[]): Json {
  return { id, kind: 'alertmanager', name: id, instances: instances.map((i) => ({ ...i })), position: at() };
}

export const scrape = (serverId: string, targetsId: string): Json => ({ id: `s-${serverId}-${targetsId}`, kind: 'scrape', server: serverId, targets: targetsId });
export const federation = (serverId: string, sourceId: string, match: readonly string[], extra: Json = {}): Json =>
  ({ id: `f-${serverId}-${sourceId}`, kind: 'federation', server: serverId, source: sourceId, match: [...match], scrapeInterval: '1s', scrapeTimeout: '1s', ...extra });
export const alert = (serverId: string, amId: string): Json => ({ id: `a-${serverId}-${amId}`, kind: 'alert', server: serverId, alertmanager: amId });

/** A whole document from nodes and edges (parsed with the schema; throws on a builder mistake). */
export function topology(name: string, nodes: Json[], edges: Json[]): Topology {
  return TopologySchema.parse({ format: 'promtopo', version: 1, name, nodes, edges });
}
