/**
 * Builds the load table's rows from the document and the store's load view: one row per Prometheus
 * server node, with the capacity that bounds it (the node's own, else the document default, else the
 * estimator's default), scaled by the number of instances because the load view sums all instances.
 */
import { prometheusNodes } from '../../../src/model/lookup.ts';
import { replicaCount, shardCount } from '../../../src/model/instances.ts';
import type { Capacity, PrometheusNode, Topology } from '../../../src/model/types.ts';
import type { LoadView } from '../../store/engine.ts';
import type { LoadRow, Resource } from './loadTable.ts';
import { RESOURCES } from './loadTable.ts';

/** Per-instance capacity of a server: its own fields win over the document's, then `fallback`. */
export function effectiveCapacity(server: PrometheusNode, topology: Topology, fallback: Capacity = {}): Capacity {
  return { ...fallback, ...topology.settings.load?.capacity, ...server.capacity };
}

export function loadRows(topology: Topology, load: LoadView, fallback: Capacity = {}): LoadRow[] {
  const rows: LoadRow[] = [];
  for (const server of prometheusNodes(topology)) {
    const view = load.servers.get(server.id);
    if (!view) continue;
    const instances = replicaCount(server) * shardCount(server);
    const perInstance = effectiveCapacity(server, topology, fallback);
    const capacity: Partial<Record<Resource, number>> = {};
    for (const resource of RESOURCES) {
      const value = perInstance[resource];
      if (value !== undefined) capacity[resource] = value * instances;
    }
    rows.push({
      id: server.id,
      name: server.name,
      activeSeries: view.activeSeries,
      samplesPerSecond: view.samplesPerSecond,
      scrapesPerSecond: view.scrapesPerSecond,
      memoryBytes: view.memoryBytes,
      diskBytes: view.diskBytes,
      utilisation: view.utilisation ?? highestRatio(view, capacity),
      capacity,
    });
  }
  return rows;
}

/** Highest used/capacity ratio over the resources with a capacity; undefined when none has one. */
function highestRatio(view: Readonly<Record<Resource, number>>, capacity: Partial<Record<Resource, number>>): number | undefined {
  let best: number | undefined;
  for (const resource of RESOURCES) {
    const c = capacity[resource];
    if (c && c > 0) best = Math.max(best ?? 0, view[resource] / c);
  }
  return best;
}
