import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { estimateLoad } from '../../estimate/estimateLoad.ts';
import { assignShards, hashmodOf } from '../../model/hashmod.ts';
import { deploymentView } from '../../model/exportTarget.ts';
import type { PrometheusNode, TargetGroupNode, Topology } from '../../model/types.ts';
import { validateTopology } from '../../validate/validateTopology.ts';
import { generateBundle } from '../generateBundle.ts';
import { alertEdge, alertmanager, datasourceEdge, federationEdge, grafana, makeTopology, scrapeEdge, server, targets } from '../testBuilders.ts';
import { composeFiles } from './compose.ts';
import { generateTarget, withExportTarget } from './generateTarget.ts';
import { ADDITIONAL_SCRAPE_KEY, byteQuantity } from './kubernetes.ts';

const nodeTargets = Array.from({ length: 12 }, (_, i) => `node-${i}.example:9100`);

function design(extra: { hashmodLabels?: string[]; target?: string } = {}): Topology {
  return makeTopology([
    server('leaf', { ha: { replicas: 2, replicaLabel: 'replica' }, externalLabels: { dc: 'eu' }, capacity: { memoryBytes: 4 * 1024 ** 3, diskBytes: 100 * 1024 ** 3 },
      ruleGroups: [{ name: 'node', rules: [{ record: 'job:up:sum', expr: 'sum by (job) (up)' }] }] }),
    server('shards', { role: 'shard', address: '10.0.0.5:9090', hashmod: { shards: 3, ...(extra.hashmodLabels ? { sourceLabels: extra.hashmodLabels } : {}) } }),
    server('global', { role: 'global', address: 'global:9090' }),
    targets('node', nodeTargets, { labels: { team: 'infra' } }),
    targets('api', ['api-1:8080'], { extraConfig: 'basic_auth:\n  username: u\n  password_file: /etc/p\n' }),
    alertmanager('am', ['am-1:9093', 'am-2:9093']),
    grafana('grafana', { address: 'grafana:3000' }),
  ], [
    scrapeEdge('leaf', 'node'), scrapeEdge('shards', 'node'), scrapeEdge('shards', 'api'),
    federationEdge('global', 'leaf', ['{__name__=~"job:.*"}']), federationEdge('shards', 'leaf', ['up']),
    alertEdge('leaf', 'am'), datasourceEdge('grafana', 'global', { isDefault: true }), datasourceEdge('grafana', 'leaf'),
  ], extra.target ? { settings: { export: { target: extra.target } } } : {});
}

const docs = (t: Topology, prefix: string) => generateTarget(t, 'kubernetes').files
  .filter((f) => f.path.startsWith(prefix))
  .flatMap((f) => parseAllDocuments(f.contents).map((d) => d.toJS() as { kind: string; metadata: { name: string }; spec: Record<string, unknown>; stringData?: Record<string, string>; data?: Record<string, string> }));

describe('generateTarget', () => {
  it('is deterministic, sorted by path, and records the target in the bundled document', () => {
    for (const target of ['kubernetes', 'compose', 'systemd'] as const) {
      const a = generateTarget(design(), target);
      expect(generateTarget(design(), target)).toEqual(a);
      const paths = a.files.map((f) => f.path);
      expect(paths).toEqual([...paths].sort());
      const bundled = JSON.parse(a.files.find((f) => f.path === 'topology.promtopo.json')!.contents);
      expect(bundled.settings.export.target).toBe(target);
    }
  });

  it('files is the plain bundle', () => {
    expect(generateTarget(design(), 'files')).toEqual(generateBundle(withExportTarget(design(), 'files')));
  });
});

describe('kubernetes target', () => {
  it('a Prometheus per server: replicas and replica label for HA, shards for hashmod, labels, retention, resources from capacity', () => {
    const prometheuses = docs(design(), 'manifests/prometheus/');
    const leaf = prometheuses.find((p) => p.metadata.name === 'leaf')!.spec;
    expect(leaf).toMatchObject({ replicas: 2, replicaExternalLabelName: 'replica', externalLabels: { dc: 'eu' }, retention: '15d',
      resources: { requests: { memory: '4Gi' }, limits: { memory: '4Gi' } } });
    expect(leaf.shards).toBeUndefined();
    expect((leaf.storage as { volumeClaimTemplate: { spec: { resources: { requests: { storage: string } } } } }).volumeClaimTemplate.spec.resources.requests.storage).toBe('100Gi');
    const shards = prometheuses.find((p) => p.metadata.name === 'shards')!.spec;
    expect(shards).toMatchObject({ replicas: 1, shards: 3, replicaExternalLabelName: '', externalLabels: { prometheus_shard: '$(SHARD)' } });
    expect(prometheuses.find((p) => p.metadata.name === 'global')!.spec.replicaExternalLabelName).toBe('');
  });

  it('static groups become ScrapeConfigs; raw-config groups and a sharded server\'s federation go to additionalScrapeConfigs', () => {
    const scrapeConfigs = docs(design(), 'manifests/scrapeconfigs/').map((d) => d.metadata.name).sort();
    expect(scrapeConfigs).toEqual(['global.federate-leaf', 'leaf.node', 'shards.node']);
    const secret = docs(design(), 'manifests/secrets/').find((d) => d.metadata.name === 'shards-additional-scrape-configs')!;
    const jobs = parse(secret.stringData![ADDITIONAL_SCRAPE_KEY]!) as { job_name: string; relabel_configs?: { regex?: string; source_labels?: string[] }[]; basic_auth?: unknown }[];
    expect(jobs.map((j) => j.job_name).sort()).toEqual(['api', 'federate-leaf']);
    const api = jobs.find((j) => j.job_name === 'api')!;
    expect(api.basic_auth).toEqual({ username: 'u', password_file: '/etc/p' });
    expect(api.relabel_configs).toEqual([
      { source_labels: ['__address__'], modulus: 3, target_label: '__tmp_hash', action: 'hashmod' },
      { source_labels: ['__tmp_hash'], regex: '$(SHARD)', action: 'keep' },
    ]);
    expect(jobs.find((j) => j.job_name === 'federate-leaf')!.relabel_configs).toBeUndefined();
  });

  it('federation and Grafana reach pods by DNS: replica a of an HA source', () => {
    const federation = docs(design(), 'manifests/scrapeconfigs/global.federate-leaf').at(0)!.spec;
    expect(federation).toMatchObject({ jobName: 'federate-leaf', honorLabels: true, metricsPath: '/federate', params: { 'match[]': ['{__name__=~"job:.*"}'] },
      staticConfigs: [{ targets: ['prometheus-leaf-0.prometheus-operated.monitoring.svc:9090'] }] });
    const cm = docs(design(), 'manifests/grafana/').at(0)!;
    const sources = (parse(cm.data!['grafana.yaml']!) as { datasources: { name: string; url: string; isDefault: boolean }[] }).datasources;
    expect(sources).toEqual([
      expect.objectContaining({ name: 'global', url: 'http://prometheus-global-0.prometheus-operated.monitoring.svc:9090', isDefault: true }),
      expect.objectContaining({ name: 'leaf', url: 'http://prometheus-leaf-0.prometheus-operated.monitoring.svc:9090', isDefault: false }),
    ]);
  });

  it('rules as a PrometheusRule picked by the server\'s ruleSelector; Alertmanager with replicas, config Secret and Service', () => {
    const rule = docs(design(), 'manifests/rules/').at(0)!;
    expect(rule.spec.groups).toEqual([{ name: 'node', rules: [{ record: 'job:up:sum', expr: 'sum by (job) (up)' }] }]);
    const am = docs(design(), 'manifests/alertmanager/');
    expect(am.find((d) => d.kind === 'Alertmanager')!.spec).toMatchObject({ replicas: 2, configSecret: 'alertmanager-am-config' });
    expect(am.find((d) => d.kind === 'Secret')!.stringData!['alertmanager.yaml']).toContain('receiver: default');
    const leaf = docs(design(), 'manifests/prometheus/leaf').at(0)!.spec;
    expect(leaf.alerting).toEqual({ alertmanagers: [{ namespace: 'monitoring', name: 'alertmanager-am', port: 'web', apiVersion: 'v2' }] });
  });

  it('byteQuantity writes binary units when exact', () => {
    expect([byteQuantity(4 * 1024 ** 3), byteQuantity(512 * 1024 ** 2), byteQuantity(1000), byteQuantity(1.5 * 1024 ** 3)]).toEqual(['4Gi', '512Mi', '1000', '1536Mi']);
  });
});

describe('prometheus-operator sharding (hashmod on __address__)', () => {
  const labels = ['__address__', 'job'];

  it('says so with a stable code when the design hashes other labels, and only for the kubernetes target', () => {
    const codes = (t: Topology) => validateTopology(t).map((d) => d.code);
    expect(codes(design({ hashmodLabels: labels, target: 'kubernetes' }))).toContain('export/operator-sharding');
    expect(codes(design({ hashmodLabels: labels }))).not.toContain('export/operator-sharding');
    expect(codes(design({ target: 'kubernetes' }))).not.toContain('export/operator-sharding');
  });

  it('the load model assigns targets to shards by the operator\'s rule for a kubernetes export', () => {
    const t = design({ hashmodLabels: labels, target: 'kubernetes' });
    const shardsServer = deploymentView(t).nodes.find((n): n is PrometheusNode => n.id === 'shards')!;
    expect(shardsServer.hashmod!.sourceLabels).toEqual(['__address__']);
    const perShard = (doc: Topology) => estimateLoad(doc).servers.shards!.instances.map((i) => i.targets);
    // Expected from the hash itself: md5 of __address__ alone, mod 3 (plus api-1, and one federation target per shard).
    const expected = [0, 1, 2].map((s) => nodeTargets.filter((a) => hashmodOf([a], 3) === s).length + (hashmodOf(['api-1:8080'], 3) === s ? 1 : 0) + 1);
    expect(perShard(t)).toEqual(expected);
    const files = design({ hashmodLabels: labels });
    const group = files.nodes.find((n): n is TargetGroupNode => n.id === 'node')!;
    const designed = assignShards(files.nodes.find((n): n is PrometheusNode => n.id === 'shards')!, group);
    expect([...designed.values()]).not.toEqual(nodeTargets.map((a) => hashmodOf([a], 3)));
    expect(deploymentView(files)).toBe(files);
  });
});

describe('compose target', () => {
  it('publishes the design port where free and the next free one where it clashes', () => {
    const t = makeTopology([server('a', { address: 'host-a:9090' }), server('b', { address: 'host-b:9090' }), server('c', { address: 'host-c:9091' }), grafana('g', { address: 'g:3000' })]);
    const { services } = composeFiles(t);
    expect(services.map((s) => [s.service, s.hostPort])).toEqual([['a', 9090], ['b', 9091], ['c', 9092], ['g', 3000]]);
  });

  it('configs address instances by service name', () => {
    const { files } = composeFiles(design());
    const global = parse(files.find((f) => f.path === 'prometheus/global/prometheus.yml')!.contents) as { scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[] };
    expect(global.scrape_configs.find((j) => j.job_name === 'federate-leaf')!.static_configs[0]!.targets).toEqual(['leaf-a:9090']);
    const leaf = parse(files.find((f) => f.path === 'prometheus/leaf-a/prometheus.yml')!.contents) as { alerting: { alertmanagers: { static_configs: { targets: string[] }[] }[] } };
    expect(leaf.alerting.alertmanagers[0]!.static_configs[0]!.targets).toEqual(['am-1:9093', 'am-2:9093']);
  });
});
