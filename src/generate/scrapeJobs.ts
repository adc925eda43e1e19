/**
 * The scrape_configs entries of one Prometheus instance: a job per scrape edge (with the hashmod pair
 * of its shard) and a `/federate` job per federation edge.
 */
import type { YMap } from './yamlText.ts';
import type { ServerInstance } from '../model/instances.ts';
import { federationJobName, scrapeJobName } from '../model/jobs.ts';
import { hasOwnShardSelection, SHARD_PLACEHOLDER } from '../model/hashmod.ts';
import type { PrometheusNode, TargetGroupNode } from '../model/types.ts';
import type { FederationLink } from './links.ts';
import { federationSourceInstances, oneLine } from './links.ts';
import { groupTargets } from '../model/targets.ts';
import { mergeMaps, parseRawMap } from './rawYaml.ts';
import { addressList, blockSeq, flowSeq, orderedMap, singleQuoted, withComment } from './yamlText.ts';

/** Label the hashmod action writes; `__tmp_` labels are dropped after relabelling. */
export const HASHMOD_TARGET_LABEL = '__tmp_hash';

/** The canonical hashmod + keep pair for `shard` of `server` (domain.md, Prometheus conf.good.yml). */
export function hashmodRelabelConfigs(server: PrometheusNode, shard: number): YMap[] {
  const hashmod = server.hashmod;
  if (!hashmod) return [];
  return [
    orderedMap([
      ['source_labels', flowSeq(hashmod.sourceLabels)],
      ['modulus', Math.max(1, hashmod.shards)],
      ['target_label', HASHMOD_TARGET_LABEL],
      ['action', 'hashmod'],
    ]),
    orderedMap([
      ['source_labels', flowSeq([HASHMOD_TARGET_LABEL])],
      ['regex', String(shard)],
      ['action', 'keep'],
    ]),
  ];
}

function sortedLabels(labels: Readonly<Record<string, string>>): YMap | undefined {
  const keys = Object.keys(labels).sort();
  return keys.length ? orderedMap(keys.map((k) => [k, labels[k]] as const)) : undefined;
}

/** The scrape job of a target group on one instance of `server`. */
export function scrapeJob(server: PrometheusNode, instance: ServerInstance, group: TargetGroupNode): YMap {
  const { targets, placeholder } = groupTargets(group);
  let staticConfigs;
  if (targets.length > 0) {
    const entry = orderedMap([['targets', addressList(targets)], ['labels', sortedLabels(group.labels)]]);
    if (placeholder) withComment(entry, ` ${targets.length} placeholder targets (count): replace them with the real addresses`);
    staticConfigs = blockSeq([entry]);
  }
  const ownShard = instance.shard !== undefined && hasOwnShardSelection(group);
  const relabel = instance.shard !== undefined && !ownShard ? hashmodRelabelConfigs(server, instance.shard) : [];
  const job = orderedMap([
    ['job_name', scrapeJobName(group)],
    ['scrape_interval', group.scrapeInterval],
    ['scrape_timeout', group.scrapeTimeout],
    ['metrics_path', group.metricsPath],
    ['scheme', group.scheme],
    ['static_configs', staticConfigs],
    ['relabel_configs', relabel.length ? blockSeq(relabel) : undefined],
  ]);
  if (group.extraConfig !== undefined) {
    const text = ownShard ? group.extraConfig.split(SHARD_PLACEHOLDER).join(String(instance.shard ?? 0)) : group.extraConfig;
    const extra = parseRawMap(text);
    if (extra.ok) {
      // The group's own relabel_configs run first; the shard's hashmod pair decides last (as prometheus-operator).
      mergeMaps(job, extra.node, { locked: ['job_name'], extraFirst: ['relabel_configs'] });
    } else {
      withComment(job, ` extraConfig of target group "${oneLine(group.name)}" left out: ${oneLine(extra.error)}`);
    }
  }
  if (instance.shard !== undefined && server.hashmod) {
    withComment(job, ` hashmod shard ${instance.shard} of ${Math.max(1, server.hashmod.shards)}: keeps only its share of the targets`);
  }
  return job;
}

/** Targets of one federation edge: as written on the edge, else the source instances it scrapes. */
export function federationTargets(link: FederationLink): string[] {
  return link.edge.targets ?? federationSourceInstances(link.source, link.edge).map((i) => i.address);
}

/**
 * The `/federate` job of federation edges that share a job name (usually one edge): settings of the
 * first edge, one `static_configs` entry per edge, the first edge's extraConfig merged in.
 */
export function federationJob(links: FederationLink | readonly FederationLink[]): YMap {
  const all = Array.isArray(links) ? (links as readonly FederationLink[]) : [links as FederationLink];
  const { edge, source } = all[0] as FederationLink;
  const job = orderedMap([
    ['job_name', federationJobName(source, edge)],
    ['honor_labels', edge.honorLabels],
    ['scrape_interval', edge.scrapeInterval],
    ['scrape_timeout', edge.scrapeTimeout],
    ['metrics_path', '/federate'],
    ['params', orderedMap([[singleQuoted('match[]'), blockSeq(edge.match.map(singleQuoted))]])],
    ['static_configs', blockSeq(all.map((link) => orderedMap([
      ['targets', addressList(federationTargets(link))],
      ['labels', link.edge.labels ? sortedLabels(link.edge.labels) : undefined],
    ])))],
  ]);
  if (edge.extraConfig !== undefined) {
    const extra = parseRawMap(edge.extraConfig);
    if (extra.ok) mergeMaps(job, extra.node, { locked: ['job_name', 'metrics_path'] });
    else withComment(job, ` extraConfig of the federation from "${oneLine(source.name)}" left out: ${oneLine(extra.error)}`);
  }
  const haSources = all.filter((l) => l.source.ha && l.edge.targets === undefined);
  for (const { source: s, edge: e } of haSources) {
    const instances = federationSourceInstances(s, e);
    const which = e.sourceReplica === 'all'
      ? `every replica of HA group "${s.name}" (series arrive once per replica)`
      : `replica ${instances.map((i) => i.replicaValue).filter((v, i, a) => a.indexOf(v) === i).join(', ')} of HA group "${s.name}" only (federating both doubles the series)`;
    withComment(job, ` federates ${which}`);
  }
  return job;
}

/** Federation links grouped into jobs by job name, in order of first appearance. */
export function federationJobGroups(links: readonly FederationLink[]): FederationLink[][] {
  const byName = new Map<string, FederationLink[]>();
  for (const link of links) {
    const name = federationJobName(link.source, link.edge);
    const list = byName.get(name);
    if (list) list.push(link);
    else byName.set(name, [link]);
  }
  return [...byName.values()];
}
