/**
 * Imported instances -> one Topology: servers (buildServers.ts), a target group per scrape job
 * (identical jobs of several servers share one group), federation edges from `/federate` jobs to the
 * imported server whose address matches a target (or to an external server node), Alertmanager nodes
 * from static alertmanagers, Grafana data sources; then auto-layout.
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import { emptyTopology } from '../model/document.ts';
import { autoLayout } from '../model/edit/autoLayout.ts';
import { serverInstances, splitAddress } from '../model/instances.ts';
import { federationJobName } from '../model/jobs.ts';
import { toDnsSafeName, uniqueName } from '../model/names.ts';
import type { AlertmanagerNode, PrometheusNode, RuleGroup, TargetGroupNode, Topology, TopologyEdge, TopologyNode } from '../model/types.ts';
import type { BuiltServer } from './buildServers.ts';
import { adoptAddresses, buildServer, info } from './buildServers.ts';
import type { ImportedInstance } from './groupServers.ts';
import { alertmanagersVerbatim, groupServers } from './groupServers.ts';
import type { AlertmanagerHint } from './hints.ts';
import type { ParsedJob } from './parseConfig.ts';
import { entriesToYaml, entry, seqNode } from './renderYaml.ts';
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

/** The target group a scrape job becomes (without id), keys in schema order. */
function targetGroupOf(job: ParsedJob, placeholders: boolean): Omit<TargetGroupNode, 'id'> {
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
    position: { x: 0, y: 0 },
  };
}

/**
 * PromTopo node names are unique and DNS-safe, and a target group's name is its job name. A job whose
 * name is taken (`node` on two servers) or not DNS-safe gets a new name, and its targets keep the
 * original `job` label through a static label (Prometheus only defaults `job` from job_name when the
 * target has none), so the series do not change.
 */
function uniqueGroupName(group: Omit<TargetGroupNode, 'id'>, names: Set<string>, file: string, diagnostics: Diagnostic[]): Omit<TargetGroupNode, 'id'> {
  const name = uniqueName(toDnsSafeName(group.name, 'job'), names);
  names.add(name);
  if (name === group.name) return group;
  const keepsJob = group.labels.job === undefined;
  diagnostics.push({
    code: 'import/job-renamed',
    severity: 'warning',
    message: `${file}: job "${group.name}" becomes target group "${name}" (PromTopo names are unique and DNS-safe); ${keepsJob ? `its targets keep job="${group.name}" as a static label` : 'its targets set their own job label'}`,
    at: { file },
  });
  return { ...group, name, labels: keepsJob ? { ...group.labels, job: group.name } : group.labels };
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
  const federationTargets = input.instances.flatMap((i) => i.jobs.filter((j) => j.metricsPath === '/federate').flatMap((j) => j.staticGroups.flatMap((g) => g.targets)));
  const servers: BuiltServer[] = groupServers(input.instances)
    .map((g, i) => buildServer(g, `p${i + 1}`, names, input.ruleFiles, diagnostics))
    .map((s) => adoptAddresses(s, federationTargets));
  const nodes: TopologyNode[] = servers.map((s) => s.node);
  const edges: TopologyEdge[] = [];
  const edgeId = () => `e${edges.length + 1}`;
  const byAddress = new Map<string, { server: PrometheusNode; replica?: number }>();
  for (const s of servers) for (const inst of serverInstances(s.node)) byAddress.set(inst.address, { server: s.node, ...(inst.replica !== undefined ? { replica: inst.replica } : {}) });
  for (const s of servers) {
    for (const inst of serverInstances(s.node)) {
      const host = splitAddress(inst.address).host;
      if (!byAddress.has(host)) byAddress.set(host, { server: s.node });
    }
  }
  const groups = new Map<string, TargetGroupNode>();
  const externals = new Map<string, PrometheusNode>();
  const alertmanagers = new Map<string, AlertmanagerNode>();
  for (const s of servers) {
    const first = s.group.instances[0] as ImportedInstance;
    for (const job of first.jobs) {
      if (job.metricsPath === '/federate') {
        federationEdges(s.node, job, first.file, { byAddress, externals, nodes, edges, names, diagnostics, edgeId });
        continue;
      }
      const group = targetGroupOf(job, first.placeholders === true);
      const key = JSON.stringify(group);
      let node = groups.get(key);
      if (!node) {
        node = { id: `t${groups.size + 1}`, ...uniqueGroupName(group, names, first.file, diagnostics) };
        if (group.extraConfig !== undefined) {
          const keys = [...job.fields.keys()].filter((k) => !['job_name', 'scrape_interval', 'scrape_timeout', 'metrics_path', 'scheme', 'static_configs'].includes(k));
          diagnostics.push(info('import/kept-verbatim', `${first.file}: job "${job.name}": ${keys.join(', ') || 'extra static_configs'} kept verbatim in target group "${job.name}" (extraConfig) and written back on export`, first.file));
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
      const address = ds.url.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
      const hit = byAddress.get(address);
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
  return autoLayout(t);
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

function federationEdges(server: PrometheusNode, job: ParsedJob, file: string, ctx: FederationContext): void {
  const targets = job.staticGroups.flatMap((g) => g.targets);
  const bySource = new Map<PrometheusNode, Set<number>>();
  for (const target of targets) {
    let hit = ctx.byAddress.get(target) ?? ctx.byAddress.get(splitAddress(target).host);
    if (!hit) {
      let external = ctx.externals.get(target);
      if (!external) {
        const name = uniqueName(toDnsSafeName(splitAddress(target).host, 'prometheus'), ctx.names);
        ctx.names.add(name);
        external = { id: `x${ctx.externals.size + 1}`, kind: 'prometheus', role: 'leaf', name, address: target, externalLabels: {}, scrapeInterval: '1m', scrapeTimeout: '10s', evaluationInterval: '1m', retention: '15d', ruleGroups: [], position: { x: 0, y: 0 } };
        ctx.externals.set(target, external);
        ctx.nodes.push(external);
        ctx.diagnostics.push(info('import/external-server', `${file}: job "${job.name}" federates ${target}, which is not among the imported files; added as server "${name}"`, file));
      }
      hit = { server: external };
    }
    const set = bySource.get(hit.server) ?? new Set<number>();
    set.add(hit.replica ?? 0);
    bySource.set(hit.server, set);
  }
  const dropped = [...job.fields.keys()].filter((k) => !['job_name', 'honor_labels', 'scrape_interval', 'scrape_timeout', 'metrics_path', 'params', 'static_configs'].includes(k));
  const otherParams = Object.keys(job.params).filter((k) => k !== 'match[]');
  if (dropped.length || otherParams.length) {
    ctx.diagnostics.push({ code: 'import/federation-dropped', severity: 'warning', message: `${file}: federation job "${job.name}": ${[...dropped, ...otherParams.map((p) => `params.${p}`)].join(', ')} not modelled on federation edges; dropped`, at: { file } });
  }
  for (const [source, replicas] of bySource) {
    if (job.name !== federationJobName(source)) {
      ctx.diagnostics.push(info('import/federation-job-renamed', `${file}: federation job "${job.name}" will be exported as "${federationJobName(source)}"`, file));
    }
    const replicaCount = source.ha?.replicas ?? 1;
    const sourceReplica = source.ha && replicas.size === replicaCount && replicaCount > 1 ? 'all' : [...replicas][0] ?? 0;
    ctx.edges.push({
      id: ctx.edgeId(),
      kind: 'federation',
      server: server.id,
      source: source.id,
      match: [...(job.params['match[]'] ?? [])],
      ...(job.scrapeInterval ? { scrapeInterval: job.scrapeInterval } : {}),
      ...(job.scrapeTimeout ? { scrapeTimeout: job.scrapeTimeout } : {}),
      honorLabels: job.honorLabels ?? false,
      ...(source.ha && sourceReplica !== 0 ? { sourceReplica } : {}),
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

