import { describe, expect, it } from 'vitest';
import { assignShards, hashmodOf, shardAssignmentProblem, targetLabelsBeforeRelabel } from './hashmod.ts';
import type { PrometheusNode, TargetGroupNode } from './types.ts';

const server = (extra: Partial<PrometheusNode> = {}): PrometheusNode => ({
  id: 's', kind: 'prometheus', role: 'shard', name: 'prom-shard', address: '127.0.0.1:9090',
  externalLabels: {}, scrapeInterval: '15s', scrapeTimeout: '10s', evaluationInterval: '15s',
  retention: '15d', ruleGroups: [], position: { x: 0, y: 0 },
  hashmod: { shards: 3, sourceLabels: ['__address__'] }, ...extra,
});
const group = (extra: Partial<TargetGroupNode> = {}): TargetGroupNode => ({
  id: 'g', kind: 'targets', name: 'node', targets: ['10.0.0.1:9100', '10.0.0.2:9100', '10.0.0.3:9100'],
  labels: {}, position: { x: 0, y: 0 }, ...extra,
});

describe('hashmodOf', () => {
  // Vectors from Prometheus' model/relabel/relabel_test.go.
  it.each([
    [['baz'], 1000, 976],
    [['foo\nbar'], 1000, 734],
  ])('hashmod(%j, %i) = %i as in Prometheus', (values, modulus, expected) => {
    expect(hashmodOf(values, modulus)).toBe(expected);
  });

  it('joins several values with ";" before hashing', () => {
    expect(hashmodOf(['foo', 'bar'], 1000)).toBe(hashmodOf(['foo;bar'], 1000));
  });

  it('is always within [0, modulus)', () => {
    for (let i = 0; i < 200; i++) {
      const v = hashmodOf([`10.0.${i}.1:9100`], 7);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(7);
    }
  });

  it('refuses a zero modulus like Prometheus does', () => {
    expect(() => hashmodOf(['x'], 0)).toThrow(/modulus/);
  });
});

describe('assignShards', () => {
  it('hashes the address of every static target', () => {
    const shards = assignShards(server(), group());
    expect([...shards.keys()]).toEqual(['10.0.0.1:9100', '10.0.0.2:9100', '10.0.0.3:9100']);
    for (const [address, shard] of shards) expect(shard).toBe(hashmodOf([address], 3));
  });

  it('uses group labels and the job name for other source labels', () => {
    const s = server({ hashmod: { shards: 5, sourceLabels: ['job', 'dc', '__address__'] } });
    const shards = assignShards(s, group({ labels: { dc: 'eu' } }));
    expect(shards.get('10.0.0.2:9100')).toBe(hashmodOf(['node', 'eu', '10.0.0.2:9100'], 5));
  });

  it('hashes a label that is not set as the empty string', () => {
    const s = server({ hashmod: { shards: 5, sourceLabels: ['team', '__address__'] } });
    expect(assignShards(s, group()).get('10.0.0.1:9100')).toBe(hashmodOf(['', '10.0.0.1:9100'], 5));
  });

  it('assigns the placeholders of a counted group', () => {
    const shards = assignShards(server(), group({ targets: [], count: 2, port: 9100 }));
    expect([...shards.keys()]).toEqual(['node-1:9100', 'node-2:9100']);
  });

  it.each([
    ['a plain server', server({ hashmod: undefined }), group(), /not hashmod-sharded/],
    ['own relabel_configs', server(), group({ extraConfig: 'relabel_configs:\n  - action: drop\n' }), /relabel_configs/],
    ['an SD label', server({ hashmod: { shards: 2, sourceLabels: ['__meta_kubernetes_pod_name'] } }), group(), /service discovery/],
  ])('cannot compute the assignment for %s', (_, s, g, reason) => {
    expect(shardAssignmentProblem(s, g)).toMatch(reason);
    expect(assignShards(s, g).size).toBe(0);
  });
});

describe('targetLabelsBeforeRelabel', () => {
  it('sets the scrape labels Prometheus sets before relabelling, timeout capped at the interval', () => {
    const labels = targetLabelsBeforeRelabel(server({ scrapeTimeout: '20s' }), group({ scrapeInterval: '10s' }), 'h:1');
    expect(labels).toEqual({
      job: 'node', __address__: 'h:1', __scheme__: 'http', __metrics_path__: '/metrics',
      __scrape_interval__: '10s', __scrape_timeout__: '10s',
    });
  });
});
