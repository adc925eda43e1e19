import { describe, expect, it } from 'vitest';
import { makeTopology, scrapeEdge, server, targets } from '../generate/testBuilders.ts';
import { RSS_BASELINE_BYTES, RSS_BYTES_PER_SAMPLE_PER_SECOND, RSS_BYTES_PER_SERIES } from './constants.ts';
import { estimateLoad } from './estimateLoad.ts';

const hosts = (n: number) => Array.from({ length: n }, (_, i) => `api${i + 1}:9100`);

describe('process memory (RSS) estimate', () => {
  it('is baseline + per head series + per sample/s for one instance, beside head memory', () => {
    const t = makeTopology([server('leaf', { scrapeInterval: '10s' }), targets('api', hosts(10), { seriesPerTarget: 995 })], [scrapeEdge('leaf', 'api')]);
    const leaf = estimateLoad(t).servers.leaf;
    // 10 targets x (995 + 5) = 10,000 series, 1,000 samples/s.
    expect(leaf?.activeSeries).toBe(10_000);
    expect(leaf?.samplesPerSecond).toBe(1_000);
    expect(leaf?.residentMemoryBytes).toBe(RSS_BASELINE_BYTES + 10_000 * RSS_BYTES_PER_SERIES + 1_000 * RSS_BYTES_PER_SAMPLE_PER_SECOND);
    expect(leaf?.memoryBytes).toBe(10_000 * 3000);
    expect(leaf?.instances[0]?.residentMemoryBytes).toBe(leaf?.residentMemoryBytes);
  });

  it('charges the baseline to every instance: an HA pair is twice one replica', () => {
    const one = makeTopology([server('leaf'), targets('api', hosts(4))], [scrapeEdge('leaf', 'api')]);
    const pair = makeTopology([server('leaf', { ha: { replicas: 2, replicaLabel: 'replica' } }), targets('api', hosts(4))], [scrapeEdge('leaf', 'api')]);
    const single = estimateLoad(one).servers.leaf?.residentMemoryBytes ?? NaN;
    const ha = estimateLoad(pair);
    expect(ha.servers.leaf?.instances.map((i) => i.residentMemoryBytes)).toEqual([single, single]);
    expect(ha.servers.leaf?.residentMemoryBytes).toBe(2 * single);
    expect(ha.totals.residentMemoryBytes).toBe(2 * single);
  });

  it('is the baseline alone for a server with nothing to scrape', () => {
    const t = makeTopology([server('idle')], []);
    expect(estimateLoad(t).servers.idle?.residentMemoryBytes).toBe(RSS_BASELINE_BYTES);
  });
});
