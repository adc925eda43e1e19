import { describe, expect, it } from 'vitest';
import { builtinCatalogs } from '../../../assets/catalogs/builtinCatalogs.ts';
import remoteWriteExample from '../../../assets/examples/remote-write.promtopo.json?raw';
import { estimateLoad } from '../../../src/estimate/estimateLoad.ts';
import { parseTopology } from '../../../src/model/document.ts';
import type { Topology } from '../../../src/model/types.ts';
import { remoteWriteRows } from './remoteWriteRows.ts';

function example(): Topology {
  const r = parseTopology(remoteWriteExample, 'remote-write.promtopo.json');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.topology;
}

describe('remoteWriteRows', () => {
  it('gives one row per remote_write edge of the example, named by its ends, with the model\'s figures', () => {
    const t = example();
    const estimate = estimateLoad(t, builtinCatalogs);
    const rows = remoteWriteRows(t, estimate);
    expect(rows.edges.map((r) => r.name)).toEqual(['agent-eu → prom-central', 'agent-us → prom-central', expect.stringMatching(/ → prom-central$/)]);
    for (const r of rows.edges) {
      const load = estimate.edges[r.id];
      if (load?.kind !== 'remote_write') throw new Error(r.id);
      expect(r).toMatchObject({ samplesPerSecond: load.samplesPerSecond, bytesPerSecond: load.bytesPerSecond, shardsNeeded: load.shardsNeeded, maxShards: load.maxShards, senderMemoryBytes: load.senderExtraMemoryBytes, overShards: false });
    }
    expect(rows.receivers).toEqual([{ id: 'p-central', name: 'prom-central', ...pick(estimate.receivers['p-central']) }]);
  });

  it('marks an edge whose shards needed exceed max_shards', () => {
    const t = example();
    const squeezed: Topology = { ...t, edges: t.edges.map((e) => (e.kind === 'remote_write' ? { ...e, queueConfig: { maxSamplesPerSend: 1, maxShards: 1 } } : e)) };
    const rows = remoteWriteRows(squeezed, estimateLoad(squeezed, builtinCatalogs));
    expect(rows.edges.every((r) => r.overShards && r.shardsNeeded > 1)).toBe(true);
  });

  it('is empty for a document without remote_write', () => {
    const t = example();
    const none: Topology = { ...t, edges: t.edges.filter((e) => e.kind !== 'remote_write') };
    expect(remoteWriteRows(none, estimateLoad(none, builtinCatalogs))).toEqual({ edges: [], receivers: [] });
  });
});

function pick(r: { samplesPerSecond: number; activeSeries: number; duplicateSeries: number } | undefined) {
  if (!r) throw new Error('no receiver load');
  return { samplesPerSecond: r.samplesPerSecond, activeSeries: r.activeSeries, duplicateSeries: r.duplicateSeries };
}
