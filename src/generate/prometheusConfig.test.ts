import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generatePrometheusConfig } from './prometheusConfig.ts';
import { alertEdge, alertmanager, federationEdge, makeTopology, scrapeEdge, server, targets } from './testBuilders.ts';

type Config = any;
const config = (t: ReturnType<typeof makeTopology>, id: string, index = 0): Config => parse(generatePrometheusConfig(t, id, index));
const job = (c: Config, name: string) => c.scrape_configs.find((j: Config) => j.job_name === name);

describe('generatePrometheusConfig', () => {
  it('writes the global block, external labels and a scrape job per scrape edge', () => {
    const t = makeTopology(
      [server('leaf', { externalLabels: { dc: 'eu' }, scrapeInterval: '30s' }),
        targets('node', ['n1:9100', 'n2:9100'], { labels: { team: 'ops' }, scrapeInterval: '1m', metricsPath: '/m', scheme: 'https' })],
      [scrapeEdge('leaf', 'node')],
    );
    const c = config(t, 'leaf');
    expect(c.global).toEqual({ scrape_interval: '30s', scrape_timeout: '10s', evaluation_interval: '15s', external_labels: { dc: 'eu' } });
    expect(job(c, 'node')).toEqual({
      job_name: 'node', scrape_interval: '1m', metrics_path: '/m', scheme: 'https',
      static_configs: [{ targets: ['n1:9100', 'n2:9100'], labels: { team: 'ops' } }],
    });
    expect(c.rule_files).toBeUndefined();
    expect(c.alerting).toBeUndefined();
  });

  it('puts job_name first and single-quotes addresses and selectors', () => {
    const t = makeTopology([server('g', { role: 'global' }), server('leaf'), targets('node', ['n1:9100'])],
      [scrapeEdge('leaf', 'node'), federationEdge('g', 'leaf', ['{__name__=~"job:.*"}'])]);
    expect(generatePrometheusConfig(t, 'leaf')).toMatch(/ {2}- job_name: node\n {4}static_configs:\n {6}- targets: \['n1:9100'\]/);
    expect(generatePrometheusConfig(t, 'g')).toContain(`      'match[]':\n        - '{__name__=~"job:.*"}'`);
  });

  it('writes count placeholders with a comment', () => {
    const t = makeTopology([server('leaf'), targets('api', [], { count: 2, port: 8080 })], [scrapeEdge('leaf', 'api')]);
    const text = generatePrometheusConfig(t, 'leaf');
    expect(text).toContain('# 2 placeholder targets (count)');
    expect(job(parse(text), 'api').static_configs).toEqual([{ targets: ['api-1:8080', 'api-2:8080'] }]);
  });

  it('writes a /federate job with honor_labels and match[] per federation edge', () => {
    const t = makeTopology([server('g', { role: 'global' }), server('leaf-eu', { address: 'prom-eu:9090' })],
      [federationEdge('g', 'leaf-eu', ['{__name__=~"job:.*"}', 'up'], { scrapeInterval: '30s', scrapeTimeout: '25s' })]);
    expect(job(config(t, 'g'), 'federate-leaf-eu')).toEqual({
      job_name: 'federate-leaf-eu', honor_labels: true, scrape_interval: '30s', scrape_timeout: '25s',
      metrics_path: '/federate', params: { 'match[]': ['{__name__=~"job:.*"}', 'up'] },
      static_configs: [{ targets: ['prom-eu:9090'] }],
    });
  });

  it.each([
    [undefined, ['leaf-a:9090']],
    [1, ['leaf-b:9090']],
    ['all', ['leaf-a:9090', 'leaf-b:9090']],
  ])('federates replica %s of an HA source', (sourceReplica, expected) => {
    const t = makeTopology(
      [server('g', { role: 'global' }), server('leaf', { ha: { replicas: 2 }, instanceAddresses: ['leaf-a:9090', 'leaf-b:9090'] })],
      [federationEdge('g', 'leaf', ['up'], sourceReplica === undefined ? {} : { sourceReplica })]);
    expect(job(config(t, 'g'), 'federate-leaf').static_configs[0].targets).toEqual(expected);
  });

  it('federates every shard of a hashmod source', () => {
    const t = makeTopology([server('g', { role: 'global' }), server('s', { role: 'shard', address: 's:9090', hashmod: { shards: 3 } })],
      [federationEdge('g', 's', ['up'])]);
    expect(job(config(t, 'g'), 'federate-s').static_configs[0].targets).toEqual(['s:9090', 's:9091', 's:9092']);
  });

  it('gives each HA replica its label, drops it from alerts and lists every Alertmanager instance', () => {
    const t = makeTopology(
      [server('leaf', { externalLabels: { dc: 'eu' }, ha: { replicas: 2, replicaLabel: 'prometheus_replica' } }),
        alertmanager('am', ['am-1:9093', 'am-2:9093'])],
      [alertEdge('leaf', 'am')]);
    const [a, b] = [config(t, 'leaf', 0), config(t, 'leaf', 1)];
    expect(a.global.external_labels).toEqual({ dc: 'eu', prometheus_replica: 'a' });
    expect(b.global.external_labels).toEqual({ dc: 'eu', prometheus_replica: 'b' });
    expect(a.alerting).toEqual({
      alert_relabel_configs: [{ action: 'labeldrop', regex: 'prometheus_replica' }],
      alertmanagers: [{ static_configs: [{ targets: ['am-1:9093', 'am-2:9093'] }] }],
    });
    const strip = (c: Config) => ({ ...c, global: { ...c.global, external_labels: {} } });
    expect(strip(a)).toEqual(strip(b));
  });

  it('keeps the replica label on alerts when dropReplicaLabelOnAlerts is false', () => {
    const t = makeTopology([server('leaf', { ha: { replicas: 2, dropReplicaLabelOnAlerts: false } })]);
    expect(config(t, 'leaf').alerting).toBeUndefined();
  });

  it('adds the hashmod + keep pair of its shard to every scrape job, not to federation jobs', () => {
    const t = makeTopology(
      [server('s', { role: 'shard', hashmod: { shards: 4, sourceLabels: ['__address__'] } }), server('leaf'),
        targets('node', ['n1:9100']), targets('api', ['a1:80'])],
      [scrapeEdge('s', 'node'), scrapeEdge('s', 'api'), federationEdge('s', 'leaf', ['up'])]);
    const c = config(t, 's', 2);
    for (const name of ['node', 'api']) {
      expect(job(c, name).relabel_configs).toEqual([
        { source_labels: ['__address__'], modulus: 4, target_label: '__tmp_hash', action: 'hashmod' },
        { source_labels: ['__tmp_hash'], regex: '2', action: 'keep' },
      ]);
    }
    expect(job(c, 'federate-leaf').relabel_configs).toBeUndefined();
    expect(c.global.external_labels).toEqual({ prometheus_shard: '2' });
  });

  it('sorts jobs by name whatever the edge order', () => {
    const t = makeTopology([server('leaf'), targets('b', ['b:1']), targets('a', ['a:1'])], [scrapeEdge('leaf', 'b'), scrapeEdge('leaf', 'a')]);
    expect(config(t, 'leaf').scrape_configs.map((j: Config) => j.job_name)).toEqual(['a', 'b']);
  });

  it('references the rule file when the server has rule groups', () => {
    const t = makeTopology([server('leaf', { ruleGroups: [{ name: 'g', rules: [{ record: 'job:up:sum', expr: 'sum by (job) (up)' }] }] })]);
    expect(config(t, 'leaf').rule_files).toEqual(['rules.yml']);
  });

  describe('raw YAML escape hatches', () => {
    it('appends extraScrapeConfigs and keeps extraConfig sections verbatim, comments included', () => {
      const t = makeTopology([server('leaf', {
        extraScrapeConfigs: '# imported\n- job_name: blackbox\n  static_configs:\n    - targets: [bb:9115]\n',
        extraConfig: 'remote_write:\n  - url: http://mimir/api/v1/push # central\n',
      }), targets('node', ['n:1'])], [scrapeEdge('leaf', 'node')]);
      const text = generatePrometheusConfig(t, 'leaf');
      const c = parse(text);
      expect(c.scrape_configs.map((j: Config) => j.job_name)).toEqual(['node', 'blackbox']);
      expect(c.remote_write).toEqual([{ url: 'http://mimir/api/v1/push' }]);
      expect(text).toContain('# central');
    });

    it('merges a target group extraConfig into its job: relabel_configs before the hashmod pair, job_name kept', () => {
      const t = makeTopology([server('s', { hashmod: { shards: 2 } }),
        targets('node', ['n:1'], { extraConfig: 'job_name: other\nbasic_auth:\n  username: u\nrelabel_configs:\n  - action: labeldrop\n    regex: tmp\n' })],
      [scrapeEdge('s', 'node')]);
      const j = config(t, 's', 1).scrape_configs[0];
      expect(j.job_name).toBe('node');
      expect(j.basic_auth).toEqual({ username: 'u' });
      expect(j.relabel_configs.map((r: Config) => r.action)).toEqual(['labeldrop', 'hashmod', 'keep']);
    });

    it('merges extraConfig global keys without overriding generated ones', () => {
      const t = makeTopology([server('leaf', { extraConfig: 'global:\n  scrape_interval: 1m\n  query_log_file: q.log\n' })]);
      expect(config(t, 'leaf').global).toMatchObject({ scrape_interval: '15s', query_log_file: 'q.log' });
    });

    it('leaves out raw YAML that does not parse, with a comment, instead of failing', () => {
      const t = makeTopology([server('leaf', { extraConfig: 'a: [', extraScrapeConfigs: 'not: a list' }), targets('n', ['n:1'])], [scrapeEdge('leaf', 'n')]);
      const text = generatePrometheusConfig(t, 'leaf');
      expect(text).toContain('# extraConfig left out');
      expect(text).toContain('# extraScrapeConfigs left out: expected a YAML list');
      expect(parse(text).scrape_configs).toHaveLength(1);
    });
  });

  it('returns an empty text for an unknown server', () => {
    expect(generatePrometheusConfig(makeTopology([]), 'nope')).toBe('');
  });
});
