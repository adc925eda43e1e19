/**
 * What a failure what-if marks down: a node by name, one instance of a server (`<server>/<key>`), or a
 * data centre (`dc=<value>`, the instances whose external label `dc` has that value). Resolved to the
 * concrete Prometheus instances and Alertmanager nodes that are down.
 */
import { serverInstances, type ServerInstance } from '../model/instances.ts';
import type { PrometheusNode, Topology } from '../model/types.ts';

/** The external label that names an instance's data centre. */
export const DC_LABEL = 'dc';

export type DownMark =
  | { readonly kind: 'node'; readonly name: string }
  | { readonly kind: 'instance'; readonly server: string; readonly key: string }
  | { readonly kind: 'dc'; readonly dc: string };

/** Parses one mark as written in `settings.whatIf.down` or `--down`. */
export function parseDownMark(text: string): DownMark {
  const trimmed = text.trim();
  if (trimmed.startsWith(`${DC_LABEL}=`)) return { kind: 'dc', dc: trimmed.slice(DC_LABEL.length + 1) };
  const slash = trimmed.indexOf('/');
  if (slash > 0) return { kind: 'instance', server: trimmed.slice(0, slash), key: trimmed.slice(slash + 1) };
  return { kind: 'node', name: trimmed };
}

/** The `dc` label of one instance: its own external labels, else the server's. */
export function instanceDc(server: PrometheusNode, instance: ServerInstance): string | undefined {
  return server.instanceExternalLabels?.[instance.index]?.[DC_LABEL] ?? server.externalLabels[DC_LABEL];
}

/** Every data centre named by an instance's `dc` label, sorted. */
export function dataCentres(topology: Topology): string[] {
  const out = new Set<string>();
  for (const n of topology.nodes) {
    if (n.kind !== 'prometheus') continue;
    for (const i of serverInstances(n)) {
      const dc = instanceDc(n, i);
      if (dc !== undefined && dc !== '') out.add(dc);
    }
  }
  return [...out].sort();
}

/** The resolved what-if: instance keys down per server id, Alertmanager and Grafana ids down, marks naming nothing. */
export interface DownSet {
  readonly instances: ReadonlyMap<string, ReadonlySet<string>>;
  readonly nodes: ReadonlySet<string>;
  readonly unmatched: readonly string[];
}

/** Resolves the marks against the document. */
export function resolveDown(topology: Topology, marks: readonly string[]): DownSet {
  const instances = new Map<string, Set<string>>();
  const nodes = new Set<string>();
  const unmatched: string[] = [];
  const add = (server: PrometheusNode, key: string) => {
    const set = instances.get(server.id) ?? new Set<string>();
    set.add(key);
    instances.set(server.id, set);
  };
  for (const text of marks) {
    const mark = parseDownMark(text);
    let matched = false;
    for (const n of topology.nodes) {
      if (mark.kind === 'node' && n.name === mark.name) {
        matched = true;
        if (n.kind === 'prometheus') for (const i of serverInstances(n)) add(n, i.key);
        else nodes.add(n.id);
      } else if (n.kind === 'prometheus' && mark.kind === 'instance' && n.name === mark.server) {
        const instance = serverInstances(n).find((i) => i.key === mark.key);
        if (instance) {
          matched = true;
          add(n, instance.key);
        }
      } else if (n.kind === 'prometheus' && mark.kind === 'dc') {
        for (const i of serverInstances(n)) {
          if (instanceDc(n, i) === mark.dc) {
            matched = true;
            add(n, i.key);
          }
        }
      }
    }
    if (!matched) unmatched.push(text);
  }
  return { instances, nodes, unmatched };
}
