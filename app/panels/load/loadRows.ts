/**
 * The load table's rows from the load model's estimate (src/estimate/estimateLoad.ts): one row per
 * Prometheus server, totals over its instances, and per resource the busiest instance against one
 * instance's capacity (as the model computes utilisation).
 */
import type { LoadEstimate, ServerLoad } from '../../../src/estimate/types.ts';
import type { LoadRow, Resource } from './loadTable.ts';
import { RESOURCES } from './loadTable.ts';

function peakOf(server: ServerLoad, resource: Resource): number {
  if (server.instances.length === 0) return server[resource];
  return Math.max(...server.instances.map((i) => i[resource]));
}

export function loadRow(server: ServerLoad): LoadRow {
  const peak = Object.fromEntries(RESOURCES.map((r) => [r, peakOf(server, r)])) as Record<Resource, number>;
  return {
    id: server.id,
    name: server.name,
    instanceCount: server.instanceCount,
    activeSeries: server.activeSeries,
    samplesPerSecond: server.samplesPerSecond,
    scrapesPerSecond: server.scrapesPerSecond,
    memoryBytes: server.memoryBytes,
    residentMemoryBytes: server.residentMemoryBytes,
    diskBytes: server.diskBytes,
    utilisation: server.utilisation,
    capacity: server.capacity,
    peak,
  };
}

/** Rows in document order of the servers (the table sorts them). */
export function loadRows(estimate: Pick<LoadEstimate, 'servers'>): LoadRow[] {
  return Object.values(estimate.servers).map(loadRow);
}
