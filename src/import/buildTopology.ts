/**
 * Imported instances -> one Topology: servers (buildServers.ts), a target group per scrape job
 * (identical jobs of several servers share one group), federation edges from `/federate` jobs to the
 * imported server whose address matches a target (or to an external server node), Alertmanager nodes
 * from static alertmanagers, Grafana data sources; then auto-layout.
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import { emptyTopology } from '../model/document.ts';
import { serverInstances, splitAddress } from '../model/instances.ts';
import { federationJobName } from '../model/jobs.ts';
import { federationSourceInstances } from '../generate/links.ts';
import { adoptFederationTargets, adoptGrafanaUrls, federationTargetsOf, isFederationJob, urlAddress, withDefaultPort } from './federationSources.ts';
import { layoutImported } from './layoutImported.ts';
import { toDnsSafeName, uniqueName } from '../model/names.ts';
import type { AlertmanagerNode, FederationEdge, PrometheusNode, RuleGroup, TargetGroupNode, Topology, TopologyEdge, TopologyNode } from '../model/types.ts';
import type { BuiltServer } from './buildServers.ts';
import { adoptAddresses, buildServer, groupJobs, info, settleSelfScrape } from './buildServers.ts';
import type { ImportedInstance } from './groupServers.ts';
import { alertmanagersVerbatim, groupServers } from './groupServers.ts';
import type { AlertmanagerHint } from './hints.ts';
import type { ParsedJob } from './parseConfig.ts';
import { entriesToYaml, entry, mapNode, seqNode } from './renderYaml.ts';
import type { YamlEntry } from './yamlTree.ts';

/** A Grafana provisioning file: its name and data sources. */
export interface ImportedGrafana {
  readonly file: string;
  readonly name: string;
  readonly datasources: readonly { readonly url: string; readonly isDefault: boolean }[];
}

export interface BuildInput {
  readonly instances: readonly ImportedInstance[];
  readonly ruleFiles: ReadonlyMap<string, RuleGroup[]>;
  readonly alertmanagerHints: readonly AlertmanagerHint[];
  readonly grafanas: readonly ImportedGrafana[];
  readonly topologyName?: string;
  /** Target counts of file_sd_configs from the target lists among the imported files. */
  readonly fileSdCount?: FileSdCounter;
}

const PLACEHOLDER_DEFAULT_PORT = 9100;

/** Port-or-name guess of the exporter (for the load model); only a hint, shown as such. */
function guessExporter(job: ParsedJob, targets: readonly string[]): string | undefined {
  const name = job.name.toLowerCase();
  if (name.includes('cadvisor')) return 'cadvisor';
  if (name.includes('kube-state') || name.includes('ksm')) return 'kube-state-metrics';
  const ports = new Set(targets.map((t) => splitAddress(t).port));
  if (ports.size !== 1) return undefined;
  const port = [...ports][0];
  return port === 9100 ? 'node_exporter' : port === 9090 ? 'prometheus' : port === 9093 ? 'alertmanager' : undefined;
}

/** How many targets the target lists of the import hold for a job's file_sd_configs, when every file is among them. */
export type FileSdCounter = (configFile: string, job: ParsedJob) => number | undefined;

/** The target group a scrape job becomes (without id), keys in schema order. */
function targetGroupOf(job: ParsedJob, placeholders: boolean, discoveredTargets?: number): Omit<TargetGroupNode, 'id'> {
  const [firstGroup, ...otherGroups] = job.staticGroups;
  let targets = [...(firstGroup?.targets ?? [])];
  const placeholder = placeholders ? placeholderCount(job.name, targets) : undefined;
  const extras: YamlEntry[] = [];
  for (const [key, value] of job.fields) {
    if (['job_name', 'scrape_interval', 'scrape_timeout', 'metrics_path', 'static_configs', 'relabel_configs'].includes(key)) continue;
    if (key === 'scheme' && (job.scheme === 'http' || job.scheme === 'https')) continue;
    extras.push(entry(key, value));
  }
  if (job.relabelNodes.length) extras.push(entry('relabel_configs', seqNode(job.relabelNodes)));
  const staticNode = job.fields.get('static_configs');
  if (otherGroups.length && staticNode?.kind === 'seq') extras.push(entry('static_configs', seqNode(staticNode.items.slice(1))));
  const exporter = guessExporter(job, targets);
  if (placeholder) targets = [];
  const discovered = [...job.fields.keys()].some((k) => k.endsWith('_sd_configs'));
  return {
    kind: 'targets',
    name: job.name,
    targets,
    ...(placeholder ? { count: placeholder.count, ...(placeholder.port !== PLACEHOLDER_DEFAULT_PORT ? { port: placeholder.port } : {}) } : {}),
    ...(exporter ? { exporter } : {}),
    ...(job.scrapeInterval ? { scrapeInterval: job.scrapeInterval } : {}),
    ...(job.scrapeTimeout ? { scrapeTimeout: job.scrapeTimeout } : {}),
    ...(job.metricsPath ? { metricsPath: job.metricsPath } : {}),
    ...(job.scheme === 'http' || job.scheme === 'https' ? { scheme: job.scheme } : {}),
    labels: { ...(firstGroup?.labels ?? {}) },
    ...(extras.length ? { extraConfig: entriesToYaml(extras) } : {}),
    ...(discovered ? { discovery: discoveredTargets !== undefined ? { targets: discoveredTargets } : {} } : {}),
    position: { x: 0, y: 0 },
  };
}

/**
 * PromTopo node names are unique and DNS-safe; a job whose name is taken (`node` on two servers) or not
 * DNS-safe (`node_private`, `serviceMonitor/ns/x/0`) gets another node name and keeps its job name
 * exactly (jobName), so the `job` label of its series does not change.
 */
function uniqueGroupName(group: Omit<TargetGroupNode, 'id'>, names: Set<string>): Omit<TargetGroupNode, 'id'> {
  const name = uniqueName(toDnsSafeName(group.name, 'job'), names);
  names.add(name);
  if (name === group.name) return group;
  const { kind, name: jobName, ...rest } = group;
  return { kind, name, jobName, ...rest };
}

/** PromTopo's placeholder targets (only in files that say so in a comment) `<job>-1:<port>` ... `<job>-N:<port>` become a count again. */
function placeholderCount(job: string, targets: readonly string[]): { count: number; port: number } | undefined {
  if (targets.length === 0) return undefined;
  const port = splitAddress(targets[0] ?? '').port;
  if (port === undefined) return undefined;
  return targets.every((t, i) => t === `${job}-${i + 1}:${port}`) ? { count: targets.length, port } : undefined;
}

/** Builds the topology. Pure; ids are `p1`, `t1`, `am1`, `g1`, `e1`, ... in a deterministic order. */
export function buildTopology(input: BuildInput, diagnostics: Diagnostic[]): Topology {
  const names = new Set<string>();
  const federationTargets = federationTargetsOf(input.instances);
  const built: BuiltServer[] = groupServers(input.instances)
    .map((g, i) => buildServer(g, `p${i + 1}`, names, input.ruleFiles, diagnostics))
    .map((s) => adoptAddresses(s, federationTargets.map((t) => withDefaultPort(t.target, t.scheme))));
  const servers = adoptGrafanaUrls(adoptFederationTargets(built, federationTargets), input.grafanas).map(settleSelfScrape);
  const nodes: TopologyNode[] = servers.map((s) => s.node);
  const edges: TopologyEdge[] = [];
  const edgeId = () => `e${edges.length + 1}`;
  const byAddress = new Map<string, { server: PrometheusNode; replica?: number }>();
  for (const s of servers) for (const inst of serverInstances(s.node)) byAddress.set(inst.address, { server: s.node, ...(inst.replica !== undefined ? { replica: inst.replica } : {}) });
  for (const s of servers) {
    for (const inst of serverInstances(s.node)) {
      const host = splitAddress(inst.address).host;
      if (!byAddress.has(host)) byAddress.set(host, { server: s.node, ...(inst.replica !== undefined ? { replica: inst.replica } : {}) });
    }
  }
  const groups = new Map<string, TargetGroupNode>();
  const externals = new Map<string, PrometheusNode>();
  const alertmanagers = new Map<string, AlertmanagerNode>();
  for (const s of servers) {
    const first = s.group.instances[0] as ImportedInstance;
    for (const job of groupJobs(s)) {
      if (isFederationJob(job)) {
        federationEdges(s.node, job, first.file, { byAddress, externals, nodes, edges, names, diagnostics, edgeId });
        continue;
      }
      const group = targetGroupOf(job, first.placeholders === true, input.fileSdCount?.(first.file, job));
      const key = JSON.stringify(group);
      let node = groups.get(key);
      if (!node) {
        node = { id: `t${groups.size + 1}`, ...uniqueGroupName(group, names) };
        if (group.extraConfig !== undefined) {
          const keys = [...job.fields.keys()].filter((k) => !['job_name', 'scrape_interval', 'scrape_timeout', 'metrics_path', 'scheme', 'static_configs'].includes(k));
          diagnostics.push(info('import/kept-verbatim', `${first.file}: job "${job.name}": ${keys.join(', ') || 'extra static_configs'} kept verbatim in target group "${node.name}" (extraConfig) and written back on export`, first.file));
        }
        groups.set(key, node);
        nodes.push(node);
      }
      edges.push({ id: edgeId(), kind: 'scrape', server: s.node.id, targets: node.id });
    }
    for (const am of alertmanagersVerbatim(first) ? [] : first.config.alerting.alertmanagers) {
      const key = [...am.targets].sort().join(',');
      let node = alertmanagers.get(key);
      if (!node) {
        node = alertmanagerNode(`am${alertmanagers.size + 1}`, am.targets, input.alertmanagerHints, names);
        alertmanagers.set(key, node);
        nodes.push(node);
      }
      edges.push({ id: edgeId(), kind: 'alert', server: s.node.id, alertmanager: node.id });
    }
  }
  input.grafanas.forEach((g, i) => {
    const id = `g${i + 1}`;
    const name = uniqueName(toDnsSafeName(g.name, 'grafana'), names);
    names.add(name);
    nodes.push({ id, kind: 'grafana', name, address: 'grafana:3000', position: { x: 0, y: 0 } });
    const seen = new Set<string>();
    for (const ds of g.datasources) {
      const address = urlAddress(ds.url);
      const hit = byAddress.get(address) ?? byAddress.get(splitAddress(address).host);
      if (!hit) {
        diagnostics.push(info('import/datasource-unmatched', `${g.file}: data source ${ds.url} is not one of the imported servers; left out`, g.file));
        continue;
      }
      if (seen.has(hit.server.id)) continue;
      seen.add(hit.server.id);
      edges.push({ id: edgeId(), kind: 'datasource', grafana: id, server: hit.server.id, isDefault: ds.isDefault });
    }
  });
  const t: Topology = { ...emptyTopology(input.topologyName ?? 'Imported configuration'), nodes, edges };
  return layoutImported(t);
}

interface FederationContext {
  readonly byAddress: Map<string, { server: PrometheusNode; replica?: number }>;
  readonly externals: Map<string, PrometheusNode>;
  readonly nodes: TopologyNode[];
  readonly edges: TopologyEdge[];
  readonly names: Set<string>;
  readonly diagnostics: Diagnostic[];
  readonly edgeId: () => string;
}

/** Keys of a federation job the edge models; every other key is kept verbatim on the edge. */
const FEDERATION_MODELLED = ['job_name', 'honor_labels', 'scrape_interval', 'scrape_timeout', 'metrics_path', 'static_configs', 'params'];

/** The job's keys the edge does not model, as raw YAML (params other than `match[]` included). */
function federationExtra(job: ParsedJob): string | undefined {
  const extras: YamlEntry[] = [];
  for (const [key, value] of job.fields) {
    if (!FEDERATION_MODELLED.includes(key)) extras.push(entry(key, value));
  }
  const params = job.fields.get('params');
  if (params?.kind === 'map') {
    const others = params.entries.filter((e) => e.key.text !== 'match[]');
    if (others.length) extras.push(entry('params', mapNode(others)));
  }
  return extras.length ? entriesToYaml(extras) : undefined;
}

/** The source node of a federation target: an imported server, else an external source (made once). */
function sourceOf(target: string, job: ParsedJob, file: string, ctx: FederationContext): { server: PrometheusNode; replica?: number } {
  const hit = ctx.byAddress.get(target) ?? ctx.byAddress.get(splitAddress(target).host);
  if (hit) return hit;
  const address = withDefaultPort(target, job.scheme ?? 'http');
  let external = ctx.externals.get(address);
  if (!external) {
    const name = uniqueName(toDnsSafeName(splitAddress(target).host.split('.')[0] ?? '', 'prometheus'), ctx.names);
    ctx.names.add(name);
    external = {
      id: `x${ctx.externals.size + 1}`, kind: 'prometheus', role: 'leaf', name, address, externalLabels: {}, scrapeInterval: '1m',
      scrapeTimeout: '10s', evaluationInterval: '1m', retention: '15d', ruleGroups: [], external: true, position: { x: 0, y: 0 },
    };
    ctx.externals.set(address, external);
    ctx.nodes.push(external);
    ctx.diagnostics.push(info('import/external-server', `${file}: job "${job.name}" federates ${target}, which is none of the imported servers; it is shown as external source "${name}" (the bundle writes no config for it)`, file));
  }
  return { server: external };
}

/**
 * A federation job -> one edge per (static_configs entry, source server), all with the job's name, its
 * `match[]`, interval, timeout and honor_labels, the targets as written and their labels; what else the
 * job says (scheme, auth, TLS, relabelling, other params) is kept verbatim on every edge.
 */
function federationEdges(server: PrometheusNode, job: ParsedJob, file: string, ctx: FederationContext): void {
  const extraConfig = federationExtra(job);
  const parts: { source: PrometheusNode; replicas: Set<number>; targets: string[]; labels: Readonly<Record<string, string>> }[] = [];
  for (const group of job.staticGroups) {
    const bySource = new Map<PrometheusNode, { replicas: Set<number>; targets: string[] }>();
    for (const target of group.targets) {
      const hit = sourceOf(target, job, file, ctx);
      const part = bySource.get(hit.server) ?? { replicas: new Set<number>(), targets: [] };
      part.replicas.add(hit.replica ?? 0);
      part.targets.push(target);
      bySource.set(hit.server, part);
    }
    for (const [source, part] of bySource) parts.push({ source, ...part, labels: group.labels });
  }
  const defaultName = parts.length === 1 && parts[0] ? federationJobName(parts[0].source) === job.name : false;
  if (extraConfig !== undefined) {
    const keys = [...job.fields.keys()].filter((k) => !FEDERATION_MODELLED.includes(k) || (k === 'params' && Object.keys(job.params).some((p) => p !== 'match[]')));
    ctx.diagnostics.push(info('import/kept-verbatim', `${file}: federation job "${job.name}": ${keys.join(', ')} kept verbatim on its federation edge (extraConfig) and written back on export`, file));
  }
  for (const { source, replicas, targets, labels } of parts) {
    const replicaCount = source.ha?.replicas ?? 1;
    const sourceReplica = source.ha && replicas.size === replicaCount && replicaCount > 1 ? 'all' : [...replicas][0] ?? 0;
    const edge: FederationEdge = {
      id: ctx.edgeId(),
      kind: 'federation',
      server: server.id,
      source: source.id,
      match: [...(job.params['match[]'] ?? [])],
      ...(job.scrapeInterval ? { scrapeInterval: job.scrapeInterval } : {}),
      ...(job.scrapeTimeout ? { scrapeTimeout: job.scrapeTimeout } : {}),
      honorLabels: job.honorLabels ?? false,
      ...(source.ha && sourceReplica !== 0 ? { sourceReplica } : {}),
      ...(defaultName ? {} : { jobName: job.name }),
    };
    const derived = federationSourceInstances(source, edge).map((i) => i.address);
    ctx.edges.push({
      ...edge,
      ...(derived.join('\u0000') === targets.join('\u0000') ? {} : { targets }),
      ...(Object.keys(labels).length ? { labels: { ...labels } } : {}),
      ...(extraConfig !== undefined ? { extraConfig } : {}),
    });
  }
}

function alertmanagerNode(id: string, targets: readonly string[], hints: readonly AlertmanagerHint[], names: Set<string>): AlertmanagerNode {
  const matched = targets.map((t) => hints.find((h) => h.address === t));
  const hinted = matched.every((h) => h) && new Set(matched.map((h) => h?.name)).size === 1 ? matched[0]?.name : undefined;
  const name = uniqueName(toDnsSafeName(hinted ?? 'alertmanager', 'alertmanager'), names);
  names.add(name);
  const order = targets.map((t, i) => ({ t, i: matched[i]?.index ?? i })).sort((a, b) => a.i - b.i);
  return {
    id,
    kind: 'alertmanager',
    name,
    instances: order.map(({ t }) => {
      const hint = hints.find((h) => h.address === t);
      const defaultCluster = `${splitAddress(t).host}:9094`;
      return hint && hint.clusterAddress !== defaultCluster ? { address: t, clusterAddress: hint.clusterAddress } : { address: t };
    }),
    position: { x: 0, y: 0 },
  };
}

