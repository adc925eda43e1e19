/**
 * Kubernetes with prometheus-operator: the design as custom resources (operator v0.93 schemas).
 *
 * - a `Prometheus` per server: `replicas` + `replicaExternalLabelName` for an HA group, `shards` for
 *   hashmod (with `prometheus_shard: $(SHARD)`), external labels, intervals, retention, memory and
 *   disk from the capacity figures;
 * - a `ScrapeConfig` per scrape edge and per federation edge, picked by the server's
 *   `scrapeConfigSelector` (label `promtopo.dev/server`);
 * - a Secret with `additionalScrapeConfigs` for what a ScrapeConfig cannot say: the self-scrape job
 *   (`scrapeSelf`, each pod on localhost), raw YAML jobs, target groups with raw `extraConfig`, and
 *   federation jobs of a sharded server (the operator would shard a ScrapeConfig, and neither is
 *   ever sharded);
 * - a `PrometheusRule` per server with rules, an `Alertmanager` (+ its config Secret and a Service)
 *   per cluster, Grafana data sources as a provisioning ConfigMap, RBAC for alert discovery, and a
 *   kustomization.yaml listing everything.
 * Instances are reached by their pod DNS names through the operator's governing services.
 */
import { serverInstances } from '../../model/instances.ts';
import type { ServerInstance } from '../../model/instances.ts';
import { federationJobName, scrapeJobName } from '../../model/jobs.ts';
import { groupTargets } from '../../model/targets.ts';
import type { AlertmanagerNode, Capacity, GrafanaNode, PrometheusNode, TargetGroupNode, Topology } from '../../model/types.ts';
import { alertmanagerConfigText } from '../alertmanagerConfig.ts';
import type { BundleFile } from '../bundle.ts';
import { grafanaDatasourcesText } from '../grafanaDatasources.ts';
import type { FederationLink } from '../links.ts';
import { federationSourceInstances, oneLine, pathName, serverLinks, sortedAlertmanagers, sortedGrafanas, sortedServers } from '../links.ts';
import { HASHMOD_SHARD_LABEL } from '../prometheusConfig.ts';
import { federationJob, HASHMOD_TARGET_LABEL, scrapeJob, selfScrapeJob } from '../scrapeJobs.ts';
import { parseRawList } from '../rawYaml.ts';
import { blockSeq, flowSeq, orderedMap, singleQuoted, toYamlText } from '../yamlText.ts';
import type { YMap, YNode, YValue } from '../yamlText.ts';
import { withAddresses } from './addressView.ts';
import { ALERTMANAGER_VERSION, PROMETHEUS_VERSION } from './images.ts';

/** Namespace every resource is created in (kustomization `namespace`). */
export const K8S_NAMESPACE = 'monitoring';
/** Label on ScrapeConfigs, PrometheusRules and Secrets naming the server that uses them. */
export const SERVER_LABEL = 'promtopo.dev/server';
/** Label on a Prometheus resource keeping the design's role (leaf, global, shard) for import. */
export const ROLE_LABEL = 'promtopo.dev/role';
/** Folder of the manifests inside the export. */
export const MANIFEST_DIR = 'manifests';
/** Key of the additional scrape configs in their Secret. */
export const ADDITIONAL_SCRAPE_KEY = 'scrape-configs.yaml';
/** Service account the Prometheus pods run as (discovers Alertmanager endpoints). */
export const SERVICE_ACCOUNT = 'promtopo-prometheus';
/** Port of every Prometheus pod. */
export const PROMETHEUS_PORT = 9090;
/** Port of every Alertmanager pod. */
export const ALERTMANAGER_PORT = 9093;
/** Label the operator's config reloader replaces with the pod's shard number. */
export const OPERATOR_SHARD_VARIABLE = '$(SHARD)';

const partOf = ['app.kubernetes.io/part-of', 'promtopo'] as const;

/** StatefulSet of one shard: `prometheus-<name>` for shard 0, `prometheus-<name>-shard-<n>` after. */
export function prometheusStatefulSet(server: Pick<PrometheusNode, 'name'>, shard: number): string {
  return shard === 0 ? `prometheus-${server.name}` : `prometheus-${server.name}-shard-${shard}`;
}

/** Pod DNS name of one instance through the operator's `prometheus-operated` service. */
export function prometheusPodAddress(server: PrometheusNode, instance: ServerInstance): string {
  return `${prometheusStatefulSet(server, instance.shard ?? 0)}-${instance.replica ?? 0}.prometheus-operated.${K8S_NAMESPACE}.svc:${PROMETHEUS_PORT}`;
}

/** The design as it runs in the cluster: every instance at its pod's DNS name. */
export function kubernetesView(t: Topology): Topology {
  return withAddresses(t, {
    server: (server, instance) => prometheusPodAddress(server, instance),
    alertmanager: (am, i) => ({
      address: `alertmanager-${am.name}-${i}.alertmanager-operated.${K8S_NAMESPACE}.svc:${ALERTMANAGER_PORT}`,
      clusterAddress: `alertmanager-${am.name}-${i}.alertmanager-operated.${K8S_NAMESPACE}.svc:9094`,
    }),
    grafana: (g) => `${g.name}.${K8S_NAMESPACE}.svc:3000`,
  });
}

function metadata(name: string, labels: readonly (readonly [string, string])[] = []): YMap {
  return orderedMap([
    ['name', name],
    ['namespace', K8S_NAMESPACE],
    ['labels', orderedMap([partOf, ...labels])],
  ]);
}

function resource(apiVersion: string, kind: string, meta: YMap, spec: readonly (readonly [string, YValue | undefined])[], body = 'spec'): YMap {
  return orderedMap([['apiVersion', apiVersion], ['kind', kind], ['metadata', meta], [body, orderedMap(spec)]]);
}

/** A Kubernetes quantity for a byte count: `4Gi`, `512Mi`, else the plain number. */
export function byteQuantity(bytes: number): string {
  const whole = Math.ceil(bytes);
  for (const [unit, size] of [['Ti', 1024 ** 4], ['Gi', 1024 ** 3], ['Mi', 1024 ** 2], ['Ki', 1024]] as const) {
    if (whole >= size && whole % size === 0) return `${whole / size}${unit}`;
  }
  return String(whole);
}

function capacityOf(t: Topology, server: PrometheusNode): Capacity {
  return { ...t.settings.load?.capacity, ...server.capacity };
}

function sortedLabelMap(labels: Readonly<Record<string, string>>): YMap | undefined {
  const keys = Object.keys(labels).sort();
  return keys.length ? orderedMap(keys.map((k) => [k, labels[k]] as const)) : undefined;
}

// ---- what goes where ------------------------------------------------------------------------

/** True when a target group's job must be written as raw Prometheus YAML (its extraConfig). */
function needsRawJob(group: TargetGroupNode): boolean {
  return group.extraConfig !== undefined && group.extraConfig.trim() !== '';
}

/** The operator's hashmod pair: `__address__`, the shard from `$(SHARD)` (pkg/prometheus/promcfg.go). */
export function operatorHashmodPair(shards: number): YMap[] {
  return [
    orderedMap([['source_labels', flowSeq(['__address__'])], ['modulus', Math.max(1, shards)], ['target_label', HASHMOD_TARGET_LABEL], ['action', 'hashmod']]),
    orderedMap([['source_labels', flowSeq([HASHMOD_TARGET_LABEL])], ['regex', OPERATOR_SHARD_VARIABLE], ['action', 'keep']]),
  ];
}

/** The raw scrape job of a group on a server, with the operator's sharding in place of the design's. */
function rawGroupJob(server: PrometheusNode, group: TargetGroupNode): YMap {
  const unsharded = { ...server, hashmod: undefined };
  const job = scrapeJob(unsharded, { key: '', index: 0, address: '' }, group);
  if (!server.hashmod) return job;
  const relabel = job.entries.find((e) => e.key === 'relabel_configs');
  const pair = operatorHashmodPair(server.hashmod.shards);
  if (relabel && typeof relabel.value === 'object' && relabel.value.kind === 'seq') relabel.value.items.push(...pair);
  else job.entries.push({ key: 'relabel_configs', value: blockSeq(pair) });
  return job;
}

/** Jobs of a server that go into its additionalScrapeConfigs Secret (raw Prometheus YAML). */
export function additionalJobs(server: PrometheusNode, groups: readonly TargetGroupNode[], federations: readonly FederationLink[]): YNode[] {
  const jobs: YNode[] = groups.filter(needsRawJob).map((g) => rawGroupJob(server, g));
  // Every pod scrapes itself on its port (localhost), unsharded: the operator never shards these jobs.
  const own = serverInstances(server)[0];
  if (server.scrapeSelf && own) jobs.unshift(selfScrapeJob(own));
  if (server.hashmod) jobs.push(...federations.map(federationJob));
  if (server.extraScrapeConfigs !== undefined) {
    const extra = parseRawList(server.extraScrapeConfigs);
    if (extra.ok) jobs.push(...extra.node);
  }
  return jobs;
}

function additionalSecretName(server: PrometheusNode): string {
  return `${server.name}-additional-scrape-configs`;
}

// ---- resources ----------------------------------------------------------------------------------

function prometheusResource(t: Topology, server: PrometheusNode, hasRules: boolean, hasAdditional: boolean, alertmanagers: readonly AlertmanagerNode[]): YMap {
  const cap = capacityOf(t, server);
  const memory = cap.memoryBytes !== undefined ? byteQuantity(cap.memoryBytes) : undefined;
  const replicaLabel = server.ha ? server.ha.replicaLabel : '';
  // The config reloader substitutes $(SHARD) in the whole config, as in the keep regex: each shard
  // carries its number as in the plain bundle, so the shards' rule series stay apart.
  const externalLabels = server.hashmod ? { ...server.externalLabels, [HASHMOD_SHARD_LABEL]: OPERATOR_SHARD_VARIABLE } : server.externalLabels;
  return resource('monitoring.coreos.com/v1', 'Prometheus', metadata(server.name, [[SERVER_LABEL, server.name], [ROLE_LABEL, server.role]]), [
    ['version', PROMETHEUS_VERSION],
    ['replicas', server.ha ? Math.max(1, server.ha.replicas) : 1],
    ['shards', server.hashmod ? Math.max(1, server.hashmod.shards) : undefined],
    ['replicaExternalLabelName', replicaLabel],
    ['prometheusExternalLabelName', ''],
    ['externalLabels', sortedLabelMap(externalLabels)],
    ['scrapeInterval', server.scrapeInterval],
    ['scrapeTimeout', server.scrapeTimeout],
    ['evaluationInterval', server.evaluationInterval],
    ['retention', server.retention],
    ['serviceAccountName', SERVICE_ACCOUNT],
    ['scrapeConfigSelector', orderedMap([['matchLabels', orderedMap([[SERVER_LABEL, server.name]])]])],
    ['ruleSelector', hasRules ? orderedMap([['matchLabels', orderedMap([[SERVER_LABEL, server.name]])]]) : undefined],
    ['additionalScrapeConfigs', hasAdditional ? orderedMap([['name', additionalSecretName(server)], ['key', ADDITIONAL_SCRAPE_KEY]]) : undefined],
    ['alerting', alertmanagers.length ? orderedMap([['alertmanagers', blockSeq(alertmanagers.map((am) => orderedMap([
      ['namespace', K8S_NAMESPACE], ['name', alertmanagerServiceName(am)], ['port', 'web'], ['apiVersion', 'v2'],
    ])))]]) : undefined],
    ['resources', memory ? orderedMap([['requests', orderedMap([['memory', memory]])], ['limits', orderedMap([['memory', memory]])]]) : undefined],
    ['storage', cap.diskBytes !== undefined ? orderedMap([['volumeClaimTemplate', orderedMap([['spec', orderedMap([
      ['accessModes', flowSeq(['ReadWriteOnce'])],
      ['resources', orderedMap([['requests', orderedMap([['storage', byteQuantity(cap.diskBytes)]])]])],
    ])]])]]) : undefined],
  ]);
}

/** Object name of the ScrapeConfig of one job on one server. */
export function scrapeConfigName(server: PrometheusNode, jobName: string): string {
  return `${server.name}.${jobName}`;
}

function scrapeConfigResource(server: PrometheusNode, group: TargetGroupNode): YMap {
  const { targets } = groupTargets(group);
  return resource('monitoring.coreos.com/v1alpha1', 'ScrapeConfig', metadata(scrapeConfigName(server, scrapeJobName(group)), [[SERVER_LABEL, server.name]]), [
    ['jobName', scrapeJobName(group)],
    ['scrapeInterval', group.scrapeInterval],
    ['scrapeTimeout', group.scrapeTimeout],
    ['metricsPath', group.metricsPath],
    ['scheme', group.scheme],
    ['staticConfigs', targets.length ? blockSeq([orderedMap([
      ['targets', blockSeq(targets.map(singleQuoted))],
      ['labels', sortedLabelMap(group.labels)],
    ])]) : undefined],
  ]);
}

function federationScrapeConfig(server: PrometheusNode, link: FederationLink): YMap {
  const addresses = federationSourceInstances(link.source, link.edge).map((i) => i.address);
  return resource('monitoring.coreos.com/v1alpha1', 'ScrapeConfig', metadata(scrapeConfigName(server, federationJobName(link.source)), [[SERVER_LABEL, server.name]]), [
    ['jobName', federationJobName(link.source)],
    ['honorLabels', link.edge.honorLabels],
    ['scrapeInterval', link.edge.scrapeInterval],
    ['scrapeTimeout', link.edge.scrapeTimeout],
    ['metricsPath', '/federate'],
    ['params', orderedMap([[singleQuoted('match[]'), blockSeq(link.edge.match.map(singleQuoted))]])],
    ['staticConfigs', blockSeq([orderedMap([['targets', blockSeq(addresses.map(singleQuoted))]])])],
  ]);
}

/** A top-level YAML list (the Secret's format: `- job_name: ...`), written by the same emitter. */
function listText(items: readonly YNode[], header: string): string {
  const body = toYamlText(orderedMap([['list', blockSeq(items)]])).split('\n').slice(1);
  return [`# ${header}`, ...body.map((line) => line.slice(2))].join('\n');
}

function additionalSecret(server: PrometheusNode, jobs: readonly YNode[]): YMap {
  const text = listText(jobs, `Additional scrape configs of "${oneLine(server.name)}": jobs a ScrapeConfig cannot express.`);
  return resource('v1', 'Secret', metadata(additionalSecretName(server), [[SERVER_LABEL, server.name]]), [
    [ADDITIONAL_SCRAPE_KEY, text],
  ], 'stringData');
}

function prometheusRuleResource(server: PrometheusNode): YMap | undefined {
  if (server.ruleGroups.length === 0) return undefined;
  return resource('monitoring.coreos.com/v1', 'PrometheusRule', metadata(server.name, [[SERVER_LABEL, server.name]]), [
    ['groups', blockSeq(server.ruleGroups.map(ruleGroupNode))],
  ]);
}

/** A rule group as in the rule file (order kept, label maps sorted). */
function ruleGroupNode(group: PrometheusNode['ruleGroups'][number]): YMap {
  const map = (labels: Readonly<Record<string, string>> | undefined) => (labels ? sortedLabelMap(labels) : undefined);
  return orderedMap([
    ['name', group.name],
    ['interval', group.interval],
    ['rules', blockSeq(group.rules.map((r) => ('record' in r
      ? orderedMap([['record', r.record], ['expr', r.expr], ['labels', map(r.labels)]])
      : orderedMap([['alert', r.alert], ['expr', r.expr], ['for', r.for], ['labels', map(r.labels)], ['annotations', map(r.annotations)]]))))],
  ]);
}

/** Service in front of one Alertmanager cluster, so each server alerts to its own cluster only. */
export function alertmanagerServiceName(am: Pick<AlertmanagerNode, 'name'>): string {
  return `alertmanager-${am.name}`;
}

function alertmanagerResources(t: Topology, am: AlertmanagerNode): YMap[] {
  const secret = `alertmanager-${am.name}-config`;
  return [
    resource('monitoring.coreos.com/v1', 'Alertmanager', metadata(am.name), [
      ['version', ALERTMANAGER_VERSION],
      ['replicas', Math.max(1, am.instances.length)],
      ['configSecret', secret],
    ]),
    resource('v1', 'Secret', metadata(secret), [['alertmanager.yaml', alertmanagerConfigText(t, am)]], 'stringData'),
    resource('v1', 'Service', metadata(alertmanagerServiceName(am)), [
      ['selector', orderedMap([['app.kubernetes.io/name', 'alertmanager'], ['alertmanager', am.name]])],
      ['ports', blockSeq([orderedMap([['name', 'web'], ['port', ALERTMANAGER_PORT], ['targetPort', 'web']])])],
    ]),
  ];
}

function grafanaConfigMap(view: Topology, grafana: GrafanaNode): YMap {
  return resource('v1', 'ConfigMap', metadata(`grafana-datasources-${grafana.name}`, [['grafana_datasource', '1']]), [
    [`${pathName(grafana.name)}.yaml`, grafanaDatasourcesText(view, grafana)],
  ], 'data');
}

function rbacResources(): YMap[] {
  return [
    orderedMap([['apiVersion', 'v1'], ['kind', 'ServiceAccount'], ['metadata', metadata(SERVICE_ACCOUNT)]]),
    orderedMap([['apiVersion', 'rbac.authorization.k8s.io/v1'], ['kind', 'Role'], ['metadata', metadata(SERVICE_ACCOUNT)], ['rules', blockSeq([
      orderedMap([['apiGroups', flowSeq([singleQuoted('')])], ['resources', flowSeq(['services', 'endpoints', 'pods'])], ['verbs', flowSeq(['get', 'list', 'watch'])]]),
      orderedMap([['apiGroups', flowSeq(['discovery.k8s.io'])], ['resources', flowSeq(['endpointslices'])], ['verbs', flowSeq(['get', 'list', 'watch'])]]),
    ])]]),
    orderedMap([['apiVersion', 'rbac.authorization.k8s.io/v1'], ['kind', 'RoleBinding'], ['metadata', metadata(SERVICE_ACCOUNT)],
      ['roleRef', orderedMap([['apiGroup', 'rbac.authorization.k8s.io'], ['kind', 'Role'], ['name', SERVICE_ACCOUNT]])],
      ['subjects', blockSeq([orderedMap([['kind', 'ServiceAccount'], ['name', SERVICE_ACCOUNT], ['namespace', K8S_NAMESPACE]])])]]),
  ];
}

// ---- files ----------------------------------------------------------------------------------------

function manifestFile(path: string, doc: YMap, t: Topology): BundleFile {
  return { path: `${MANIFEST_DIR}/${path}`, contents: toYamlText(doc, `Topology "${oneLine(t.name)}". Generated by PromTopo for prometheus-operator v0.93.`) };
}

/** Every manifest of the design plus kustomization.yaml (paths sorted by the caller). */
export function kubernetesFiles(t: Topology): BundleFile[] {
  const view = kubernetesView(t);
  const files: BundleFile[] = [
    manifestFile('namespace.yaml', orderedMap([['apiVersion', 'v1'], ['kind', 'Namespace'], ['metadata', orderedMap([['name', K8S_NAMESPACE], ['labels', orderedMap([partOf])]])]]), t),
  ];
  const [sa, role, binding] = rbacResources();
  files.push(manifestFile('rbac/serviceaccount.yaml', sa!, t), manifestFile('rbac/role.yaml', role!, t), manifestFile('rbac/rolebinding.yaml', binding!, t));
  for (const server of sortedServers(view)) {
    const links = serverLinks(view, server);
    const extra = additionalJobs(server, links.groups, links.federations);
    const rules = prometheusRuleResource(server);
    const name = pathName(server.name);
    files.push(manifestFile(`prometheus/${name}.yaml`, prometheusResource(view, server, rules !== undefined, extra.length > 0, links.alertmanagers), t));
    for (const group of links.groups.filter((g) => !needsRawJob(g))) {
      files.push(manifestFile(`scrapeconfigs/${name}.${pathName(scrapeJobName(group))}.yaml`, scrapeConfigResource(server, group), t));
    }
    if (!server.hashmod) {
      for (const link of links.federations) {
        files.push(manifestFile(`scrapeconfigs/${name}.${pathName(federationJobName(link.source))}.yaml`, federationScrapeConfig(server, link), t));
      }
    }
    if (extra.length) files.push(manifestFile(`secrets/${name}-additional-scrape-configs.yaml`, additionalSecret(server, extra), t));
    if (rules) files.push(manifestFile(`rules/${name}.yaml`, rules, t));
  }
  for (const am of sortedAlertmanagers(view)) {
    const [resourceDoc, secret, service] = alertmanagerResources(t, am);
    const name = pathName(am.name);
    files.push(manifestFile(`alertmanager/${name}.yaml`, resourceDoc!, t), manifestFile(`alertmanager/${name}-config.yaml`, secret!, t), manifestFile(`alertmanager/${name}-service.yaml`, service!, t));
  }
  for (const g of sortedGrafanas(view)) files.push(manifestFile(`grafana/${pathName(g.name)}-datasources.yaml`, grafanaConfigMap(view, g), t));
  const resources = files.map((f) => f.path).sort();
  files.push({
    path: 'kustomization.yaml',
    contents: toYamlText(orderedMap([
      ['apiVersion', 'kustomize.config.k8s.io/v1beta1'],
      ['kind', 'Kustomization'],
      ['namespace', K8S_NAMESPACE],
      ['resources', blockSeq(resources)],
    ]), `Topology "${oneLine(t.name)}": kubectl apply -k . (prometheus-operator v0.93 and its CRDs installed first).`),
  });
  return files;
}

/** Instances of a server in the cluster, for the README: StatefulSet pod names by shard and replica. */
export function kubernetesInstances(server: PrometheusNode): { instance: ServerInstance; pod: string }[] {
  return serverInstances(server).map((instance) => ({ instance, pod: `${prometheusStatefulSet(server, instance.shard ?? 0)}-${instance.replica ?? 0}` }));
}
