import { describe, expect, it } from 'vitest';
import { estimateLoad } from '../estimate/estimateLoad.ts';
import { federationEdge, makeTopology, scrapeEdge, server, targets } from '../generate/testBuilders.ts';
import type { Topology } from '../model/types.ts';
import {
  BASELINE_CORES,
  COMPACTION_MAX_BLOCK_SECONDS,
  CPU_SECONDS_PER_RULE_EVALUATION,
  CPU_SECONDS_PER_SAMPLE,
  DEFAULT_MACHINE_SIZES,
  FEDERATE_WIRE_BYTES_PER_SAMPLE,
  GIB,
  WAL_RETENTION_SECONDS,
} from './constants.ts';
import { RSS_BASELINE_BYTES } from '../estimate/constants.ts';
import { residentMemory } from '../estimate/residentMemory.ts';
import { ramNeededBytes } from './machineNeeds.ts';
import { serverCapacity } from './serverCapacity.ts';

const sizes = [
  { name: 'tiny', vcpu: 1, ramGiB: 1, diskGiB: 10, pricePerMonth: 10 },
  { name: 'big', vcpu: 8, ramGiB: 64, diskGiB: 2000, pricePerMonth: 200 },
  { name: 'mid', vcpu: 2, ramGiB: 8, diskGiB: 200, pricePerMonth: 50 },
];

/** A leaf scraping `count` targets of `spt` series every 15s, federated by a global. */
function leafAndGlobal(count: number, spt: number, leafExtra: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Topology {
  return makeTopology([
    targets('nodes', [], { count, port: 9100, seriesPerTarget: spt }),
    server('leaf', { externalLabels: { dc: 'dc1' }, ...leafExtra }),
    server('global', { role: 'global' }),
  ], [scrapeEdge('leaf', 'nodes'), federationEdge('global', 'leaf', ['{job="nodes"}'])], extra);
}

function capacity(t: Topology) {
  return serverCapacity(t, estimateLoad(t));
}

describe('serverCapacity: needs in machine terms', () => {
  it('RAM is the process RSS estimate of the busiest instance, not its head memory', () => {
    const t = leafAndGlobal(100, 500);
    const load = estimateLoad(t);
    const leaf = load.servers.leaf?.instances[0];
    const ram = capacity(t).leaf?.needs.ramBytes;
    expect(ram).toBe(ramNeededBytes(leaf ?? { residentMemoryBytes: NaN }));
    expect(ram).toBe(residentMemory(leaf?.activeSeries ?? NaN, leaf?.samplesPerSecond ?? NaN));
    expect(ram).toBeGreaterThan(RSS_BASELINE_BYTES + 100 * 500 * 1000);
    expect(ram).not.toBe(leaf?.memoryBytes);
  });

  it('CPU: baseline + samples/s x CPU per sample + rule evaluations/s x CPU per evaluation', () => {
    const rules = { ruleGroups: [{ name: 'g', interval: '30s', rules: [{ record: 'job:up:sum', expr: 'sum by (job) (up)' }, { alert: 'Down', expr: 'up == 0' }] }] };
    const t = leafAndGlobal(200, 1000, rules);
    const load = estimateLoad(t);
    const needs = capacity(t).leaf?.needs;
    const sps = load.servers.leaf?.samplesPerSecond ?? NaN;
    expect(needs?.cpu.ingestion).toBeCloseTo(sps * CPU_SECONDS_PER_SAMPLE, 9);
    expect(needs?.cpu.rules).toBeCloseTo((2 / 30) * CPU_SECONDS_PER_RULE_EVALUATION, 9);
    expect(needs?.cpuCores).toBeCloseTo(BASELINE_CORES + sps * CPU_SECONDS_PER_SAMPLE + (2 / 30) * CPU_SECONDS_PER_RULE_EVALUATION, 9);
    // Twice the targets: twice the ingestion CPU.
    const twice = capacity(leafAndGlobal(400, 1000, rules)).leaf?.needs.cpu.ingestion ?? NaN;
    expect(twice / (needs?.cpu.ingestion ?? NaN)).toBeCloseTo(2, 1);
  });

  it('disk: blocks follow the retention, the WAL does not, compaction room is 10% of retention up to 31 days', () => {
    const at = (retention: string) => capacity(leafAndGlobal(100, 500, { retention })).leaf?.needs.disk;
    const d15 = at('15d');
    const d30 = at('30d');
    const y2 = at('730d');
    expect((d30?.blocks ?? NaN) / (d15?.blocks ?? NaN)).toBeCloseTo(2, 6);
    expect(d30?.wal).toBeCloseTo(d15?.wal ?? NaN, 6);
    expect((d30?.compaction ?? NaN) / (d30?.blocks ?? NaN)).toBeCloseTo(0.1, 6);
    expect((y2?.compaction ?? NaN) / (y2?.blocks ?? NaN)).toBeCloseTo(COMPACTION_MAX_BLOCK_SECONDS / (730 * 86400), 6);
    expect(d15?.total).toBeCloseTo((d15?.blocks ?? 0) + (d15?.wal ?? 0) + (d15?.compaction ?? 0), 3);
    // A retention shorter than the WAL's span keeps only the retention.
    const short = at('1h');
    expect((short?.wal ?? NaN) / (d15?.wal ?? NaN)).toBeCloseTo(3600 / WAL_RETENTION_SECONDS, 6);
  });

  it('network: what the leaf serves on /federate is what the global receives', () => {
    const t = leafAndGlobal(50, 200);
    const c = capacity(t);
    const edge = estimateLoad(t).edges['federation:global->leaf'];
    expect(c.leaf?.needs.network.federationOut).toBeCloseTo((edge?.samplesPerSecond ?? NaN) * FEDERATE_WIRE_BYTES_PER_SAMPLE, 6);
    expect(c.global?.needs.network.federationIn).toBeCloseTo(c.leaf?.needs.network.federationOut ?? NaN, 6);
    expect(c.leaf?.needs.network.scrapeIn).toBeGreaterThan(0);
    expect(c.global?.needs.network.scrapeIn).toBe(0);
  });
});

describe('serverCapacity: machine sizes', () => {
  it('without sizes in the document, the presets are used and a small leaf needs the smallest', () => {
    const c = capacity(leafAndGlobal(10, 100)).leaf;
    expect(c?.needed?.name).toBe(DEFAULT_MACHINE_SIZES[0]?.name);
    expect(c?.fits).toBe(true);
  });

  it('the smallest size of the document that holds the needs within the headroom, named with the bottleneck', () => {
    // 2,000 targets x 1,000 series: ~4.4 GiB of RSS; a 2d retention keeps the disk share below it.
    const t = leafAndGlobal(2000, 1000, { retention: '2d' }, { settings: { machines: { sizes, headroom: 0.2 } } });
    const c = capacity(t).leaf;
    const ram = c?.needs.ramBytes ?? NaN;
    expect(ram / GIB).toBeGreaterThan(0.8 * 1);
    expect(c?.needed?.name).toBe(ram <= 0.8 * 8 * GIB ? 'mid' : 'big');
    expect(c?.bottleneck).toBe('ram');
    expect(c?.reason).toMatch(new RegExp(`^${c?.needed?.name}: RAM decides \\(\\d+\\.\\d GiB RAM with 20% headroom\\)$`));
    expect(c?.pricePerMonth).toBe(c?.needed?.pricePerMonth);
  });

  it('more headroom can push a server to the next size', () => {
    const loose = capacity(leafAndGlobal(1000, 1000, {}, { settings: { machines: { sizes, headroom: 0 } } })).leaf;
    const ramShareOfMid = (loose?.needs.ramBytes ?? NaN) / (8 * GIB);
    expect(loose?.needed?.name).toBe('mid');
    const tight = capacity(leafAndGlobal(1000, 1000, {}, { settings: { machines: { sizes, headroom: 1 - ramShareOfMid / 1.01 } } })).leaf;
    expect(tight?.needed?.name).toBe('big');
  });

  it('a chosen size that is too small does not fit and shows its utilisation; price counts every HA replica', () => {
    const t = leafAndGlobal(2000, 1000, { machine: 'tiny', ha: { replicas: 2 } }, { settings: { machines: { sizes } } });
    const c = capacity(t).leaf;
    expect(c?.chosen?.name).toBe('tiny');
    expect(c?.fits).toBe(false);
    expect(c?.utilisation.ram).toBeCloseTo((c?.needs.ramBytes ?? NaN) / GIB, 6);
    expect(c?.instanceCount).toBe(2);
    expect(c?.pricePerMonth).toBe(20);
  });

  it('when no size holds the needs, the reason says so and names the resource', () => {
    const c = capacity(leafAndGlobal(20000, 2000, {}, { settings: { machines: { sizes: [sizes[0]] } } })).leaf;
    expect(c?.needed).toBeUndefined();
    expect(c?.reason).toMatch(/^no size holds .* with 30% headroom: split the server/);
  });

  it('an unknown machine name is not a chosen size', () => {
    const c = capacity(leafAndGlobal(10, 10, { machine: 'nope' })).leaf;
    expect(c?.chosen).toBeUndefined();
    expect(c?.fits).toBe(true);
  });
});
