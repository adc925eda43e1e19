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
});
