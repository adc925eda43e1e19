import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { GrafanaNode } from '../model/types.ts';
import { grafanaDatasources, grafanaDatasourcesText } from './grafanaDatasources.ts';
import { datasourceEdge, grafana, makeTopology, server } from './testBuilders.ts';

const grafanaOf = (t: ReturnType<typeof makeTopology>) => t.nodes.find((n): n is GrafanaNode => n.kind === 'grafana')!;

describe('grafanaDatasources', () => {
  it('writes one prometheus data source per edge, sorted by name, with the scrape interval', () => {
    const t = makeTopology([grafana('g'), server('prom-b', { scrapeInterval: '30s' }), server('prom-a')],
      [datasourceEdge('g', 'prom-b'), datasourceEdge('g', 'prom-a')]);
    expect(parse(grafanaDatasourcesText(t, grafanaOf(t)))).toEqual({
      apiVersion: 1,
      datasources: [
        { name: 'prom-a', type: 'prometheus', access: 'proxy', url: 'http://prom-a:9090', isDefault: true, jsonData: { timeInterval: '15s' } },
        { name: 'prom-b', type: 'prometheus', access: 'proxy', url: 'http://prom-b:9090', isDefault: false, jsonData: { timeInterval: '30s' } },
      ],
    });
  });

  it.each([
    ['the edge marked isDefault', [false, true, false], 'prom-b'],
    ['the first by name when none is marked', [false, false, false], 'prom-a'],
    ['the first marked by name when several are', [false, true, true], 'prom-b'],
  ])('makes exactly one default: %s', (_, marks, expected) => {
    const t = makeTopology([grafana('g'), server('prom-c'), server('prom-a'), server('prom-b')],
      ['prom-a', 'prom-b', 'prom-c'].map((s, i) => datasourceEdge('g', s, { isDefault: marks[i] })));
    const defaults = grafanaDatasources(t, grafanaOf(t)).filter((d) => d.isDefault);
    expect(defaults.map((d) => d.name)).toEqual([expected]);
  });

  it('queries replica a of an HA group and every shard of a hashmod server', () => {
    const t = makeTopology([grafana('g'),
      server('ha', { ha: { replicas: 2 }, instanceAddresses: ['ha-a:9090', 'ha-b:9090'] }),
      server('sh', { hashmod: { shards: 2 }, address: 'sh:9090' })],
    [datasourceEdge('g', 'ha'), datasourceEdge('g', 'sh', { isDefault: true })]);
    expect(grafanaDatasources(t, grafanaOf(t)).map((d) => [d.name, d.url, d.isDefault])).toEqual([
      ['ha', 'http://ha-a:9090', false],
      ['sh-shard-0', 'http://sh:9090', true],
      ['sh-shard-1', 'http://sh:9091', false],
    ]);
  });

  it('replicas: each gives every replica its own data source, named after its replica value, never the default', () => {
    const t = makeTopology([grafana('g'),
      server('ha', { ha: { replicas: 3, replicaValues: ['x', 'y', 'z'] }, instanceAddresses: ['ha-x:9090', 'ha-y:9090', 'ha-z:9090'] }),
      server('both', { ha: { replicas: 2 }, hashmod: { shards: 2 }, instanceAddresses: ['s0a:9090', 's0b:9090', 's1a:9090', 's1b:9090'] })],
    [datasourceEdge('g', 'ha', { isDefault: true, replicas: 'each' }), datasourceEdge('g', 'both', { replicas: 'each' })]);
    const text = grafanaDatasourcesText(t, grafanaOf(t));
    expect((parse(text) as { datasources: { name: string; url: string; isDefault: boolean }[] }).datasources.map((d) => [d.name, d.url, d.isDefault])).toEqual([
      ['both-shard-0', 'http://s0a:9090', false],
      ['both-shard-0 (replica b)', 'http://s0b:9090', false],
      ['both-shard-1', 'http://s1a:9090', false],
      ['both-shard-1 (replica b)', 'http://s1b:9090', false],
      ['ha', 'http://ha-x:9090', true],
      ['ha (replica y)', 'http://ha-y:9090', false],
      ['ha (replica z)', 'http://ha-z:9090', false],
    ]);
    expect(text).toContain('# "(replica b)" data sources reach the other replicas: switch to one while replica a is down.');
  });

  it('replicas: first (the default) keeps replica a only, and says nothing of other replicas', () => {
    const edges = (replicas?: 'first') => [datasourceEdge('g', 'ha', replicas ? { replicas } : {})];
    const nodes = [grafana('g'), server('ha', { ha: { replicas: 2 }, instanceAddresses: ['ha-a:9090', 'ha-b:9090'] })];
    for (const t of [makeTopology(nodes, edges()), makeTopology(nodes, edges('first'))]) {
      expect(grafanaDatasources(t, grafanaOf(t)).map((d) => d.name)).toEqual(['ha']);
      expect(grafanaDatasourcesText(t, grafanaOf(t))).not.toContain('(replica b)');
    }
  });
});
