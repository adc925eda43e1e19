/**
 * Reading back a Kubernetes export: prometheus-operator manifests -> Topology.
 *
 * - `Prometheus` -> a server: role from its `promtopo.dev/role` label (else: federates -> global,
 *   shards -> shard, else leaf), `replicas` + `replicaExternalLabelName` -> HA, `shards` -> hashmod on
 *   `__address__` (the operator's rule), external labels, intervals, retention, memory and disk;
 *   instances are the pods' DNS names;
 * - `ScrapeConfig`s picked by its `scrapeConfigSelector` -> target groups and scrape edges, or
 *   federation edges (`metricsPath: /federate`) whose targets name the source's pods;
 * - its `additionalScrapeConfigs` Secret -> federation edges for `/federate` jobs, `scrapeSelf` for
 *   the self-scrape job (exactly the generated one, on the pod's port), the other jobs kept verbatim
 *   as the server's extraScrapeConfigs;
 * - `PrometheusRule`s picked by its `ruleSelector` -> rule groups;
 * - `Alertmanager` -> a cluster of `replicas` pods, alert edges through the Services the servers name;
 * - ConfigMaps of Grafana data sources -> Grafana nodes and data-source edges.
 * What normalises on the way (addresses, replica values, layout): docs/import.md.
 */
import { parseAllDocuments, stringify } from 'yaml';
import type { Diagnostic } from '../../model/diagnostic.ts';
import { serverInstances } from '../../model/instances.ts';
import { PrometheusNodeSchema, TopologySchema } from '../../model/schema.ts';
import type { PrometheusNode, RuleGroup, Topology } from '../../model/types.ts';
import { HASHMOD_SHARD_LABEL } from '../../generate/prometheusConfig.ts';
import { ADDITIONAL_SCRAPE_KEY, K8S_NAMESPACE, OPERATOR_SHARD_VARIABLE, PROMETHEUS_PORT, prometheusPodAddress, ROLE_LABEL } from '../../generate/targets/kubernetes.ts';
import type { FileText } from './readCompose.ts';
import { isSelfScrapeOnPort, plainValue } from '../selfScrape.ts';

type Obj = Record<string, unknown>;
interface Manifest { file: string; kind: string; name: string; labels: Record<string, string>; spec: Obj; stringData: Record<string, string>; data: Record<string, string> }

const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const strMap = (v: unknown): Record<string, string> => Object.fromEntries(Object.entries(obj(v)).map(([k, x]) => [k, String(x)]));

/** True when the text holds a prometheus-operator resource. */
export function isOperatorManifest(text: string): boolean {
  return /^apiVersion:\s*monitoring\.coreos\.com\//m.test(text);
}

/** Bytes of a Kubernetes quantity (`4Gi`, `512Mi`, `1000`, `2G`); undefined when it is not one. */
export function quantityBytes(q: string | undefined): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|Pi|k|M|G|T|P)?$/.exec(q ?? '');
  if (!m) return undefined;
  const unit = { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, Pi: 1024 ** 5, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15 }[m[2] ?? ''] ?? 1;
  return Number(m[1]) * unit;
}

function readManifests(files: readonly FileText[], diagnostics: Diagnostic[]): Manifest[] {
  const out: Manifest[] = [];
  for (const file of files) {
    for (const doc of parseAllDocuments(file.text)) {
      const first = doc.errors[0];
      if (first) {
        diagnostics.push({ code: 'import/yaml', severity: 'error', message: `${file.name}: ${first.message.split('\n')[0]}`, at: { file: file.name } });
        continue;
      }
      const m = obj(doc.toJS());
      const meta = obj(m.metadata);
      const kind = str(m.kind);
      const name = str(meta.name);
      if (!kind || !name) continue;
      out.push({ file: file.name, kind, name, labels: strMap(meta.labels), spec: obj(m.spec), stringData: strMap(m.stringData), data: strMap(m.data) });
    }
  }
  return out;
}

const matches = (selector: unknown, labels: Record<string, string>) => {
  const wanted = strMap(obj(selector).matchLabels);
  return Object.keys(wanted).length > 0 && Object.entries(wanted).every(([k, v]) => labels[k] === v);
};

/** The rule groups of a PrometheusRule, as the model holds them. */
function ruleGroups(spec: Obj): RuleGroup[] {
  return arr(spec.groups).map((g) => {
    const group = obj(g);
    return {
      name: str(group.name) ?? '',
      ...(str(group.interval) ? { interval: str(group.interval)! } : {}),
      rules: arr(group.rules).map((r) => {
        const rule = obj(r);
        const labels = rule.labels ? { labels: strMap(rule.labels) } : {};
        if (str(rule.record) !== undefined) return { record: str(rule.record)!, expr: str(rule.expr) ?? '', ...labels };
        return { alert: str(rule.alert) ?? '', expr: str(rule.expr) ?? '', ...(str(rule.for) ? { for: str(rule.for)! } : {}), ...labels,
          ...(rule.annotations ? { annotations: strMap(rule.annotations) } : {}) };
      }),
    };
  });
}

interface Job { jobName: string; honorLabels?: boolean; interval?: string; timeout?: string; metricsPath?: string; scheme?: string; match: string[]; groups: { targets: string[]; labels: Record<string, string> }[] }

function scrapeConfigJob(spec: Obj): Job {
  return {
    jobName: str(spec.jobName) ?? '',
    ...(typeof spec.honorLabels === 'boolean' ? { honorLabels: spec.honorLabels } : {}),
    ...(str(spec.scrapeInterval) ? { interval: str(spec.scrapeInterval)! } : {}),
    ...(str(spec.scrapeTimeout) ? { timeout: str(spec.scrapeTimeout)! } : {}),
    ...(str(spec.metricsPath) ? { metricsPath: str(spec.metricsPath)! } : {}),
    ...(str(spec.scheme) ? { scheme: str(spec.scheme)!.toLowerCase() } : {}),
    match: arr(obj(spec.params)['match[]']).map(String),
    groups: arr(spec.staticConfigs).map((c) => ({ targets: arr(obj(c).targets).map(String), labels: strMap(obj(c).labels) })),
  };
}

function rawJob(job: Obj): Job {
  return {
    jobName: str(job.job_name) ?? '',
    ...(typeof job.honor_labels === 'boolean' ? { honorLabels: job.honor_labels } : {}),
    ...(str(job.scrape_interval) ? { interval: str(job.scrape_interval)! } : {}),
    ...(str(job.scrape_timeout) ? { timeout: str(job.scrape_timeout)! } : {}),
    ...(str(job.metrics_path) ? { metricsPath: str(job.metrics_path)! } : {}),
    match: arr(obj(job.params)['match[]']).map(String),
    groups: arr(job.static_configs).map((c) => ({ targets: arr(obj(c).targets).map(String), labels: strMap(obj(c).labels) })),
  };
}

/** Reads the manifests among `files`; no topology when there is no Prometheus resource. */
export function readKubernetes(files: readonly FileText[]): { topology?: Topology; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const manifests = readManifests(files, diagnostics);
  const of = (kind: string) => manifests.filter((m) => m.kind === kind).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const prometheuses = of('Prometheus');
  if (prometheuses.length === 0) {
    diagnostics.push({ code: 'import/no-config', severity: 'error', message: 'none of the manifests is a prometheus-operator Prometheus resource', at: {} });
    return { diagnostics };
  }
  const nodes: Obj[] = [];
  const edges: Obj[] = [];
  const servers: PrometheusNode[] = [];
  const podIndex = new Map<string, { server: string; replica: number }>();
  const jobsOf = new Map<string, Job[]>();
  for (const p of prometheuses) {
    const spec = p.spec;
    const replicas = Number(spec.replicas ?? 1);
    const shards = spec.shards === undefined ? undefined : Number(spec.shards);
    const cap = { memoryBytes: quantityBytes(str(obj(obj(spec.resources).requests).memory)),
      diskBytes: quantityBytes(str(obj(obj(obj(obj(obj(spec.storage).volumeClaimTemplate).spec).resources).requests).storage)) };
    const jobs = of('ScrapeConfig').filter((s) => matches(spec.scrapeConfigSelector, s.labels)).map((s) => scrapeConfigJob(s.spec));
    const secretRef = obj(spec.additionalScrapeConfigs);
    const secret = of('Secret').find((s) => s.name === str(secretRef.name));
    const rawJobs = secret ? arr(parseAllDocuments(secret.stringData[str(secretRef.key) ?? ADDITIONAL_SCRAPE_KEY] ?? '')[0]?.toJS()).map(obj) : [];
    jobs.push(...rawJobs.filter((j) => j.metrics_path === '/federate').map(rawJob));
    const selfJob = rawJobs.findIndex((j) => isSelfScrapeOnPort(plainValue(j), PROMETHEUS_PORT));
    const extra = rawJobs.filter((j, i) => j.metrics_path !== '/federate' && i !== selfJob);
    const federates = jobs.some((j) => j.metricsPath === '/federate');
    const role = ['leaf', 'global', 'shard'].includes(p.labels[ROLE_LABEL] ?? '') ? p.labels[ROLE_LABEL] : federates ? 'global' : shards !== undefined ? 'shard' : 'leaf';
    const draft = {
      id: `prometheus:${p.name}`, kind: 'prometheus', role, name: p.name, address: '',
      externalLabels: Object.fromEntries(Object.entries(strMap(spec.externalLabels)).filter(([k, v]) => !(k === HASHMOD_SHARD_LABEL && v === OPERATOR_SHARD_VARIABLE))),
      ...(str(spec.scrapeInterval) ? { scrapeInterval: str(spec.scrapeInterval) } : {}),
      ...(str(spec.scrapeTimeout) ? { scrapeTimeout: str(spec.scrapeTimeout) } : {}),
      ...(str(spec.evaluationInterval) ? { evaluationInterval: str(spec.evaluationInterval) } : {}),
      ...(str(spec.retention) ? { retention: str(spec.retention) } : {}),
      ruleGroups: of('PrometheusRule').filter((r) => matches(spec.ruleSelector, r.labels)).flatMap((r) => ruleGroups(r.spec)),
      ...(replicas > 1 ? { ha: { replicas, replicaLabel: str(spec.replicaExternalLabelName) || 'prometheus_replica', dropReplicaLabelOnAlerts: true } } : {}),
      ...(shards !== undefined ? { hashmod: { shards, sourceLabels: ['__address__'] } } : {}),
      ...(cap.memoryBytes !== undefined || cap.diskBytes !== undefined ? { capacity: Object.fromEntries(Object.entries(cap).filter(([, v]) => v !== undefined)) } : {}),
      ...(extra.length ? { extraScrapeConfigs: stringify(extra, { indent: 2 }) } : {}),
      scrapeSelf: selfJob >= 0,
      position: { x: 0, y: 0 },
    };
    const server = PrometheusNodeSchema.parse({ ...draft, address: 'x:9090' });
    const addresses = serverInstances(server).map((i) => prometheusPodAddress(server, i));
    const placed = { ...server, address: addresses[0]!, instanceAddresses: addresses };
    serverInstances(placed).forEach((i) => podIndex.set(i.address, { server: placed.id, replica: i.replica ?? 0 }));
    servers.push(placed);
    jobsOf.set(placed.id, jobs);
  }
  // Target groups: one per distinct job content (a group scraped by several servers appears once per server).
  const groups = new Map<string, string>();
  const groupNames = new Set<string>();
  for (const server of servers) {
    for (const job of jobsOf.get(server.id) ?? []) {
      if (job.metricsPath === '/federate') {
        const sources = job.groups.flatMap((g) => g.targets).map((t) => podIndex.get(t)).filter((s): s is { server: string; replica: number } => s !== undefined);
        const source = servers.find((s) => s.id === sources[0]?.server);
        if (!source) {
          diagnostics.push({ code: 'import/federation-source', severity: 'warning', message: `federation job "${job.jobName}" of "${server.name}": its targets are not pods of an imported Prometheus; left out`, at: {} });
          continue;
        }
        const replicas = new Set(sources.map((s) => s.replica));
        const sourceReplica = source.ha && replicas.size > 1 ? 'all' : (sources[0]?.replica ?? 0) !== 0 ? sources[0]!.replica : undefined;
        edges.push({ id: `federation:${server.name}->${source.name}`, kind: 'federation', server: server.id, source: source.id, match: job.match,
          ...(job.interval ? { scrapeInterval: job.interval } : {}), ...(job.timeout ? { scrapeTimeout: job.timeout } : {}),
          honorLabels: job.honorLabels ?? true, ...(sourceReplica !== undefined ? { sourceReplica } : {}) });
        continue;
      }
      const content = { interval: job.interval, timeout: job.timeout, metricsPath: job.metricsPath, scheme: job.scheme, targets: job.groups.flatMap((g) => g.targets), labels: job.groups[0]?.labels ?? {} };
      const key = `${job.jobName}\u0000${JSON.stringify(content)}`;
      let id = groups.get(key);
      if (!id) {
        let name = job.jobName;
        for (let n = 2; groupNames.has(name); n++) name = `${job.jobName}-${n}`;
        groupNames.add(name);
        id = `targets:${name}`;
        groups.set(key, id);
        nodes.push({ id, kind: 'targets', name, targets: content.targets, labels: content.labels,
          ...(content.interval ? { scrapeInterval: content.interval } : {}), ...(content.timeout ? { scrapeTimeout: content.timeout } : {}),
          ...(content.metricsPath ? { metricsPath: content.metricsPath } : {}), ...(content.scheme ? { scheme: content.scheme } : {}),
          position: { x: 0, y: 140 * groups.size } });
      }
      edges.push({ id: `scrape:${server.name}->${id}`, kind: 'scrape', server: server.id, targets: id });
    }
  }
  // Alertmanager clusters, and the servers alerting to them through their Services.
  const services = of('Service');
  for (const am of of('Alertmanager')) {
    const replicas = Math.max(1, Number(am.spec.replicas ?? 1));
    const pod = (i: number, port: number) => `alertmanager-${am.name}-${i}.alertmanager-operated.${K8S_NAMESPACE}.svc:${port}`;
    nodes.push({ id: `alertmanager:${am.name}`, kind: 'alertmanager', name: am.name,
      instances: Array.from({ length: replicas }, (_, i) => ({ address: pod(i, 9093), clusterAddress: pod(i, 9094) })), position: { x: 900, y: 140 * nodes.length } });
  }
  for (const p of prometheuses) {
    for (const ref of arr(obj(p.spec.alerting).alertmanagers).map(obj)) {
      const service = services.find((s) => s.name === str(ref.name));
      const amName = service ? strMap(service.spec.selector).alertmanager : undefined;
      if (amName && of('Alertmanager').some((a) => a.name === amName)) edges.push({ id: `alert:${p.name}->${amName}`, kind: 'alert', server: `prometheus:${p.name}`, alertmanager: `alertmanager:${amName}` });
    }
  }
  // Grafana data sources, by the pod each URL names.
  for (const cm of of('ConfigMap').filter((c) => c.labels.grafana_datasource !== undefined)) {
    for (const [key, text] of Object.entries(cm.data)) {
      const name = key.replace(/\.ya?ml$/, '');
      const sources = arr(obj(parseAllDocuments(text)[0]?.toJS()).datasources).map(obj);
      const linked = new Map<string, boolean>();
      for (const ds of sources) {
        const pod = podIndex.get((str(ds.url) ?? '').replace(/^https?:\/\//, ''));
        if (pod) linked.set(pod.server, (linked.get(pod.server) ?? false) || ds.isDefault === true);
      }
      nodes.push({ id: `grafana:${name}`, kind: 'grafana', name, position: { x: 1200, y: 0 } });
      for (const [serverId, isDefault] of linked) edges.push({ id: `datasource:${name}->${serverId}`, kind: 'datasource', grafana: `grafana:${name}`, server: serverId, isDefault });
    }
  }
  const column = { leaf: 300, shard: 300, global: 600 } as const;
  const placedServers = servers.map((s, i) => ({ ...s, position: { x: column[s.role], y: 140 * i } }));
  const header = files.map((f) => /^# Topology "(.*)"\. Generated by PromTopo/m.exec(f.text)?.[1]).find((n) => n !== undefined);
  const parsed = TopologySchema.safeParse({ format: 'promtopo', version: 1, name: header ?? 'Imported from Kubernetes', settings: { export: { target: 'kubernetes' } },
    nodes: [...nodes.filter((n) => n.kind === 'targets'), ...placedServers, ...nodes.filter((n) => n.kind !== 'targets')], edges });
  if (!parsed.success) {
    diagnostics.push({ code: 'import/kubernetes', severity: 'error', message: `the manifests do not make a topology: ${parsed.error.issues[0]?.message ?? 'invalid'}`, at: {} });
    return { diagnostics };
  }
  return { topology: parsed.data, diagnostics };
}
