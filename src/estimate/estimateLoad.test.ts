import { describe, expect, it } from 'vitest';
import { federationEdge, makeTopology, scrapeEdge, server, targets } from '../generate/testBuilders.ts';
import { assignShards } from '../model/hashmod.ts';
import type { PrometheusNode, TargetGroupNode } from '../model/types.ts';
import type { ExporterCatalog } from './catalog.ts';
import { estimateLoad } from './estimateLoad.ts';
import type { LoadEstimate, ServerLoad } from './types.ts';

/** A small catalog: 3 metric names, 10 series per target. */
const demo: ExporterCatalog = {
  id: 'demo',
  title: 'demo exporter',
  provenance: 'measured',
  source: 'test',
  seriesPerTarget: 10,
  metrics: [
    { name: 'http_requests_total', series: 6, labels: ['code', 'method'] },
    { name: 'process_cpu_seconds_total', series: 1, labels: [] },
    { name: 'node_cpu_seconds_total', series: 3, labels: ['cpu', 'mode'] },
  ],
};
const catalogs = [demo];

function hosts(prefix: string, n: number, port = 9100): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i + 1}:${port}`);
}

function serverOf(e: LoadEstimate, id: string): ServerLoad {
  const s = e.servers[id];
  if (!s) throw new Error(`no load for ${id}`);
  return s;
}

describe('estimateLoad: scrape jobs', () => {
  it('counts targets x (series per target + 5 synthetic) per interval, memory and disk', () => {
    const t = makeTopology(
      [server('leaf', { retention: '1d' }), targets('api', hosts('api', 10), { seriesPerTarget: 100 })],
      [scrapeEdge('leaf', 'api', { id: 's1' })],
    );
    const e = estimateLoad(t, catalogs);
    const leaf = serverOf(e, 'leaf');
    expect(leaf.activeSeries).toBe(10 * 105);
    expect(leaf.series).toEqual({ scraped: 1000, synthetic: 50, federated: 0, rules: 0 });
    expect(leaf.samplesPerSecond).toBeCloseTo(1050 / 15);
    expect(leaf.scrapesPerSecond).toBeCloseTo(10 / 15);
    expect(leaf.memoryBytes).toBe(1050 * 3000);
    expect(leaf.diskBytes).toBeCloseTo(86400 * (1050 / 15) * 1.5);
    expect(e.edges.s1).toMatchObject({ kind: 'scrape', series: 1050, intervalSeconds: 15 });
    expect(e.targetGroups.api).toMatchObject({ targets: 10, seriesPerTarget: 100, seriesSource: 'group', scrapersPerTarget: 1 });
  });

  it.each([
    ['the group figure wins', { exporter: 'demo', seriesPerTarget: 40 }, 40, 'group'],
    ['else the catalog', { exporter: 'demo' }, 10, 'catalog'],
    ['else the default', {}, 500, 'default'],
    ['an unknown exporter falls back to the default', { exporter: 'nope' }, 500, 'default'],
  ])('series per target: %s', (_name, extra, expected, source) => {
    const t = makeTopology([server('leaf'), targets('g', ['h:1'], extra)], [scrapeEdge('leaf', 'g')]);
    const e = estimateLoad(t, catalogs);
    expect(e.targetGroups.g).toMatchObject({ seriesPerTarget: expected, seriesSource: source });
    expect(serverOf(e, 'leaf').series.scraped).toBe(expected);
  });

  it('uses the group interval, else the server interval, and count placeholders', () => {
    const t = makeTopology(
      [server('leaf', { scrapeInterval: '30s' }), targets('a', [], { count: 6, seriesPerTarget: 95, scrapeInterval: '1m' }), targets('b', ['x:1'], { seriesPerTarget: 25 })],
      [scrapeEdge('leaf', 'a'), scrapeEdge('leaf', 'b')],
    );
    const leaf = serverOf(estimateLoad(t), 'leaf');
    expect(leaf.samplesPerSecond).toBeCloseTo((6 * 100) / 60 + 30 / 30);
    expect(leaf.scrapesPerSecond).toBeCloseTo(6 / 60 + 1 / 30);
  });
});

describe('estimateLoad: HA and hashmod', () => {
  it('HA: every replica scrapes every target, storage doubles, targets serve twice the scrapes', () => {
    const base = [targets('api', hosts('api', 4), { seriesPerTarget: 95 })];
    const single = estimateLoad(makeTopology([server('p'), ...base], [scrapeEdge('p', 'api', { id: 's' })]));
    const pair = estimateLoad(makeTopology([server('p', { ha: { replicas: 2 } }), ...base], [scrapeEdge('p', 'api', { id: 's' })]));
    const one = serverOf(single, 'p');
    const two = serverOf(pair, 'p');
    expect(two.instanceCount).toBe(2);
    expect(two.activeSeries).toBe(2 * one.activeSeries);
    expect(two.diskBytes).toBeCloseTo(2 * one.diskBytes);
    expect(two.instances.map((i) => i.activeSeries)).toEqual([one.activeSeries, one.activeSeries]);
    expect(two.utilisation).toBeCloseTo(one.utilisation ?? NaN);
    expect(pair.edges.s?.series).toBe(2 * (single.edges.s?.series ?? NaN));
    expect(pair.targetGroups.api?.scrapersPerTarget).toBe(2);
    expect(pair.targetGroups.api?.scrapesPerSecondPerTarget).toBeCloseTo(2 / 15);
  });

  it('hashmod: shards split the targets as the offline assignment says', () => {
    const t = makeTopology(
      [server('p', { role: 'shard', hashmod: { shards: 3 } }), targets('node', [], { count: 30, seriesPerTarget: 95 })],
      [scrapeEdge('p', 'node')],
    );
    const p = t.nodes[0] as PrometheusNode;
    const group = t.nodes[1] as TargetGroupNode;
    const assignment = assignShards(p, group);
    const expected = [0, 1, 2].map((s) => [...assignment.values()].filter((v) => v === s).length);
    const load = serverOf(estimateLoad(t), 'p');
    expect(load.instances.map((i) => i.targets)).toEqual(expected);
    expect(load.instances.map((i) => i.activeSeries)).toEqual(expected.map((n) => n * 100));
    expect(load.activeSeries).toBe(30 * 100);
    expect(new Set(expected).size).toBeGreaterThan(1); // md5 does not split 30 targets evenly
  });

  it('hashmod: splits evenly where the assignment cannot be computed', () => {
    const t = makeTopology(
      [server('p', { role: 'shard', hashmod: { shards: 4 } }), targets('node', [], { count: 40, seriesPerTarget: 95, extraConfig: 'relabel_configs: []\n' })],
      [scrapeEdge('p', 'node')],
    );
    expect(serverOf(estimateLoad(t), 'p').instances.map((i) => i.targets)).toEqual([10, 10, 10, 10]);
  });

  it('hashmod x HA: shards x replicas instances, each replica of a shard holds the same', () => {
    const t = makeTopology(
      [server('p', { role: 'shard', hashmod: { shards: 2 }, ha: { replicas: 2 } }), targets('node', [], { count: 10, seriesPerTarget: 95, extraConfig: 'relabel_configs: []\n' })],
      [scrapeEdge('p', 'node')],
    );
    const load = serverOf(estimateLoad(t), 'p');
    expect(load.instances.map((i) => [i.key, i.targets])).toEqual([['shard-0-a', 5], ['shard-0-b', 5], ['shard-1-a', 5], ['shard-1-b', 5]]);
    expect(load.activeSeries).toBe(2 * 10 * 100);
  });
});

describe('estimateLoad: capacity', () => {
  it('utilisation against the server capacity, else the document default, else the model default', () => {
    const t = makeTopology(
      [
        server('own', { capacity: { activeSeries: 2100 } }),
        server('doc'),
        server('def', { ha: { replicas: 2 } }),
        targets('api', hosts('api', 10), { seriesPerTarget: 100 }),
      ],
      [scrapeEdge('own', 'api'), scrapeEdge('doc', 'api'), scrapeEdge('def', 'api')],
      { settings: { load: { capacity: { samplesPerSecond: 140 } } } },
    );
    const e = estimateLoad(t);
    expect(serverOf(e, 'own').utilisationBy.activeSeries).toBeCloseTo(0.5);
    expect(serverOf(e, 'own').bottleneck).toBe('activeSeries');
    expect(serverOf(e, 'doc').utilisationBy.samplesPerSecond).toBeCloseTo(0.5);
    expect(serverOf(e, 'doc').bottleneck).toBe('samplesPerSecond');
    // Series from the model default (2M per instance); each HA replica is compared with one instance's capacity.
    expect(serverOf(e, 'def').utilisationBy.activeSeries).toBeCloseTo(1050 / 2e6, 8);
    expect(serverOf(e, 'def').utilisation).toBeCloseTo(0.5);
    expect(serverOf(e, 'def').capacity).toEqual({ activeSeries: 2_000_000, samplesPerSecond: 140 });
  });

  it('bytes per series and per sample come from the settings', () => {
    const t = makeTopology([server('p', { retention: '10s' }), targets('a', ['h:1'], { seriesPerTarget: 95 })], [scrapeEdge('p', 'a')], {
      settings: { load: { bytesPerSeries: 8000, bytesPerSample: 2 } },
    });
    const p = serverOf(estimateLoad(t), 'p');
    expect(p.memoryBytes).toBe(100 * 8000);
    expect(p.diskBytes).toBeCloseTo(10 * (100 / 15) * 2);
  });
});

describe('estimateLoad: what-if edits reuse unchanged servers', () => {
  it('gives the same numbers as a fresh estimate after an edit', () => {
    const t1 = makeTopology(
      [
        server('a', { ruleGroups: [{ name: 'r', rules: [{ record: 'job:up:sum', expr: 'sum by (job) (up)' }] }] }),
        server('b'),
        server('g', { role: 'global' }),
        targets('ta', hosts('a', 3), { exporter: 'demo' }),
        targets('tb', hosts('b', 2), { exporter: 'demo' }),
      ],
      [scrapeEdge('a', 'ta'), scrapeEdge('b', 'tb'), federationEdge('g', 'a', ['{__name__=~"job:.*"}', 'up']), federationEdge('g', 'b', ['up'])],
    );
    const before = estimateLoad(t1, catalogs);
    // Edit: target group ta gets two more targets (new node object, everything else shared).
    const t2 = { ...t1, nodes: t1.nodes.map((n) => (n.id === 'ta' && n.kind === 'targets' ? { ...n, targets: hosts('a', 5) } : n)) };
    const after = estimateLoad(t2, catalogs);
    const fresh = estimateLoad(JSON.parse(JSON.stringify(t2)) as typeof t2, catalogs);
    expect(after).toEqual(fresh);
    expect(after.servers.a?.activeSeries).toBe((before.servers.a?.activeSeries ?? NaN) + 2 * 15);
    expect(after.servers.b).toBe(before.servers.b); // reused, not recomputed: a canvas badge need not re-render
    expect(after.edges).not.toEqual(before.edges);
  });
});
