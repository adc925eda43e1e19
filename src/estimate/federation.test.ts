import { describe, expect, it } from 'vitest';
import { federationEdge, makeTopology, scrapeEdge, server, targets } from '../generate/testBuilders.ts';
import type { ExporterCatalog } from './catalog.ts';
import { estimateLoad } from './estimateLoad.ts';

/** 10 series per target over three names. */
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

/**
 * A leaf (dc=eu) scraping `api` (4 demo targets) and `db` (2 demo targets, label tier=db), with one
 * recording rule per job (2 series), federated by a global with `match`.
 */
function federated(match: string[], leafExtra: Record<string, unknown> = {}, edgeExtra: Record<string, unknown> = {}) {
  const t = makeTopology(
    [
      server('leaf', {
        externalLabels: { dc: 'eu' },
        ruleGroups: [{ name: 'r', rules: [{ record: 'job:http_requests:rate5m', expr: 'sum by (job) (rate(http_requests_total[5m]))' }] }],
        ...leafExtra,
      }),
      server('global', { role: 'global' }),
      targets('api', ['a1:80', 'a2:80', 'a3:80', 'a4:80'], { exporter: 'demo' }),
      targets('db', ['d1:80', 'd2:80'], { exporter: 'demo', labels: { tier: 'db' } }),
    ],
    [
      scrapeEdge('leaf', 'api'),
      scrapeEdge('leaf', 'db'),
      federationEdge('global', 'leaf', match, { id: 'fed', scrapeInterval: '30s', ...edgeExtra }),
    ],
  );
  return estimateLoad(t, [demo]);
}

/** Leaf's holdings: 6 targets x (10 + 5 synthetic) + 2 rule series. */
const LEAF_SERIES = 6 * 15 + 2;

describe('federation: match[] evaluated against what the source holds', () => {
  it.each([
    ['recording rules by name', ['{__name__=~"job:.*"}'], 2],
    ['one metric name', ['up'], 6],
    ['a metric name on one job', ['http_requests_total{job="db"}'], 2 * 6],
    ['a group label', ['{tier="db"}'], 2 * 15],
    ['an instance', ['{instance="a1:80"}'], 15],
    ['a regex on instance', ['up{instance=~"a[12]:80"}'], 2],
    ['a label of unknown values is an upper bound', ['node_cpu_seconds_total{mode="idle"}'], 6 * 3],
    ['a label the metric lacks matches only ""', ['process_cpu_seconds_total{mode="idle"}'], 0],
    // job="db" also selects the rule's output series for db (sum by (job) keeps job).
    ['a union without double counting', ['up', '{job="db"}', 'up{instance="d1:80"}'], 4 + 2 * 15 + 1],
    ['the union of two instance filters', ['up{instance="a1:80"}', 'up{instance=~"a[12]:80"}'], 2],
    ['everything pulls all the leaf holds', ['{__name__=~".+"}'], LEAF_SERIES],
    ['no selector pulls nothing', [], 0],
    ['a selector that does not parse pulls nothing', ['sum(up)'], 0],
  ])('%s', (_name, match, expected) => {
    const e = federated(match);
    expect(e.edges.fed?.series).toBe(expected);
    expect(e.servers.global?.series.federated).toBe(expected);
  });

  it('the everything selector shows as the whole leaf on the global', () => {
    const e = federated(['{__name__=~".+"}']);
    expect(e.servers.leaf?.activeSeries).toBe(LEAF_SERIES);
    expect(e.edges.fed).toMatchObject({ series: LEAF_SERIES, seriesPerRequest: LEAF_SERIES, samplesPerSecond: LEAF_SERIES / 30, scrapesPerSecond: 1 / 30 });
    // The global also stores the federation job's own 5 synthetic series.
    expect(e.servers.global?.activeSeries).toBe(LEAF_SERIES + 5);
  });

  it('external labels are added on the way out and can be grouped on by the global', () => {
    const t = makeTopology(
      [
        server('eu', { externalLabels: { dc: 'eu' } }),
        server('us', { externalLabels: { dc: 'us' } }),
        server('global', { role: 'global', ruleGroups: [{ name: 'g', rules: [
          { record: 'dc:up:sum', expr: 'sum by (dc) (up)' },
          { record: 'dc_job:up:sum', expr: 'sum by (dc, job) (up)' },
          { record: 'eu:up', expr: 'up{dc="eu"}' },
        ] }] }),
        targets('api', ['a:1', 'b:1', 'c:1'], { seriesPerTarget: 1 }),
        targets('web', ['w:1'], { seriesPerTarget: 1 }),
      ],
      [
        scrapeEdge('eu', 'api'), scrapeEdge('eu', 'web'), scrapeEdge('us', 'api'),
        federationEdge('global', 'eu', ['up']), federationEdge('global', 'us', ['up']),
      ],
    );
    const g = estimateLoad(t).servers.global;
    expect(g?.series.federated).toBe(4 + 3);
    // The global's own up{job="federate-eu|us"} has no dc: by (dc) adds dc="", by (dc, job) two more.
    expect(g?.series.rules).toBe((2 + 1) + (3 + 2) + 4);
  });

  it('an HA source: one replica by default, every replica (twice the series) with sourceReplica "all"', () => {
    const one = federated(['up'], { ha: { replicas: 2 } });
    const all = federated(['up'], { ha: { replicas: 2 } }, { sourceReplica: 'all' });
    expect(one.edges.fed?.series).toBe(6);
    expect(all.edges.fed?.series).toBe(12);
    expect(all.edges.fed?.seriesPerRequest).toBe(6);
  });

  it('an HA global: each replica federates, so the edge carries twice the series', () => {
    const t = makeTopology(
      [server('leaf'), server('global', { role: 'global', ha: { replicas: 2 } }), targets('api', ['a:1', 'b:1'], { seriesPerTarget: 1 })],
      [scrapeEdge('leaf', 'api'), federationEdge('global', 'leaf', ['up'], { id: 'fed' })],
    );
    const e = estimateLoad(t);
    expect(e.edges.fed?.series).toBe(4);
    expect(e.servers.global?.instances.map((i) => i.series.federated)).toEqual([2, 2]);
  });

  it('a hashmod source: the global federates every shard, each shard answers with its targets', () => {
    const t = makeTopology(
      [
        server('shards', { role: 'shard', hashmod: { shards: 2 } }),
        server('global', { role: 'global' }),
        targets('node', [], { count: 8, seriesPerTarget: 1, extraConfig: 'relabel_configs: []\n' }),
      ],
      [scrapeEdge('shards', 'node'), federationEdge('global', 'shards', ['up'], { id: 'fed' })],
    );
    const e = estimateLoad(t);
    expect(e.edges.fed).toMatchObject({ series: 8, seriesPerRequest: 4, scrapesPerSecond: 2 / 15 });
  });

  it("a hashmod source's series arrive with each shard's external label", () => {
    const t = makeTopology(
      [
        server('shards', { role: 'shard', hashmod: { shards: 3 } }),
        server('global', { role: 'global', ruleGroups: [{ name: 'g', rules: [{ record: 'shard:up:sum', expr: 'sum by (prometheus_shard) (up{job="node"})' }] }] }),
        targets('node', [], { count: 9, seriesPerTarget: 1, extraConfig: 'relabel_configs: []\n' }),
      ],
      [scrapeEdge('shards', 'node'), federationEdge('global', 'shards', ['up'])],
    );
    expect(estimateLoad(t).servers.global?.series.rules).toBe(3);
  });

  it('honor_labels false: the source job moves to exported_job, job becomes the federation job', () => {
    const t = makeTopology(
      [
        server('leaf'),
        server('global', { role: 'global', ruleGroups: [{ name: 'g', rules: [
          { record: 'exported_job:up:sum', expr: 'sum by (exported_job) (up{job="federate-leaf"})' },
          { record: 'api:up', expr: 'up{job="api"}' },
        ] }] }),
        targets('api', ['a:1', 'b:1'], { seriesPerTarget: 1 }),
        targets('web', ['c:1'], { seriesPerTarget: 1 }),
      ],
      [scrapeEdge('leaf', 'api'), scrapeEdge('leaf', 'web'), federationEdge('global', 'leaf', ['up'], { honorLabels: false })],
    );
    // api, web, and "" for the federation job's own up{job="federate-leaf"}; up{job="api"} matches nothing any more.
    expect(estimateLoad(t).servers.global?.series.rules).toBe(3 + 0);
  });

  it('a middle tier: series federated from a leaf can be federated again', () => {
    const t = makeTopology(
      [
        server('leaf', { externalLabels: { dc: 'eu' } }),
        server('region', { role: 'global', externalLabels: { region: 'emea' } }),
        server('top', { role: 'global' }),
        targets('api', ['a:1', 'b:1'], { seriesPerTarget: 1 }),
      ],
      [
        scrapeEdge('leaf', 'api'),
        federationEdge('region', 'leaf', ['up']),
        federationEdge('top', 'region', ['up{dc="eu"}'], { id: 'top' }),
      ],
    );
    expect(estimateLoad(t).edges.top?.series).toBe(2);
  });

  it('a federation cycle does not hang (the validator reports it)', () => {
    const t = makeTopology(
      [server('a'), server('b'), targets('x', ['x:1'], { seriesPerTarget: 1 })],
      [scrapeEdge('a', 'x'), federationEdge('a', 'b', ['up'], { id: 'ab' }), federationEdge('b', 'a', ['up'], { id: 'ba' })],
    );
    const e = estimateLoad(t);
    expect(e.servers.a?.series.scraped).toBe(1);
    expect(e.edges.ba).toBeDefined();
  });
});
