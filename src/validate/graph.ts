/**
 * The shape of the graph: edges whose ends exist and have the right kinds, no duplicate edges,
 * nothing left dangling (a target group nobody scrapes, a server that scrapes and federates nothing,
 * an Alertmanager nobody sends to, a Grafana without data sources), no placeholder targets exported
 * as if they were real.
 */
import { MAX_PLACEHOLDER_TARGETS } from '../estimate/sizeGuard.ts';
import { discoveryMechanisms, groupTargets, hasDiscovery } from '../model/targets.ts';
import { edgeEnds, edgeKindLabel } from '../model/lookup.ts';
import type { NodeKind, TopologyEdge } from '../model/types.ts';
import { edgesOf, reportEdge, reportNode, q, type ValidationContext } from './context.ts';

/** The kind each end of each edge kind must have, with the field names of the ends. */
const RECEIVER_END: readonly NodeKind[] = ['prometheus', 'mimir', 'thanos-receive', 'victoriametrics'];
const endKinds: Record<TopologyEdge['kind'], readonly [string, readonly NodeKind[], string, readonly NodeKind[]]> = {
  scrape: ['server', ['prometheus'], 'targets', ['targets']],
  federation: ['server', ['prometheus'], 'source', ['prometheus']],
  alert: ['server', ['prometheus'], 'alertmanager', ['alertmanager']],
  datasource: ['grafana', ['grafana'], 'server', ['prometheus', 'thanos-querier', 'mimir', 'thanos-receive', 'victoriametrics']],
  remote_write: ['server', ['prometheus'], 'receiver', RECEIVER_END],
  store: ['querier', ['thanos-querier'], 'store', ['prometheus', 'thanos-receive']],
};

const kindWords: Record<NodeKind, string> = {
  prometheus: 'a Prometheus server',
  targets: 'a target group',
  alertmanager: 'an Alertmanager',
  grafana: 'a Grafana',
  mimir: 'a Grafana Mimir',
  'thanos-receive': 'a Thanos Receive',
  victoriametrics: 'a VictoriaMetrics',
  'thanos-querier': 'a Thanos querier',
};

const anyOf = (kinds: readonly NodeKind[]): string => kinds.map((k) => kindWords[k]).join(' or ');

function wrongKindHint(edge: TopologyEdge, field: string, found: NodeKind): string {
  if (edge.kind === 'federation' && field === 'source' && found === 'targets') {
    return 'A target group is scraped, not federated: use a scrape edge from the server to the group.';
  }
  return `A ${edgeKindLabel(edge.kind)} edge connects ${anyOf(endKinds[edge.kind][1])} (${endKinds[edge.kind][0]}) to ${anyOf(endKinds[edge.kind][3])} (${endKinds[edge.kind][2]}).`;
}

export function checkEdges(ctx: ValidationContext): void {
  const seen = new Set<string>();
  for (const edge of ctx.t.edges) {
    const [a, b] = edgeEnds(edge);
    const [fieldA, kindA, fieldB, kindB] = endKinds[edge.kind];
    for (const [field, id, kind] of [[fieldA, a, kindA], [fieldB, b, kindB]] as const) {
      const node = ctx.index.nodes.get(id);
      if (!node) {
        reportEdge(ctx, 'edge/missing-end', 'error', edge, field, `no node with id ${q(id)}`, { hint: 'Delete the edge or reconnect it.' });
      } else if (!kind.includes(node.kind)) {
        reportEdge(ctx, 'edge/wrong-kind', 'error', edge, field, `${node.kind === 'targets' ? 'target group' : node.kind} ${q(node.name)} is ${kindWords[node.kind]}, expected ${anyOf(kind)}`, {
          hint: wrongKindHint(edge, field, node.kind),
        });
      }
    }
    const key = `${edge.kind}\u0000${a}\u0000${b}`;
    if (seen.has(key) && edge.kind !== 'scrape' && edge.kind !== 'federation') {
      // Duplicate scrape/federation edges are reported as duplicate job names (scrape/duplicate-job).
      reportEdge(ctx, 'edge/duplicate', 'warning', edge, undefined, 'the same two nodes are already connected by this kind of edge', {
        hint: 'Delete one of the two edges.',
      });
    }
    seen.add(key);
  }
}

export function checkDangling(ctx: ValidationContext): void {
  for (const group of ctx.targetGroups) {
    const scrapers = new Set(edgesOf(ctx, group.id, 'scrape').filter((e) => e.targets === group.id).map((e) => e.server));
    if (scrapers.size === 0) {
      reportNode(ctx, 'targets/unscraped', 'warning', group, undefined, 'no server scrapes this target group', {
        hint: 'Connect a Prometheus server to it (scrape edge), or delete it.',
      });
    } else if (scrapers.size > 1) {
      const names = [...scrapers].map((id) => ctx.index.nodes.get(id)?.name ?? id).sort();
      reportNode(ctx, 'targets/scraped-twice', 'info', group, undefined,
        `scraped by ${scrapers.size} servers (${names.map(q).join(', ')}): every target carries that many times the scrape load, and the series are stored ${scrapers.size} times`,
        { hint: 'For redundancy make one server an HA group instead (replicas scrape the same targets, alerts are deduplicated); otherwise keep one scrape edge.' });
    }
    if (group.targets.length === 0 && (group.count ?? 0) > MAX_PLACEHOLDER_TARGETS) {
      reportNode(ctx, 'targets/count', 'error', group, 'count', `${group.count} placeholder targets is more than PromTopo generates (at most ${MAX_PLACEHOLDER_TARGETS})`, {
        hint: 'Split the group, or list the real targets.',
      });
    }
    const discovered = hasDiscovery(group);
    if (group.targets.length === 0 && (group.count ?? 0) === 0 && !discovered) {
      reportNode(ctx, 'targets/empty', 'warning', group, 'targets', 'the group has no targets and no count: its job scrapes nothing', {
        hint: 'List the targets (host:port), or set count for placeholders.',
      });
    }
    if (discovered && group.discovery?.targets === undefined) {
      const how = discoveryMechanisms(group).map((m) => `${m}_sd_configs`).join(', ') || 'service discovery';
      reportNode(ctx, 'targets/discovery-count', 'info', group, 'discovery.targets',
        `targets come from ${how}; how many is not known, so the load model leaves them out`,
        { hint: 'Set the expected number of discovered targets (discovery.targets) for a load estimate.' });
    }
    const { targets: generated, placeholder } = groupTargets(group);
    if (placeholder) {
      const shown = generated.slice(0, 2).join(', ') + (generated.length > 2 ? ', ...' : '');
      reportNode(ctx, 'targets/placeholders', 'warning', group, 'count',
        `its ${generated.length} target${generated.length === 1 ? ' is a placeholder' : 's are placeholders'} (${shown}), generated from count, not real addresses: the exported job scrapes hosts that do not exist`,
        { hint: 'List the real targets (host:port) before exporting for production; placeholders are fine for sizing.' });
    }
    const addresses = new Set<string>();
    group.targets.forEach((target, i) => {
      if (addresses.has(target)) {
        reportNode(ctx, 'targets/duplicate', 'warning', group, `targets[${i}]`, `${q(target)} is listed twice; Prometheus scrapes it once`, {
          hint: 'Remove the repeated target.',
        });
      }
      addresses.add(target);
    });
  }
  for (const server of ctx.servers) {
    const edges = ctx.index.edgesOf.get(server.id) ?? [];
    // A remote-write receiver collects what its writers send.
    const collects = edges.some((e) => ((e.kind === 'scrape' || e.kind === 'federation') && e.server === server.id) || (e.kind === 'remote_write' && e.receiver === server.id));
    if (!collects && !(server.extraScrapeConfigs ?? '').trim()) {
      reportNode(ctx, 'server/idle', 'warning', server, undefined, server.scrapeSelf ? 'scrapes only itself and federates nothing' : 'scrapes nothing and federates nothing', {
        hint: 'Connect target groups (scrape edges) or source servers (federation edges) to it.',
      });
    }
  }
  for (const node of ctx.t.nodes) {
    if (node.kind === 'alertmanager' && edgesOf(ctx, node.id, 'alert').length === 0) {
      reportNode(ctx, 'alertmanager/unused', 'info', node, undefined, 'no server sends alerts to it', {
        hint: 'Connect servers with alerting rules to it (alert edges).',
      });
    }
    if (node.kind === 'grafana' && edgesOf(ctx, node.id, 'datasource').length === 0) {
      reportNode(ctx, 'grafana/no-datasource', 'info', node, undefined, 'has no data sources', {
        hint: 'Connect it to the servers it should query (data source edges).',
      });
    }
  }
}
