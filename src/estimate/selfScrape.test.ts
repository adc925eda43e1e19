import { describe, expect, it } from 'vitest';
import { generatePrometheusConfig } from '../generate/prometheusConfig.ts';
import { federationEdge, makeTopology, scrapeEdge, server, targets } from '../generate/testBuilders.ts';
import type { ExporterCatalog } from './catalog.ts';
import { estimateLoad } from './estimateLoad.ts';

/** A stand-in for Prometheus' own catalog: 2 metric names, 12 series. */
const prometheus: ExporterCatalog = {
  id: 'prometheus',
  title: 'prometheus (test)',
  provenance: 'measured',
  source: 'test',
  seriesPerTarget: 12,
  metrics: [
    { name: 'prometheus_tsdb_head_series', series: 1, labels: [] },
    { name: 'prometheus_http_requests_total', series: 11, labels: ['code', 'handler'] },
  ],
};
const catalogs = [prometheus];
const node = targets('node', ['n1:9100', 'n2:9100', 'n3:9100', 'n4:9100'], { seriesPerTarget: 100 });

describe('the self-scrape job in the load model', () => {
  it('costs what a target group of the prometheus exporter listing the server would', () => {
    const self = estimateLoad(makeTopology([server('leaf', { scrapeSelf: true }), node], [scrapeEdge('leaf', 'node')]), catalogs);
    const explicit = estimateLoad(makeTopology(
      [server('leaf'), node, targets('prometheus', ['leaf:9090'], { exporter: 'prometheus' })],
      [scrapeEdge('leaf', 'node'), scrapeEdge('leaf', 'prometheus')],
    ), catalogs);
    const a = self.servers.leaf, b = explicit.servers.leaf;
    expect(a?.activeSeries).toBe(4 * 105 + 12 + 5);
    expect(a?.activeSeries).toBe(b?.activeSeries);
    expect(a?.samplesPerSecond).toBeCloseTo(b?.samplesPerSecond ?? NaN, 9);
    expect(a?.scrapesPerSecond).toBeCloseTo(b?.scrapesPerSecond ?? NaN, 9);
    expect(a?.instances[0]?.targets).toBe(5);
  });

  it('is absent when the switch is off', () => {
    const off = estimateLoad(makeTopology([server('leaf', { scrapeSelf: false }), node], [scrapeEdge('leaf', 'node')]), catalogs);
    expect(off.servers.leaf?.activeSeries).toBe(4 * 105);
  });

  it('runs on every HA replica and every hashmod shard, whatever the shard keeps', () => {
    const t = makeTopology([server('leaf', { scrapeSelf: true, addressFromName: true, ha: { replicas: 2 }, hashmod: { shards: 3 } }), node], [scrapeEdge('leaf', 'node')]);
    const load = estimateLoad(t, catalogs).servers.leaf;
    expect(load?.instances).toHaveLength(6);
    for (const instance of load?.instances ?? []) expect(instance.series.scraped).toBeGreaterThanOrEqual(12);
    expect(load?.series.scraped).toBe(2 * 4 * 100 + 6 * 12);
    expect(load?.series.synthetic).toBe(2 * 4 * 5 + 6 * 5);
  });

  it('is what a global federating up{job="prometheus"} receives, one series per federated instance', () => {
    const t = makeTopology(
      [server('leaf', { scrapeSelf: true, externalLabels: { dc: 'eu' } }), node, server('global', { role: 'global' })],
      [scrapeEdge('leaf', 'node'), federationEdge('global', 'leaf', ['up{job="prometheus"}', 'prometheus_tsdb_head_series'])],
    );
    const e = estimateLoad(t, catalogs);
    expect(e.edges['federation:global->leaf']?.series).toBe(2);
  });
});

describe('the self-scrape job in prometheus.yml', () => {
  it('scrapes localhost at each instance\'s port, in job-name order, without the hashmod relabelling', () => {
    const t = makeTopology([server('shards', { scrapeSelf: true, addressFromName: true, address: 'shards:9300', ha: { replicas: 2 }, hashmod: { shards: 2 } }), node], [scrapeEdge('shards', 'node')]);
    const config = generatePrometheusConfig(t, 'shards', 3);
    const jobs = config.slice(config.indexOf('scrape_configs:'));
    expect(jobs).toMatch(/^scrape_configs:\n {2}# hashmod shard 1 of 2[^\n]*\n {2}- job_name: node\n[\s\S]*action: keep\n {2}- job_name: prometheus\n {4}static_configs:\n {6}- targets: \['localhost:9300'\]\n$/);
  });

  it('scrapes the listen address itself when it is an IP literal', () => {
    const t = makeTopology([server('leaf', { scrapeSelf: true, address: '127.0.0.1:19090' }), node], [scrapeEdge('leaf', 'node')]);
    expect(generatePrometheusConfig(t, 'leaf')).toContain("- job_name: prometheus\n    static_configs:\n      - targets: ['127.0.0.1:19090']");
  });

  it('is not written when the switch is off', () => {
    const t = makeTopology([server('leaf'), node], [scrapeEdge('leaf', 'node')]);
    expect(generatePrometheusConfig(t, 'leaf')).not.toContain('job_name: prometheus');
  });
});
