/**
 * Load panel model: one row per server with its estimated load and capacity, sorting by any column,
 * per-resource utilisation and the bottleneck sentence. Pure; the component only renders it.
 */
import type { Bytes, SamplesPerSecond, SeriesCount } from '../../../src/model/types.ts';
import { formatBytes, formatCount, formatPercent, formatRate } from '../format.ts';

/** A resource that a server can run out of, with the capacity field that bounds it. */
export const RESOURCES = ['activeSeries', 'samplesPerSecond', 'memoryBytes', 'diskBytes'] as const;
export type Resource = (typeof RESOURCES)[number];

/** Words for a resource in sentences and chart legends. */
export const RESOURCE_LABEL: Readonly<Record<Resource, string>> = {
  activeSeries: 'active series',
  samplesPerSecond: 'ingestion (samples/s)',
  memoryBytes: 'memory',
  diskBytes: 'disk',
};

/** One server's line in the table. Totals are over all its instances; capacity is per instance. */
export interface LoadRow {
  readonly id: string;
  readonly name: string;
  /** Replicas x shards. */
  readonly instanceCount: number;
  readonly activeSeries: SeriesCount;
  readonly samplesPerSecond: SamplesPerSecond;
  /** Scrapes per second the server performs (all targets, all jobs). */
  readonly scrapesPerSecond: number;
  /** Head memory (TSDB head only). */
  readonly memoryBytes: Bytes;
  /** Process memory (RSS). */
  readonly residentMemoryBytes: Bytes;
  readonly diskBytes: Bytes;
  /** Highest used/capacity ratio over resources and instances (1 = full); undefined without capacity. */
  readonly utilisation: number | undefined;
  /** Capacity of one instance per resource (absent = unbounded). */
  readonly capacity: Partial<Readonly<Record<Resource, number>>>;
  /** Per resource, the value of the busiest instance (what meets one instance's capacity). */
  readonly peak: Readonly<Record<Resource, number>>;
}

/** Columns the table sorts by. */
export const COLUMNS = ['name', 'activeSeries', 'samplesPerSecond', 'scrapesPerSecond', 'memoryBytes', 'residentMemoryBytes', 'diskBytes', 'utilisation'] as const;
export type Column = (typeof COLUMNS)[number];

export interface SortOrder {
  readonly column: Column;
  readonly descending: boolean;
}

/** Rows sorted by one column; ties broken by name so the order is stable. Unknown utilisation sorts lowest. */
export function sortRows(rows: readonly LoadRow[], order: SortOrder): LoadRow[] {
  const sign = order.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const primary =
      order.column === 'name'
        ? a.name.localeCompare(b.name)
        : (a[order.column] ?? -1) - (b[order.column] ?? -1);
    return sign * primary || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  });
}

/** Clicking a header: same column flips the direction; a new column starts descending (names ascending). */
export function nextSort(current: SortOrder, column: Column): SortOrder {
  if (current.column === column) return { column, descending: !current.descending };
  return { column, descending: column !== 'name' };
}

/** Busiest instance / one instance's capacity for a resource, or undefined where no capacity is set. */
export function resourceRatio(row: LoadRow, resource: Resource): number | undefined {
  const capacity = row.capacity[resource];
  return capacity && capacity > 0 ? row.peak[resource] / capacity : undefined;
}

/** A resource value in human units. */
export function formatResource(resource: Resource, value: number): string {
  switch (resource) {
    case 'activeSeries':
      return formatCount(value);
    case 'samplesPerSecond':
      return formatRate(value);
    case 'memoryBytes':
    case 'diskBytes':
      return formatBytes(value);
  }
}

/** The server and resource closest to (or furthest past) its capacity. */
export interface Bottleneck {
  readonly row: LoadRow;
  readonly resource: Resource;
  readonly ratio: number;
}

export function findBottleneck(rows: readonly LoadRow[]): Bottleneck | undefined {
  let best: Bottleneck | undefined;
  for (const row of [...rows].sort((a, b) => a.name.localeCompare(b.name))) {
    for (const resource of RESOURCES) {
      const ratio = resourceRatio(row, resource);
      if (ratio !== undefined && (!best || ratio > best.ratio)) best = { row, resource, ratio };
    }
  }
  return best;
}

/** Below this ratio the bottleneck is reported as headroom, not as a coming shortage. */
export const HEADROOM_RATIO = 0.5;

/** "prom-global will run out of memory first: 86% of 16 GiB." */
export function bottleneckSentence(bottleneck: Bottleneck | undefined): string {
  if (!bottleneck) return 'No server has a capacity set, so no bottleneck can be named.';
  const { row, resource, ratio } = bottleneck;
  const capacity = formatResource(resource, row.capacity[resource] ?? 0);
  const what = RESOURCE_LABEL[resource];
  const which = row.instanceCount > 1 ? ` (busiest of its ${row.instanceCount} instances)` : '';
  if (ratio > 1) return `${row.name} is over its ${what} capacity: ${formatPercent(ratio)} of ${capacity}${which}.`;
  if (ratio < HEADROOM_RATIO) return `Plenty of headroom. Closest to a limit: ${row.name}, ${what} at ${formatPercent(ratio)} of ${capacity}${which}.`;
  return `${row.name} will run out of ${what} first: ${formatPercent(ratio)} of ${capacity}${which}.`;
}

/** Heat class by utilisation: ok below 70%, warm up to 90%, hot beyond. */
export function heat(ratio: number | undefined): 'none' | 'ok' | 'warm' | 'hot' {
  if (ratio === undefined) return 'none';
  if (ratio >= 0.9) return 'hot';
  if (ratio >= 0.7) return 'warm';
  return 'ok';
}
