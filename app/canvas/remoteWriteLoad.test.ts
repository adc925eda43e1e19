import { describe, expect, it } from 'vitest';
import { estimateLoad } from '../../src/estimate/estimateLoad.ts';
import { builtinCatalogs } from '../../assets/catalogs/builtinCatalogs.ts';
import { parseTopology } from '../../src/model/document.ts';
import type { Topology } from '../../src/model/types.ts';
import { realEngine } from '../store/realEngine.ts';
import { formatBytes, formatCount } from './format.ts';
import { toFlow } from './toFlow.ts';
import remoteWriteExample from '../../assets/examples/remote-write.promtopo.json?raw';

function example(): Topology {
  const r = parseTopology(remoteWriteExample, 'remote-write.promtopo.json');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.topology;
}

describe('remote_write load on the canvas (remote-write example)', () => {
  const t = example();
  const estimate = estimateLoad(t, builtinCatalogs);
  const view = realEngine.estimate(t);

  it('labels each remote_write edge with its samples/s and bytes/s on the wire', () => {
    const { edges } = toFlow(t, { markers: new Map(), load: view, selection: { nodes: [], edges: [] } });
    const written = t.edges.filter((e) => e.kind === 'remote_write');
    expect(written.length).toBe(3);
    for (const e of written) {
      const load = estimate.edges[e.id];
      if (load?.kind !== 'remote_write') throw new Error(`no remote_write load for ${e.id}`);
      expect(load.bytesPerSecond).toBeGreaterThan(0);
      const label = edges.find((f) => f.id === e.id)?.data?.label;
      expect(label).toBe(`remote_write · ${formatCount(load.samplesPerSecond)}/s · ${formatBytes(load.bytesPerSecond)}/s`);
    }
  });

  it('gives the receiver its ingest and the senders their remote_write memory', () => {
    const receiver = view.receivers?.get('p-central');
    expect(receiver).toEqual({
      samplesPerSecond: estimate.receivers['p-central']?.samplesPerSecond,
      activeSeries: estimate.receivers['p-central']?.activeSeries,
      duplicateSeries: estimate.receivers['p-central']?.duplicateSeries,
    });
    expect(receiver?.samplesPerSecond).toBeGreaterThan(0);
    const sender = t.edges.find((e) => e.kind === 'remote_write')!;
    const senderId = sender.kind === 'remote_write' ? sender.server : '';
    expect(view.servers.get(senderId)?.remoteWriteMemoryBytes).toBeGreaterThan(0);
    expect(view.servers.get('p-central')?.remoteWriteMemoryBytes).toBeUndefined();
  });

  it('keeps unchanged views as the same objects when re-estimated', () => {
    const again = realEngine.estimate({ ...t }, view);
    expect(again.receivers?.get('p-central')).toBe(view.receivers?.get('p-central'));
  });
});
