/**
 * prometheus.yml of one Prometheus instance (a plain server, one HA replica or one hashmod shard):
 * global block with external labels, rule_files, the self-scrape, scrape and federation jobs, alerting, and the
 * raw-YAML escape hatches (extraScrapeConfigs, extraConfig) merged in.
 */
import type { YMap, YNode } from './yamlText.ts';
import { serverInstances } from '../model/instances.ts';
import type { ServerInstance } from '../model/instances.ts';
import type { PrometheusNode, Topology } from '../model/types.ts';
import type { ServerLinks } from './links.ts';
import { oneLine, serverLinks, sortBy } from './links.ts';
import { scrapeJobName, SELF_SCRAPE_JOB } from '../model/jobs.ts';
import { ruleFileNames } from './ruleFiles.ts';
import { federationJob, federationJobGroups, scrapeJob, selfScrapeJob } from './scrapeJobs.ts';
import { mergeMaps, parseRawList, parseRawMap } from './rawYaml.ts';
import { isAgent } from '../model/receivers.ts';
import { remoteWriteSection } from './remoteWrite.ts';
import { addressList, blockSeq, orderedMap, toYamlText, withComment } from './yamlText.ts';

/** File name of every instance's Prometheus configuration. */
export const PROMETHEUS_CONFIG_FILE = 'prometheus.yml';

/**
 * External label that tells hashmod shards apart (`"0"`, `"1"`, ...). Without it, the shards' identical
 * recording-rule series (`job:up:sum{job="node"}`) would collide where they are federated together;
 * named like prometheus-operator's `prometheus_replica`.
 */
export const HASHMOD_SHARD_LABEL = 'prometheus_shard';

/**
 * External labels of an instance: the server's, the instance's own (instanceExternalLabels) or else the
 * shard label of a hashmod shard, the replica label of an HA replica; sorted.
 */
export function instanceExternalLabels(server: PrometheusNode, instance: ServerInstance): Record<string, string> {
  const labels: Record<string, string> = { ...server.externalLabels };
  const own = server.instanceExternalLabels?.[instance.index];
  if (own) Object.assign(labels, own);
  else if (server.hashmod && instance.shard !== undefined && server.instanceExternalLabels === undefined) labels[HASHMOD_SHARD_LABEL] = String(instance.shard);
  if (server.ha && instance.replicaValue !== undefined) labels[server.ha.replicaLabel] = instance.replicaValue;
  return Object.fromEntries(Object.keys(labels).sort().map((k) => [k, labels[k] ?? '']));
}

function alertingSection(server: PrometheusNode, links: ServerLinks): YMap | undefined {
  const dropReplica = server.ha && server.ha.dropReplicaLabelOnAlerts;
  const alertmanagers = links.alertmanagers.filter((am) => am.instances.length > 0);
  if (!dropReplica && alertmanagers.length === 0) return undefined;
  return orderedMap([
    ['alert_relabel_configs', dropReplica
      ? withComment(blockSeq([orderedMap([['action', 'labeldrop'], ['regex', server.ha?.replicaLabel]])]),
        ' the replicas send identical alerts; without the replica label Alertmanager deduplicates them')
      : undefined],
    ['alertmanagers', alertmanagers.length
      ? blockSeq(alertmanagers.map((am) => withComment(
        orderedMap([['static_configs', blockSeq([orderedMap([['targets', addressList(am.instances.map((i) => i.address))]])])]]),
        ` alertmanager "${oneLine(am.name)}": every instance directly, no load balancer`)))
      : undefined],
  ]);
}

function scrapeConfigs(server: PrometheusNode, instance: ServerInstance, links: ServerLinks): YNode[] {
  const groupJobs = links.groups.map((g) => ({ name: scrapeJobName(g), job: scrapeJob(server, instance, g) }));
  if (server.scrapeSelf) groupJobs.push({ name: SELF_SCRAPE_JOB, job: selfScrapeJob(instance) });
  const jobs: YNode[] = [
    ...sortBy(groupJobs, (j) => j.name).map((j) => j.job),
    ...federationJobGroups(links.federations).map((g) => federationJob(g)),
  ];
  if (server.extraScrapeConfigs !== undefined) {
    const extra = parseRawList(server.extraScrapeConfigs);
    if (extra.ok) jobs.push(...extra.node);
    else if (jobs.length > 0) withComment(jobs[jobs.length - 1]!, ` extraScrapeConfigs left out: ${oneLine(extra.error)}`);
  }
  return jobs;
}

/** The YAML text of one instance's prometheus.yml. */
export function prometheusConfigText(t: Topology, server: PrometheusNode, instance: ServerInstance): string {
  const links = serverLinks(t, server);
  const external = instanceExternalLabels(server, instance);
  const jobs = scrapeConfigs(server, instance, links);
  const agent = isAgent(server);
  const root = orderedMap([
    ['global', orderedMap([
      ['scrape_interval', server.scrapeInterval],
      ['scrape_timeout', server.scrapeTimeout],
      ['evaluation_interval', agent ? undefined : server.evaluationInterval],
      ['external_labels', Object.keys(external).length ? orderedMap(Object.entries(external)) : undefined],
    ])],
    // An agent evaluates no rules and sends no alerts: Prometheus refuses both sections in agent mode.
    ['rule_files', server.ruleGroups.length && !agent ? blockSeq(ruleFileNames(server)) : undefined],
    ['alerting', agent ? undefined : alertingSection(server, links)],
    ['scrape_configs', jobs.length ? blockSeq(jobs) : undefined],
    ['remote_write', remoteWriteSection(t, server)],
  ]);
  const notes: string[] = [];
  if (server.extraConfig !== undefined) {
    const extra = parseRawMap(server.extraConfig);
    if (extra.ok) mergeMaps(root, extra.node);
    else notes.push(`extraConfig left out: ${oneLine(extra.error)}`);
  }
  return toYamlText(root, [configTitle(t, server, instance), 'Generated by PromTopo: change the topology and export again rather than editing this file.', ...notes].join('\n'));
}

function configTitle(t: Topology, server: PrometheusNode, instance: ServerInstance): string {
  const parts: string[] = [];
  if (instance.shard !== undefined) parts.push(`hashmod shard ${instance.shard}`);
  if (instance.replicaValue !== undefined) parts.push(`replica ${instance.replicaValue}`);
  const which = parts.length ? ` (${parts.join(', ')})` : '';
  const mode = isAgent(server) ? ' in agent mode (check with promtool check config --agent)' : '';
  return `Prometheus ${server.role} "${oneLine(server.name)}"${which}${mode}, ${instance.address}, topology "${oneLine(t.name)}".`;
}

/**
 * One instance's prometheus.yml, for previews. `instanceIndex` indexes serverInstances(server)
 * (shard-major, then replica); an unknown server gives an empty string.
 */
export function generatePrometheusConfig(t: Topology, serverId: string, instanceIndex = 0): string {
  const server = t.nodes.find((n): n is PrometheusNode => n.kind === 'prometheus' && n.id === serverId);
  if (!server) return '';
  const instances = serverInstances(server);
  const instance = instances[Math.min(Math.max(0, instanceIndex), instances.length - 1)];
  return instance ? prometheusConfigText(t, server, instance) : '';
}
