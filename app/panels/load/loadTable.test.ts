import { describe, expect, it } from 'vitest';
import { bottleneckSentence, findBottleneck, heat, nextSort, resourceRatio, sortRows, type LoadRow } from './loadTable.ts';

const GiB = 1024 ** 3;

function row(name: string, over: Partial<LoadRow> = {}): LoadRow {
  return {
    id: `id-${name}`,
    name,
    instanceCount: 1,
    activeSeries: 1000,
    samplesPerSecond: 100,
    scrapesPerSecond: 1,
    memoryBytes: 1 * GiB,
    residentMemoryBytes: 1.5 * GiB,
    diskBytes: 10 * GiB,
    utilisation: undefined,
    capacity: {},
    ...over,
    peak: over.peak ?? {
      activeSeries: over.activeSeries ?? 1000,
      samplesPerSecond: over.samplesPerSecond ?? 100,
      memoryBytes: over.memoryBytes ?? 1 * GiB,
      diskBytes: over.diskBytes ?? 10 * GiB,
    },
  };
}

describe('sortRows', () => {
  const rows = [
    row('leaf-b', { activeSeries: 500, utilisation: 0.2 }),
    row('global', { activeSeries: 9000, utilisation: 0.9 }),
    row('leaf-a', { activeSeries: 500 }),
  ];
  it.each([
    [{ column: 'activeSeries', descending: true }, ['global', 'leaf-a', 'leaf-b']],
    [{ column: 'activeSeries', descending: false }, ['leaf-a', 'leaf-b', 'global']],
    [{ column: 'name', descending: false }, ['global', 'leaf-a', 'leaf-b']],
    [{ column: 'utilisation', descending: true }, ['global', 'leaf-b', 'leaf-a']],
  ] as const)('%j', (order, names) => {
    expect(sortRows(rows, order).map((r) => r.name)).toEqual(names);
  });

  it('nextSort flips the same column and starts a new numeric column descending', () => {
    expect(nextSort({ column: 'diskBytes', descending: true }, 'diskBytes')).toEqual({ column: 'diskBytes', descending: false });
    expect(nextSort({ column: 'diskBytes', descending: false }, 'memoryBytes')).toEqual({ column: 'memoryBytes', descending: true });
    expect(nextSort({ column: 'diskBytes', descending: true }, 'name')).toEqual({ column: 'name', descending: false });
  });
});

describe('bottleneck', () => {
  it('names the server and resource with the highest ratio', () => {
    const rows = [
      row('leaf-eu', { memoryBytes: 2 * GiB, capacity: { memoryBytes: 16 * GiB, activeSeries: 2000 } }),
      row('prom-global', { memoryBytes: 0.86 * 16 * GiB, capacity: { memoryBytes: 16 * GiB, diskBytes: 100 * GiB } }),
    ];
    const b = findBottleneck(rows);
    expect(b?.row.name).toBe('prom-global');
    expect(b?.resource).toBe('memoryBytes');
    expect(bottleneckSentence(b)).toBe('prom-global will run out of memory first: 86% of 16 GiB.');
  });

  it('says when a server is already over capacity', () => {
    const b = findBottleneck([row('leaf', { activeSeries: 3_000_000, capacity: { activeSeries: 2_000_000 } })]);
    expect(bottleneckSentence(b)).toBe('leaf is over its active series capacity: 150% of 2M.');
  });

  it('names the busiest instance of a multi-instance server', () => {
    const b = findBottleneck([
      row('global', {
        instanceCount: 2,
        memoryBytes: 20 * GiB,
        peak: { activeSeries: 1, samplesPerSecond: 1, memoryBytes: 12 * GiB, diskBytes: 1 },
        capacity: { memoryBytes: 16 * GiB },
      }),
    ]);
    expect(bottleneckSentence(b)).toBe('global will run out of memory first: 75% of 16 GiB (busiest of its 2 instances).');
  });

  it('reports headroom when every server is far from its limits', () => {
    const b = findBottleneck([row('leaf', { activeSeries: 2000, capacity: { activeSeries: 2_000_000 } })]);
    expect(bottleneckSentence(b)).toBe('Plenty of headroom. Closest to a limit: leaf, active series at <1% of 2M.');
  });

  it('says so when no capacity is known', () => {
    expect(findBottleneck([row('a')])).toBeUndefined();
    expect(bottleneckSentence(undefined)).toMatch(/no server has a capacity/i);
  });

  it('ratio is undefined without capacity, heat follows thresholds', () => {
    expect(resourceRatio(row('a'), 'diskBytes')).toBeUndefined();
    expect(resourceRatio(row('a', { capacity: { diskBytes: 20 * GiB } }), 'diskBytes')).toBeCloseTo(0.5);
    expect([undefined, 0.1, 0.75, 0.95].map(heat)).toEqual(['none', 'ok', 'warm', 'hot']);
  });
});
