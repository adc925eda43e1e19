import { describe, expect, it } from 'vitest';
import { makeTopology, receiver, remoteWriteEdge, scrapeEdge, server, targets } from '../generate/testBuilders.ts';
import { estimateLoad } from './estimateLoad.ts';
import { QUEUED_SAMPLE_BYTES, WAL_READ_MEMORY_SHARE } from './remoteWrite.ts';

const hosts = (n: number) => Array.from({ length: n }, (_, i) => `api${i + 1}:9100`);

/** A leaf scraping `n` targets of 995 series each at 1s (1,000 series and samples/s per target), writing to Mimir. */
function writer(n: number, edge: Record<string, unknown> = {}, leaf: Record<string, unknown> = {}) {
  return makeTopology(
    [server('leaf', { scrapeInterval: '1s', scrapeTimeout: '1s', ...leaf }), targets('api', hosts(n), { seriesPerTarget: 995 }), receiver('mimir', 'mimir', 'mimir:8080')],
    [scrapeEdge('leaf', 'api'), remoteWriteEdge('leaf', 'mimir', edge)],
  );
}

describe('remote_write memory on the sender', () => {
  it('adds the edge\'s sender extra memory to the sender\'s process memory (RSS) and the totals', () => {
    const without = estimateLoad(makeTopology([server('leaf', { scrapeInterval: '1s', scrapeTimeout: '1s' }), targets('api', hosts(10), { seriesPerTarget: 995 })], [scrapeEdge('leaf', 'api')]));
    const withRw = estimateLoad(writer(10));
    const edge = withRw.edges['remote_write:leaf->mimir'];
    expect(edge?.kind).toBe('remote_write');
    const extra = edge?.kind === 'remote_write' ? edge.senderExtraMemoryBytes : NaN;
    // 10,000 series x 3,000 B head memory: 25% WAL reading, plus 2 shards (10,000 samples/s x 0.1s / 500) x 2,500 capacity x 128 B.
    expect(extra).toBe(10_000 * 3000 * WAL_READ_MEMORY_SHARE + 2 * 2500 * QUEUED_SAMPLE_BYTES);
    const base = without.servers.leaf?.residentMemoryBytes ?? NaN;
    expect(withRw.servers.leaf?.residentMemoryBytes).toBe(base + extra);
    expect(withRw.servers.leaf?.remoteWriteMemoryBytes).toBe(extra);
    expect(withRw.servers.leaf?.instances[0]?.residentMemoryBytes).toBe(base + extra);
    expect(withRw.totals.residentMemoryBytes).toBe(without.totals.residentMemoryBytes + extra);
    expect(without.servers.leaf?.remoteWriteMemoryBytes).toBeUndefined();
  });

  it('shares an HA pair\'s extra memory evenly over its replicas', () => {
    const t = writer(4, {}, { ha: { replicas: 2, replicaLabel: 'replica' } });
    const est = estimateLoad(t);
    const edge = est.edges['remote_write:leaf->mimir'];
    const extra = edge?.kind === 'remote_write' ? edge.senderExtraMemoryBytes : NaN;
    const leaf = est.servers.leaf;
    const [a, b] = leaf?.instances ?? [];
    expect(a?.residentMemoryBytes).toBe(b?.residentMemoryBytes);
    expect((a?.residentMemoryBytes ?? 0) + (b?.residentMemoryBytes ?? 0)).toBe(leaf?.residentMemoryBytes);
    expect(leaf?.remoteWriteMemoryBytes).toBe(extra);
  });
});

describe('load/remote-write-shards', () => {
  it('warns on the edge when the shards needed exceed max_shards', () => {
    // 20,000 samples/s x 0.1s / 500 per send = 4 shards needed, max_shards 2.
    const est = estimateLoad(writer(20, { queueConfig: { maxShards: 2 } }));
    const edge = est.edges['remote_write:leaf->mimir'];
    expect(edge?.kind === 'remote_write' ? edge.shardsNeeded : NaN).toBe(4);
    const found = est.diagnostics.filter((d) => d.code === 'load/remote-write-shards');
    expect(found).toHaveLength(1);
    expect(found[0]?.severity).toBe('warning');
    expect(found[0]?.at).toEqual({ edge: 'remote_write:leaf->mimir', field: 'queueConfig' });
    expect(found[0]?.message).toContain('max_shards 2');
  });

  it('is silent when the shards needed fit', () => {
    const est = estimateLoad(writer(20, { queueConfig: { maxShards: 200 } }));
    expect(est.diagnostics.map((d) => d.code)).not.toContain('load/remote-write-shards');
  });
});
