/** Resharding preview: which targets move when a shard count changes, with the offline hashmod. */
import { describe, expect, it } from 'vitest';
import { assignShards } from '../../src/model/hashmod.ts';
import type { PrometheusNode, TargetGroupNode, Topology } from '../../src/model/types.ts';
import { previewReshard, reshard } from '../../src/plan/reshard.ts';
import { errorsOf, example } from './support.ts';

/** A hashmod server over one group of `count` placeholder targets. */
function sharded(count: number, shards: number): Topology {
  const base = example('hashmod-shards');
  return {
    ...base,
    nodes: base.nodes.map((n) => (n.kind === 'targets' && n.id === 't-node' ? { ...n, targets: [], count } : n.kind === 'prometheus' && n.hashmod ? { ...n, hashmod: { ...n.hashmod, shards }, instanceAddresses: undefined, addressFromName: true, address: 'prom-node:9090' } : n)),
    edges: base.edges.filter((e) => !(e.kind === 'scrape' && e.targets === 't-cadvisor')),
  };
}

describe('resharding preview', () => {
  it('on 1,000 targets, 3 -> 4 shards moves about three quarters of them, exactly those whose hashmod changes', () => {
    const t = sharded(1000, 3);
    const result = previewReshard(t, 'prom-node', 4);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const p = result.summary;
    expect(p.targets).toBe(1000);
    // A target stays only when h mod 3 == h mod 4, i.e. h mod 12 in {0, 1, 2}: 3 of 12 stay, 75% move.
    expect(p.movedFraction).toBeGreaterThan(0.7);
    expect(p.movedFraction).toBeLessThan(0.8);
    // The same assignment the export uses, before and after.
    const before = t.nodes.find((n): n is PrometheusNode => n.kind === 'prometheus' && n.id === 'p-shards');
    const group = t.nodes.find((n): n is TargetGroupNode => n.kind === 'targets' && n.id === 't-node');
    if (!before || !group) throw new Error('example changed');
    const old = assignShards(before, group);
    const now = assignShards({ ...before, hashmod: { shards: 4, sourceLabels: ['__address__'] } }, group);
    const expected = [...old].filter(([target, shard]) => now.get(target) !== shard).map(([target, shard]) => ({ group: 'node', target, from: shard, to: now.get(target) }));
    expect(p.moved).toEqual(expected);
    expect(p.consequences.join(' ')).toContain(`${p.moved.length} of 1000 targets (${(p.movedFraction * 100).toFixed(1)}%)`);
    expect(p.consequences.join(' ')).toContain('history stays on the shard that scraped them before');
    expect(p.retention).toBe('15d');
  });

  it('nothing moves when the count stays, and 1 -> 2 moves the targets of shard 1', () => {
    const same = previewReshard(sharded(50, 3), 'prom-node', 3);
    expect(same.ok && same.summary.moved).toEqual([]);
    const plain = example('federation');
    const split = previewReshard(plain, 'prom-eu-1', 2);
    expect(split.ok).toBe(true);
    if (!split.ok) return;
    expect(split.summary.fromShards).toBe(1);
    expect(split.summary.moved.every((m) => m.from === 0 && m.to === 1)).toBe(true);
  });

  it('says which groups cannot be computed offline', () => {
    const t = sharded(10, 3);
    const withRelabel: Topology = { ...t, nodes: t.nodes.map((n) => (n.kind === 'targets' && n.id === 't-node' ? { ...n, extraConfig: 'relabel_configs:\n  - action: keep\n    source_labels: [x]\n    regex: y\n' } : n)) };
    const result = previewReshard(withRelabel, 'prom-node', 4);
    expect(result.ok && result.summary.unknown.map((u) => u.group)).toEqual(['node']);
    expect(result.ok && result.summary.targets).toBe(0);
  });

  it('applies the change: the document validates, shards that stay keep their addresses', () => {
    const t = example('hashmod-shards');
    const result = reshard(t, 'prom-node', 4);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const s = result.topology.nodes.find((n): n is PrometheusNode => n.kind === 'prometheus' && n.id === 'p-shards');
    expect(s?.hashmod?.shards).toBe(4);
    expect(s?.instanceAddresses?.slice(0, 3)).toEqual(['prom-node-0:9090', 'prom-node-1:9090', 'prom-node-2:9090']);
    expect(s?.instanceAddresses).toHaveLength(4);
    expect(errorsOf(result.topology)).toEqual([]);
    const bad = reshard(t, 'prom-node', 0);
    expect(bad.ok ? '' : bad.error).toContain('hashmod.shards: 0 is not a shard count');
  });
});
