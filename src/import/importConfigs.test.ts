import { describe, expect, it } from 'vitest';
import { generateBundle } from '../generate/generateBundle.ts';
import type { FederationEdge, PrometheusNode, TargetGroupNode, Topology } from '../model/types.ts';
import { validateTopology } from '../validate/validateTopology.ts';
import { importConfigs } from './importConfigs.ts';

/** Builder: the files of one import. */
function files(entries: Record<string, string>) {
  return Object.entries(entries).map(([name, text]) => ({ name, text }));
}
const servers = (t: Topology) => t.nodes.filter((n): n is PrometheusNode => n.kind === 'prometheus');
const groups = (t: Topology) => t.nodes.filter((n): n is TargetGroupNode => n.kind === 'targets');
function imported(entries: Record<string, string>): Topology {
  const r = importConfigs(files(entries));
  expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  return r.topology as Topology;
}

const leaf = (dc: string, extra = '') => `global:
  scrape_interval: 15s
  external_labels:
    dc: ${dc}${extra}
scrape_configs:
  - job_name: node
    static_configs:
      - targets: ['node-${dc}-1:9100', 'node-${dc}-2:9100']
        labels:
          team: infra
`;

describe('importConfigs: bad input is refused with a message naming the file (and line)', () => {
  it.each([
    ['duplicate key', 'scrape_configs: []\nscrape_configs: []\n', 'field scrape_configs already set in type config.plain', 'line 2'],
    ['unknown key', 'global:\n  scrape_intervall: 1m\n', 'field scrape_intervall not found in type config.plain', 'line 2'],
    ['alias bomb', 'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n', 'aliases expand too much', ''],
    ['binary', 'global:\u0000\n', 'NUL bytes', ''],
    ['too large', `# ${'x'.repeat(5 * 1024 * 1024)}\n`, 'larger than 5 MiB', ''],
    ['not a mapping', '- a\n- b\n', 'cannot unmarshal !!seq into config.plain', ''],
    ['YAML syntax', 'global: [1\n', 'parsing YAML file p.yml: yaml: line 2', 'line 2'],
    ['bad duration', 'global:\n  scrape_interval: 30m1h\n', 'not a valid duration string: "30m1h"', 'line 2'],
    ['timeout > interval', 'global:\n  scrape_interval: 5s\n  scrape_timeout: 6s\n', 'global scrape timeout greater than scrape interval', ''],
    ['job timeout > interval', 'scrape_configs:\n  - job_name: a\n    scrape_interval: 5s\n    scrape_timeout: 6s\n', 'scrape timeout greater than scrape interval for scrape config with job name "a"', ''],
    ['empty job name', 'scrape_configs:\n  - job_name: ""\n', 'job_name is empty', ''],
    ['URL target', 'scrape_configs:\n  - job_name: a\n    static_configs:\n      - targets: [http://x:9100]\n', '"http://x:9100" is not a valid hostname', ''],
    ['hashmod without modulus', 'scrape_configs:\n  - job_name: a\n    relabel_configs:\n      - {source_labels: [__address__], target_label: h, action: hashmod}\n', 'relabel configuration for hashmod requires non-zero modulus', ''],
    ['bad regex', 'scrape_configs:\n  - job_name: a\n    relabel_configs:\n      - {regex: "a(", target_label: x}\n', 'error parsing regexp', ''],
    ['look-ahead regex (RE2 has none)', 'scrape_configs:\n  - job_name: a\n    relabel_configs:\n      - {regex: "a(?=b)", target_label: x}\n', 'invalid or unsupported Perl syntax', ''],
    ['legacy label name', 'global:\n  metric_name_validation_scheme: legacy\n  external_labels:\n    "a-b": x\n', '"a-b" is not a valid label name', ''],
    ['rule path glob', 'rule_files: ["a/*/b.yml"]\n', 'invalid rule file path "a/*/b.yml"', ''],
  ])('%s', (_, text, message, line) => {
    const r = importConfigs(files({ 'p.yml': text }));
    expect(r.ok).toBe(false);
    expect(r.topology).toBeUndefined();
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.message).join('\n')).toContain(message);
    expect(errors[0]?.message).toContain('p.yml');
    if (line) expect(errors.map((d) => d.message).join('\n')).toContain(line);
  });

  it('one bad file among good ones: nothing is imported', () => {
    const r = importConfigs(files({ 'eu/prometheus.yml': leaf('eu'), 'us/prometheus.yml': 'global: {scrape_interval: bad}\n' }));
    expect(r.ok).toBe(false);
    expect(r.topology).toBeUndefined();
  });

  it('no files / no config', () => {
    expect(importConfigs([]).ok).toBe(false);
    expect(importConfigs(files({ 'rules.yml': 'groups: []\n' })).diagnostics[0]?.code).toBe('import/no-config');
  });
});

describe('importConfigs: what becomes what', () => {
  it('servers are named from the folder; static targets become target groups with their labels', () => {
    const t = imported({ 'leaf-eu/prometheus.yml': leaf('eu'), 'leaf-us/prometheus.yml': leaf('us') });
    expect(servers(t).map((s) => [s.name, s.role, s.address, s.externalLabels])).toEqual([
      ['leaf-eu', 'leaf', 'leaf-eu:9090', { dc: 'eu' }],
      ['leaf-us', 'leaf', 'leaf-us:9090', { dc: 'us' }],
    ]);
    // Node names are unique: the second `node` group gets another node name and keeps its job name exactly.
    expect(groups(t).map((g) => [g.name, g.jobName, g.targets, g.labels, g.exporter])).toEqual([
      ['node', undefined, ['node-eu-1:9100', 'node-eu-2:9100'], { team: 'infra' }, 'node_exporter'],
      ['node-2', 'node', ['node-us-1:9100', 'node-us-2:9100'], { team: 'infra' }, 'node_exporter'],
    ]);
    expect(t.edges.filter((e) => e.kind === 'scrape')).toHaveLength(2);
    expect(t.nodes.every((n) => Number.isFinite(n.position.x) && Number.isFinite(n.position.y))).toBe(true);
  });

  it('/federate jobs become federation edges to the server whose address matches, else an external server', () => {
    const global = `scrape_configs:
  - job_name: federate-leaf-eu
    honor_labels: true
    metrics_path: /federate
    params:
      'match[]': ['{__name__=~"job:.*"}', 'up']
    static_configs:
      - targets: ['leaf-eu:9090', 'old-dc:9090']
`;
    const r = importConfigs(files({ 'leaf-eu/prometheus.yml': leaf('eu'), 'global/prometheus.yml': global }));
    const t = r.topology as Topology;
    const byId = new Map(t.nodes.map((n) => [n.id, n.name]));
    const fed = t.edges.filter((e): e is FederationEdge => e.kind === 'federation');
    expect(fed.map((e) => [byId.get(e.server), byId.get(e.source), e.match, e.honorLabels])).toEqual([
      ['global', 'leaf-eu', ['{__name__=~"job:.*"}', 'up'], true],
      ['global', 'old-dc', ['{__name__=~"job:.*"}', 'up'], true],
    ]);
    expect(servers(t).find((s) => s.name === 'global')?.role).toBe('global');
    expect(r.diagnostics.some((d) => d.code === 'import/external-server' && d.message.includes('old-dc:9090'))).toBe(true);
  });

  it('files that differ only by a replica label become one HA server; labeldrop sets dropReplicaLabelOnAlerts', () => {
    const alerting = '\nalerting:\n  alert_relabel_configs:\n    - action: labeldrop\n      regex: replica\n  alertmanagers:\n    - static_configs:\n        - targets: [am-1:9093, am-2:9093]\n';
    const t = imported({ 'prom-a/prometheus.yml': leaf('eu', '\n    replica: a') + alerting, 'prom-b/prometheus.yml': leaf('eu', '\n    replica: b') + alerting });
    const [s] = servers(t);
    expect(servers(t)).toHaveLength(1);
    expect(s?.name).toBe('prom');
    expect(s?.ha).toEqual({ replicas: 2, replicaLabel: 'replica', dropReplicaLabelOnAlerts: true });
    expect(s?.externalLabels).toEqual({ dc: 'eu' });
    expect(s?.extraConfig).toBeUndefined();
    const am = t.nodes.find((n) => n.kind === 'alertmanager');
    expect(am?.kind === 'alertmanager' && am.instances.map((i) => i.address)).toEqual(['am-1:9093', 'am-2:9093']);
    expect(t.edges.filter((e) => e.kind === 'alert')).toHaveLength(1);
  });

  it('hashmod relabelling across files becomes one hashmod-sharded server', () => {
    const shard = (n: number) => `scrape_configs:
  - job_name: node
    static_configs:
      - targets: ['n1:9100', 'n2:9100', 'n3:9100']
    relabel_configs:
      - source_labels: [__address__]
        modulus: 2
        target_label: __tmp_hash
        action: hashmod
      - source_labels: [__tmp_hash]
        regex: ${n}
        action: keep
`;
    const t = imported({ 'shard-0.yml': shard(0), 'shard-1.yml': shard(1) });
    expect(servers(t)).toHaveLength(1);
    expect(servers(t)[0]?.hashmod).toEqual({ shards: 2, sourceLabels: ['__address__'] });
    expect(servers(t)[0]?.role).toBe('shard');
    expect(groups(t)[0]?.extraConfig).toBeUndefined();
  });

  it('unmodelled sections are kept verbatim and exported again', () => {
    const text = `global:
  scrape_interval: 30s
  query_log_file: q.log
scrape_configs:
  - job_name: k8s
    honor_labels: true
    kubernetes_sd_configs:
      - role: pod
    metric_relabel_configs:
      - {source_labels: [__name__], regex: 'go_.*', action: drop}
remote_write:
  - url: http://remote/push
    send_exemplars: true
`;
    const r = importConfigs(files({ 'p1/prometheus.yml': text }));
    expect(r.ok).toBe(true);
    expect(r.diagnostics.filter((d) => d.code === 'import/kept-verbatim')).toHaveLength(2);
    const out = generateBundle(r.topology as Topology).files.find((f) => f.path === 'prometheus/p1/prometheus.yml')?.contents ?? '';
    for (const piece of ['query_log_file: q.log', 'kubernetes_sd_configs:', 'role: pod', 'honor_labels: true', "regex: 'go_.*'", 'url: http://remote/push', 'send_exemplars: true']) {
      expect(out).toContain(piece);
    }
    const again = importConfigs([{ name: 'p1/prometheus.yml', text: out }]);
    expect(again.ok).toBe(true);
  });

  it('rule files given beside a config become its rule groups; a missing one is kept as a path with a warning', () => {
    const config = 'rule_files: [rules/*.yml, missing.yml]\nscrape_configs: []\n';
    const rules = 'groups:\n  - name: g\n    interval: 1m\n    rules:\n      - record: job:up:sum\n        expr: sum by (job) (up)\n      - alert: Down\n        expr: up == 0\n        for: 5m\n        labels: {severity: page}\n';
    const r = importConfigs(files({ 'x/prometheus.yml': config, 'x/rules/a.yml': rules }));
    const s = servers(r.topology as Topology)[0];
    expect(s?.ruleGroups).toEqual([{ name: 'g', interval: '1m', rules: [
      { record: 'job:up:sum', expr: 'sum by (job) (up)' },
      { alert: 'Down', expr: 'up == 0', for: '5m', labels: { severity: 'page' } },
    ] }]);
    expect(r.diagnostics.some((d) => d.code === 'import/rule-file-missing' && d.severity === 'warning')).toBe(true);
    expect(s?.extraConfig).toContain('missing.yml');
  });

  it.each([
    ['bad record name', '      - record: "bad name"\n        expr: up\n', 'invalid recording rule name'],
    ['PromQL syntax', '      - record: job:up:sum\n        expr: sum(up\n', 'could not parse expression: 1:'],
    ['record and alert', '      - record: a\n        alert: B\n        expr: up\n', "only one of 'record' and 'alert' must be set"],
    ['for on a recording rule', '      - record: a\n        expr: up\n        for: 5m\n', "invalid field 'for' in recording rule"],
  ])('bad rule file: %s, with rulefmt\'s message', (_, rule, message) => {
    const r = importConfigs(files({ 'p.yml': 'rule_files: [r.yml]\n', 'r.yml': `groups:\n  - name: g\n    rules:\n${rule}` }));
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]?.message).toContain(message);
    expect(r.diagnostics[0]?.message).toContain('r.yml');
  });

  it('an imported federation hierarchy passes the validator without errors (exportable as is)', () => {
    const global = `global:
  scrape_interval: 30s
  scrape_timeout: 25s
scrape_configs:
${['eu', 'us'].map((dc) => `  - job_name: federate-leaf-${dc}
    honor_labels: true
    metrics_path: /federate
    params:
      'match[]': ['{__name__=~"job:.*"}']
    static_configs:
      - targets: ['leaf-${dc}:9090']
`).join('')}`;
    const t = imported({ 'leaf-eu/prometheus.yml': leaf('eu'), 'leaf-us/prometheus.yml': leaf('us'), 'global/prometheus.yml': global });
    expect(t.edges.filter((e) => e.kind === 'federation')).toHaveLength(2);
    expect(validateTopology(t).filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  });

  it('is deterministic', () => {
    const input = files({ 'a/prometheus.yml': leaf('eu'), 'b/prometheus.yml': leaf('us') });
    expect(JSON.stringify(importConfigs(input))).toBe(JSON.stringify(importConfigs(input)));
  });
});
