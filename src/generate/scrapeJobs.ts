/**
 * The scrape_configs entries of one Prometheus instance: its own /metrics (scrapeSelf), a job per
 * scrape edge (with the hashmod pair of its shard) and a `/federate` job per federation edge.
 */
import type { YMap } from './yamlText.ts';
import type { ServerInstance } from '../model/instances.ts';
import { federationJobName, scrapeJobName, SELF_SCRAPE_JOB } from '../model/jobs.ts';
import type { PrometheusNode, TargetGroupNode } from '../model/types.ts';
import type { FederationLink } from './links.ts';
import { federationSourceInstances, oneLine } from './links.ts';
import { groupTargets } from '../model/targets.ts';
import { selfScrapeTarget } from '../model/jobs.ts';
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

/**
 * The instance's own /metrics, as in Prometheus' default config: `localhost:<port>`, or the listen
 * address itself when it is an IP literal (the process listens on that address only). Written like a
 * target group's job, in job-name order with them, so a bundle imported again gives the same file.
 * Never hashmod-relabelled: every shard watches itself.
 */
export function selfScrapeJob(instance: ServerInstance): YMap {
  return orderedMap([
    ['job_name', SELF_SCRAPE_JOB],
    ['static_configs', blockSeq([orderedMap([['targets', addressList([selfScrapeTarget(instance.address)])]])])],
  ]);
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
  const relabel = instance.shard !== undefined ? hashmodRelabelConfigs(server, instance.shard) : [];
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
    const extra = parseRawMap(group.extraConfig);
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

/** The `/federate` job of a federation edge. */
export function federationJob(link: FederationLink): YMap {
  const { edge, source } = link;
  const instances = federationSourceInstances(source, edge);
  const job = orderedMap([
    ['job_name', federationJobName(source)],
    ['honor_labels', edge.honorLabels],
    ['scrape_interval', edge.scrapeInterval],
    ['scrape_timeout', edge.scrapeTimeout],
    ['metrics_path', '/federate'],
    ['params', orderedMap([[singleQuoted('match[]'), blockSeq(edge.match.map(singleQuoted))]])],
    ['static_configs', blockSeq([orderedMap([['targets', addressList(instances.map((i) => i.address))]])])],
  ]);
  if (source.ha) {
    const which = edge.sourceReplica === 'all'
      ? `every replica of HA group "${source.name}" (series arrive once per replica)`
      : `replica ${instances.map((i) => i.replicaValue).filter((v, i, a) => a.indexOf(v) === i).join(', ')} of HA group "${source.name}" only (federating both doubles the series)`;
    withComment(job, ` federates ${which}`);
  }
  return job;
}
