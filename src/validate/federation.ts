/**
 * The federation tree: no self-federation, no cycles, sources told apart by their external labels,
 * labels honoured, HA sources federated through one replica, no federation into hashmod shards.
 */
import { instanceExternalLabels } from '../generate/prometheusConfig.ts';
import { federationSourceInstances } from '../generate/links.ts';
import { replicaValueOf } from '../model/instances.ts';
import type { FederationEdge, PrometheusNode } from '../model/types.ts';
import { MAX_REPLICAS } from './ha.ts';
import { MAX_SHARDS } from './hashmod.ts';
import { nodeOfKind, reportEdge, reportNode, q, type ValidationContext } from './context.ts';

function labelKey(labels: Readonly<Record<string, string>>): string {
  return Object.keys(labels).sort().map((k) => `${k}=${q(labels[k] ?? '')}`).join(',');
}

function federationLinks(ctx: ValidationContext): { edge: FederationEdge; server: PrometheusNode; source: PrometheusNode }[] {
  const out = [];
  for (const edge of ctx.t.edges) {
    if (edge.kind !== 'federation') continue;
    const server = nodeOfKind(ctx, edge.server, 'prometheus');
    const source = nodeOfKind(ctx, edge.source, 'prometheus');
    if (server && source) out.push({ edge, server, source });
  }
  return out;
}

export function checkFederation(ctx: ValidationContext): void {
  const links = federationLinks(ctx);
  const sourcesWithoutLabels = new Set<PrometheusNode>();
  /** per scraping server: external-label set -> source name */
  const labelSets = new Map<string, Map<string, string>>();
  for (const { edge, server, source } of links) {
    if (edge.server === edge.source) {
      reportEdge(ctx, 'federation/self', 'error', edge, undefined, `${q(server.name)} federates itself`, {
        hint: 'Delete the edge: a server already has its own series.',
      });
      continue;
    }
    if (!edge.honorLabels) {
      reportEdge(ctx, 'federation/honor-labels-off', 'warning', edge, 'honorLabels',
        'honor_labels is off: the source\'s job and instance labels are renamed exported_job and exported_instance',
        { hint: 'Federation jobs should honour the source\'s labels (honorLabels: true).' });
    }
    // An external source's labels are not known here; labels on the federation targets tell sources apart too.
    const toldApart = source.external === true || Object.keys(edge.labels ?? {}).length > 0;
    if (Object.keys(source.externalLabels).length === 0 && !toldApart) sourcesWithoutLabels.add(source);
    checkHaSource(ctx, edge, source);
    if (server.hashmod && server.hashmod.shards > 1) {
      reportEdge(ctx, 'hashmod/federation', 'warning', edge, undefined,
        `each of the ${server.hashmod.shards} hashmod shards of ${q(server.name)} federates ${q(source.name)} in full (federation jobs are not sharded)`,
        { hint: 'Federate into a server that is not hashmod-sharded (e.g. a global above the shards).' });
    }
    if ((source.ha?.replicas ?? 1) > MAX_REPLICAS || (source.hashmod?.shards ?? 1) > MAX_SHARDS || toldApart) continue;
    let seen = labelSets.get(server.id);
    if (!seen) labelSets.set(server.id, (seen = new Map()));
    for (const instance of federationSourceInstances(source, edge)) {
      const key = labelKey(instanceExternalLabels(source, instance));
      const other = seen.get(key);
      if (other !== undefined && other !== source.name) {
        reportEdge(ctx, 'federation/external-labels-collide', 'warning', edge, undefined,
          `${q(source.name)} and ${q(other)} have the same external labels {${key}}: where they export the same series (same name, job and labels), those collide on ${q(server.name)}`,
          { hint: 'Give every federated source a distinguishing external label, e.g. dc or shard.' });
        break;
      }
      seen.set(key, source.name);
    }
  }
  for (const source of sourcesWithoutLabels) {
    reportNode(ctx, 'federation/no-external-labels', 'warning', source, 'externalLabels',
      'is federated but has no external labels: at the global level its series cannot be told apart from other sources\'',
      { hint: 'Add an external label that names it, e.g. dc: eu-west.' });
  }
  checkCycles(ctx, links);
}

function checkHaSource(ctx: ValidationContext, edge: FederationEdge, source: PrometheusNode): void {
  if (!source.ha) return;
  const replicas = Math.max(1, source.ha.replicas);
  if (edge.sourceReplica === 'all') {
    reportEdge(ctx, 'ha/federate-all', 'warning', edge, 'sourceReplica',
      `federates every replica of HA group ${q(source.name)}: each series arrives ${replicas} times, once per ${q(source.ha.replicaLabel)} value`,
      { hint: 'Federate one replica (sourceReplica 0). Dropping the replica label to merge them instead causes out-of-order and duplicate-sample errors.' });
    return;
  }
  if (edge.sourceReplica === undefined) {
    reportEdge(ctx, 'ha/federate-one', 'info', edge, 'sourceReplica',
      `federates replica ${replicaValueOf(source, 0)} of HA group ${q(source.name)} only (${source.ha.replicaLabel}=${q(replicaValueOf(source, 0))}); when it is down, the global misses that data`,
      { hint: 'Choose another replica with sourceReplica, or "all" to federate every replica (doubles the series).' });
    return;
  }
  if (edge.sourceReplica >= replicas) {
    reportEdge(ctx, 'ha/source-replica', 'error', edge, 'sourceReplica',
      `replica ${edge.sourceReplica} does not exist: ${q(source.name)} has ${replicas} replica(s) (0 to ${replicas - 1})`,
      { hint: 'Pick an existing replica (0 = a).' });
  }
}

/** Strongly connected components of the federation graph (iterative Tarjan), reported per edge inside a cycle. */
function checkCycles(ctx: ValidationContext, links: readonly { edge: FederationEdge; server: PrometheusNode; source: PrometheusNode }[]): void {
  const next = new Map<string, string[]>();
  for (const { edge } of links) {
    if (edge.server === edge.source) continue;
    const list = next.get(edge.server);
    if (list) list.push(edge.source);
    else next.set(edge.server, [edge.source]);
  }
  const component = stronglyConnected([...next.keys()], (id) => next.get(id) ?? []);
  const members = new Map<number, string[]>();
  for (const [id, c] of component) {
    const list = members.get(c);
    if (list) list.push(id);
    else members.set(c, [id]);
  }
  for (const { edge, server } of links) {
    const c = component.get(edge.server);
    if (edge.server === edge.source || c === undefined || c !== component.get(edge.source)) continue;
    const names = (members.get(c) ?? []).map((id) => ctx.index.nodes.get(id)?.name ?? id).sort();
    if (names.length < 2) continue;
    reportEdge(ctx, 'federation/cycle', 'error', edge, undefined,
      `is part of a federation cycle between ${names.map(q).join(', ')}: ${q(server.name)} would federate its own series back`,
      { hint: 'Federation is a tree: remove one edge of the cycle.' });
  }
}

function stronglyConnected(nodes: readonly string[], successors: (id: string) => readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const component = new Map<string, number>();
  let counter = 0;
  let components = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { id: string; i: number }[] = [{ id: root, i: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { id: string; i: number };
      const succ = successors(frame.id);
      if (frame.i < succ.length) {
        const w = succ[frame.i++] as string;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ id: w, i: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.id, Math.min(low.get(frame.id) ?? 0, index.get(w) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) ?? 0, low.get(frame.id) ?? 0));
      if (low.get(frame.id) === index.get(frame.id)) {
        let w: string | undefined;
        do {
          w = stack.pop();
          if (w === undefined) break;
          onStack.delete(w);
          component.set(w, components);
        } while (w !== frame.id);
        components++;
      }
    }
  }
  return component;
}
