/**
 * What real setups contain, by class, imported and exported again: the meaning of each construct is
 * kept (job names, federation jobs, shard selection, replica values, rule groups, discovery), the
 * imported topology validates without errors, and nothing that was not in the configs is generated.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { generateBundle } from '../generate/generateBundle.ts';
import { estimateLoad } from '../estimate/estimateLoad.ts';
import type { FederationEdge, PrometheusNode, TargetGroupNode, Topology } from '../model/types.ts';
import { validateTopology } from '../validate/validateTopology.ts';
import { importConfigs } from './importConfigs.ts';
import { fitZoom } from './layoutImported.ts';

const files = (entries: Record<string, string>) => Object.entries(entries).map(([name, text]) => ({ name, text }));
const servers = (t: Topology) => t.nodes.filter((n): n is PrometheusNode => n.kind === 'prometheus');
const groups = (t: Topology) => t.nodes.filter((n): n is TargetGroupNode => n.kind === 'targets');
const federations = (t: Topology) => t.edges.filter((e): e is FederationEdge => e.kind === 'federation');

function imported(entries: Record<string, string>): Topology {
  const r = importConfigs(files(entries));
  expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  const errors = validateTopology(r.topology as Topology).filter((d) => d.severity === 'error');
  expect(errors.map((d) => d.message)).toEqual([]);
  return r.topology as Topology;
}

/** The exported prometheus.yml files, parsed, by bundle path. */
function exported(t: Topology): Map<string, Record<string, unknown>> {
  return new Map(generateBundle(t).files.filter((f) => f.path.endsWith('/prometheus.yml'))
    .map((f) => [f.path, parseDocument(f.contents).toJS() as Record<string, unknown>]));
}
type Job = Record<string, unknown> & { job_name: string };
const jobsOf = (config: Record<string, unknown> | undefined): Job[] => (config?.scrape_configs as Job[] | undefined) ?? [];

describe('import keeps what real configurations mean', () => {
  it('blackbox jobs with URL targets import, validate and export (relabelling makes the address)', () => {
    const t = imported({ 'bb/prometheus.yml': `scrape_configs:
  - job_name: blackbox
    metrics_path: /probe
    params: {module: [http_2xx]}
    static_configs:
      - targets: ['https://example.org', 'https://example.com/health']
    relabel_configs:
      - source_labels: [__address__]
        target_label: __param_target
      - target_label: __address__
        replacement: blackbox:9115
` });
    const [config] = [...exported(t).values()];
    expect((jobsOf(config)[0]?.static_configs as { targets: string[] }[])[0]?.targets).toEqual(['https://example.org', 'https://example.com/health']);
  });

  it('jobs keep their names exactly, also when they are not DNS-safe or taken by another node', () => {
    const t = imported({ 'prometheus/prometheus.yml': `scrape_configs:
  - job_name: prometheus
    static_configs: [{targets: ['localhost:9090']}]
  - job_name: node_private
    hetzner_sd_configs: [{role: hcloud, authorization: {credentials: x}}]
  - job_name: serviceMonitor/default/app/0
    static_configs: [{targets: ['app:8080']}]
` });
    expect(jobsOf([...exported(t).values()][0]).map((j) => j.job_name).sort()).toEqual(['node_private', 'prometheus', 'serviceMonitor/default/app/0']);
    expect(groups(t).every((g) => g.labels.job === undefined)).toBe(true);
  });

  it('a service-discovery job is a target group fed by discovery: no "scrapes nothing", load from the count given', () => {
    const t = imported({ 'k8s/prometheus.yml': `scrape_configs:
  - job_name: pods
    kubernetes_sd_configs: [{role: pod}]
` });
    const [group] = groups(t);
    expect(group?.discovery).toEqual({});
    const codes = validateTopology(t).map((d) => d.code);
    expect(codes).not.toContain('targets/empty');
    expect(codes).toContain('targets/discovery-count');
    const server = servers(t)[0] as PrometheusNode;
    const withCount: Topology = { ...t, nodes: t.nodes.map((n) => (n.kind === 'targets' ? { ...n, discovery: { targets: 40 }, exporter: 'node_exporter' } : n)) };
    const before = estimateLoad(t).servers[server.id]?.activeSeries ?? 0;
    const after = estimateLoad(withCount).servers[server.id]?.activeSeries ?? 0;
    expect(after).toBeGreaterThan(before + 40 * 100);
  });

  it('file_sd target lists in the folder count the targets of the jobs that read them, and are not configs', () => {
    const r = importConfigs(files({
      'scylla/prometheus.yml': `scrape_configs:
  - job_name: scylla
    file_sd_configs: [{files: [/etc/scylla.d/prometheus/targets/*.yml]}]
`,
      'scylla/targets/servers.yml': `- targets: [10.0.0.1:9180, 10.0.0.2:9180]
  labels: {cluster: c1}
- targets: [10.0.0.3:9180]
`,
    }));
    expect(r.ok).toBe(true);
    expect(groups(r.topology as Topology)[0]?.discovery).toEqual({ targets: 3 });
    expect(r.diagnostics.some((d) => d.code === 'import/ignored' && d.message.includes('scylla/targets/servers.yml') && d.message.includes('3 targets'))).toBe(true);
  });

  it('a folder of mixed files: empty rule files are rule files, other YAML is skipped with the reason', () => {
    const r = importConfigs(files({
      'istio/prometheus.yml': 'rule_files: [/etc/config/recording_rules.yml, /etc/config/alerting_rules.yml]\nscrape_configs:\n  - job_name: p\n    static_configs: [{targets: [\'a:1\']}]\n',
      'istio/recording_rules.yml': '{}\n',
      'istio/alerting_rules.yml': 'groups:\n  - name: g\n    rules:\n      - alert: Down\n        expr: up == 0\n',
      'istio/docker-compose.yml': 'services:\n  prometheus: {image: prom/prometheus}\n',
    }));
    expect(r.ok).toBe(true);
    const t = r.topology as Topology;
    expect(servers(t)).toHaveLength(1);
    expect(servers(t)[0]?.ruleGroups.map((g) => g.name)).toEqual(['g']);
    expect(r.diagnostics.filter((d) => d.code === 'import/rule-file-missing')).toEqual([]);
    expect(r.diagnostics.some((d) => d.code === 'import/ignored' && d.message.includes('docker-compose'))).toBe(true);
  });

  it('rule groups with one name in different files stay in different files', () => {
    const group = (alert: string) => `groups:\n  - name: alert.rules\n    rules:\n      - alert: ${alert}\n        expr: up == 0\n`;
    const t = imported({
      'tidb/prometheus.yml': "rule_files: ['*.rules.yml']\nscrape_configs:\n  - job_name: p\n    static_configs: [{targets: ['a:1']}]\n",
      'tidb/pd.rules.yml': group('PdDown'), 'tidb/tikv.rules.yml': group('TikvDown'),
    });
    const bundle = generateBundle(t).files;
    const config = parseDocument(bundle.find((f) => f.path.endsWith('prometheus.yml'))?.contents ?? '').toJS() as { rule_files: string[] };
    expect(config.rule_files).toEqual(['rules.yml', 'rules-2.yml']);
    const ruleFiles = bundle.filter((f) => /rules(-2)?\.yml$/.test(f.path)).map((f) => (parseDocument(f.contents).toJS() as { groups: { name: string }[] }).groups.map((g) => g.name));
    expect(ruleFiles).toEqual([['alert.rules'], ['alert.rules']]);
  });

  it('federation jobs keep job name, target labels, port, scheme, auth, TLS and relabelling; unknown sources are external', () => {
    const t = imported({
      'federation/prometheus/prometheus.yml': `scrape_configs:
  - job_name: federation-autojoin
    honor_labels: true
    metrics_path: /federate
    scheme: https
    basic_auth: {username: u, password: p}
    tls_config: {insecure_skip_verify: true}
    params:
      'match[]': [script_success]
    static_configs:
      - targets: ['prometheus-autojoin-basic.sandbox.example.net']
        labels: {cluster: autojoin}
    metric_relabel_configs:
      - source_labels: [deployment]
        regex: ndt.*
        target_label: experiment
  - job_name: platform
    metrics_path: /federate
    params: {'match[]': [up]}
    static_configs:
      - targets: ['platform.example.net:9091']
`,
      'autojoin/prometheus/prometheus.yml': `global:
  external_labels: {cluster: autojoin}
scrape_configs:
  - job_name: node
    static_configs: [{targets: ['n:9100']}]
`,
    });
    // Matched by meaning: the target's cluster label is the server's external label.
    const autojoin = servers(t).find((s) => s.externalLabels.cluster === 'autojoin') as PrometheusNode;
    expect(autojoin.address).toBe('prometheus-autojoin-basic.sandbox.example.net:443');
    const external = servers(t).filter((s) => s.external);
    expect(external.map((s) => s.address)).toEqual(['platform.example.net:9091']);
    expect(federations(t).find((e) => e.source === autojoin.id)?.labels).toEqual({ cluster: 'autojoin' });
    const configs = exported(t);
    // Two imported configs in, two out: the external source gets no files.
    expect(configs.size).toBe(2);
    const global = [...configs.entries()].find(([p]) => p.includes('federation'))?.[1];
    const job = jobsOf(global).find((j) => j.job_name === 'federation-autojoin') as Job;
    expect(job).toMatchObject({
      honor_labels: true, metrics_path: '/federate', scheme: 'https', basic_auth: { username: 'u', password: 'p' },
      tls_config: { insecure_skip_verify: true }, params: { 'match[]': ['script_success'] },
      static_configs: [{ targets: ['prometheus-autojoin-basic.sandbox.example.net'], labels: { cluster: 'autojoin' } }],
    });
    expect((job.metric_relabel_configs as unknown[]).length).toBe(1);
    expect(jobsOf(global).find((j) => j.job_name === 'platform')?.static_configs).toEqual([{ targets: ['platform.example.net:9091'] }]);
  });

  it('a federation job with several sources stays one job', () => {
    const leaf = (dc: string) => `global: {external_labels: {dc: ${dc}}}\nscrape_configs:\n  - job_name: node\n    static_configs: [{targets: ['n-${dc}:9100']}]\n`;
    const t = imported({
      'eu/prometheus.yml': leaf('eu'), 'us/prometheus.yml': leaf('us'),
      'global/prometheus.yml': "scrape_configs:\n  - job_name: federate\n    honor_labels: true\n    metrics_path: /federate\n    params: {'match[]': ['{__name__=~\"job:.*\"}']}\n    static_configs:\n      - targets: ['eu:9090', 'us:9090']\n",
    });
    expect(federations(t)).toHaveLength(2);
    const global = [...exported(t).entries()].find(([p]) => p.includes('global'))?.[1];
    const federate = jobsOf(global).filter((j) => j.job_name === 'federate');
    expect(federate).toHaveLength(1);
    expect((federate[0]?.static_configs as { targets: string[] }[]).flatMap((s) => s.targets).sort()).toEqual(['eu:9090', 'us:9090']);
  });

  it('an HA pair in one folder gets two addresses and keeps its replica values', () => {
    const replica = (v: string) => `global:\n  external_labels: {cluster: c, __replica__: ${v}}\nscrape_configs:\n  - job_name: node\n    static_configs: [{targets: ['n:9100']}]\n`;
    const t = imported({ 'prom/prometheus-0.yml': replica('prometheus-0'), 'prom/prometheus-1.yml': replica('prometheus-1') });
    const [server] = servers(t);
    expect(server?.ha?.replicaValues).toEqual(['prometheus-0', 'prometheus-1']);
    const values = [...exported(t).values()].map((c) => (c.global as { external_labels: Record<string, string> }).external_labels.__replica__).sort();
    expect(values).toEqual(['prometheus-0', 'prometheus-1']);
  });

  it.each([
    ['anchored', (n: number) => `- source_labels: [__address__]\n        modulus: 2\n        target_label: __tmp_hash\n        action: hashmod\n      - source_labels: [__tmp_hash]\n        regex: '^${n}$'\n        action: keep`],
    ['operator two-label keep', (n: number) => `- source_labels: [__address__]\n        modulus: 2\n        target_label: __tmp_hash\n        action: hashmod\n      - source_labels: [__tmp_hash, __tmp_disable_sharding]\n        regex: ${n};|.+;.+\n        action: keep`],
  ])('hashmod shards are recognised by meaning (%s) and every shard exports its own selection', (_, rules) => {
    const shard = (n: number) => `global:\n  external_labels: {shard: '${n}'}\nscrape_configs:\n  - job_name: node\n    static_configs: [{targets: ['a:9100', 'b:9100']}]\n    relabel_configs:\n      ${rules(n)}\n`;
    const t = imported({ 'shard-0/prometheus.yml': shard(0), 'shard-1/prometheus.yml': shard(1) });
    expect(servers(t)).toHaveLength(1);
    expect(servers(t)[0]?.hashmod?.shards).toBe(2);
    const configs = [...exported(t).values()];
    expect(configs.map((c) => (c.global as { external_labels: Record<string, string> }).external_labels)).toEqual([{ shard: '0' }, { shard: '1' }]);
    const keeps = configs.map((c) => (jobsOf(c)[0]?.relabel_configs as { action: string; regex: string }[]).filter((r) => r.action === 'keep').map((r) => r.regex));
    expect(keeps).toEqual([[rules(0).match(/regex: '?([^'\n]*)'?/)?.[1]], [rules(1).match(/regex: '?([^'\n]*)'?/)?.[1]]]);
  });

  it('server names do not depend on how paths are typed', () => {
    const config = "scrape_configs:\n  - job_name: p\n    static_configs: [{targets: ['a:1']}]\n";
    const a = importConfigs(files({ 'dockprom/prometheus.yml': config })).topology as Topology;
    const b = importConfigs(files({ '/home/me/dockprom/prometheus.yml': config })).topology as Topology;
    const c = importConfigs(files({ 'dockprom/prometheus/prometheus.yml': config })).topology as Topology;
    expect([servers(a)[0]?.name, servers(b)[0]?.name, servers(c)[0]?.name]).toEqual(['dockprom', 'dockprom', 'dockprom']);
  });

  it('a large import is readable at fit view (50+ nodes)', () => {
    const jobs = Array.from({ length: 24 }, (_, i) => `  - job_name: job-${i}\n    static_configs: [{targets: ['t${i}:9100']}]\n`).join('');
    const t = imported({ 'a/prometheus.yml': `global: {external_labels: {s: a}}\nscrape_configs:\n${jobs}`, 'b/prometheus.yml': `global: {external_labels: {s: b}}\nscrape_configs:\n${jobs.replace(/t(\d+):/g, 'u$1:')}` });
    expect(t.nodes.length).toBeGreaterThanOrEqual(50);
    // One tall dagre column would fit at about 0.13; node labels need about half size to be read.
    expect(fitZoom(t)).toBeGreaterThanOrEqual(0.5);
  });
});
