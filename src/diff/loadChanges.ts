/**
 * The load change per server between two versions: series, samples/s, memory, disk, utilisation and
 * bottleneck from estimate/, the machine size needed and its price from capacity/, for every server
 * whose figures differ (added and removed servers too).
 */
import { serverCapacity } from '../capacity/serverCapacity.ts';
import type { ServerCapacity } from '../capacity/types.ts';
import type { LoadEstimate, ServerLoad } from '../estimate/types.ts';
import type { Topology } from '../model/types.ts';
import type { Matching } from './matchElements.ts';
import type { LoadFigures, ServerLoadChange } from './types.ts';

/** One version of the design with its load estimate. */
export interface LoadedVersion {
  readonly topology: Topology;
  readonly load: LoadEstimate;
}

function figures(load: ServerLoad | undefined, capacity: ServerCapacity | undefined): LoadFigures | undefined {
  if (!load) return undefined;
  return {
    activeSeries: load.activeSeries,
    samplesPerSecond: load.samplesPerSecond,
    memoryBytes: load.memoryBytes,
    diskBytes: load.diskBytes,
    instanceCount: load.instanceCount,
    ...(load.utilisation !== undefined ? { utilisation: load.utilisation } : {}),
    ...(load.bottleneck !== undefined ? { bottleneck: load.bottleneck } : {}),
    ...(capacity?.needed ? { neededSize: capacity.needed.name } : {}),
    ...(capacity?.pricePerMonth !== undefined ? { pricePerMonth: capacity.pricePerMonth } : {}),
  };
}

function differs(a: LoadFigures | undefined, b: LoadFigures | undefined): boolean {
  return JSON.stringify(a) !== JSON.stringify(b);
}

/** Servers whose load differs, sorted by name (then id). */
export function loadChanges(matching: Matching, oldVersion: LoadedVersion, newVersion: LoadedVersion): ServerLoadChange[] {
  const out: ServerLoadChange[] = [];
  const before = oldVersion.load;
  const after = newVersion.load;
  const oldCapacity = serverCapacity(oldVersion.topology, before);
  const newCapacity = serverCapacity(newVersion.topology, after);
  for (const m of matching.nodes) {
    if (m.before.kind !== 'prometheus') continue;
    const a = figures(before.servers[m.before.id], oldCapacity[m.before.id]);
    const b = figures(after.servers[m.after.id], newCapacity[m.after.id]);
    if (differs(a, b)) out.push({ id: m.after.id, name: m.after.name, ...(a ? { before: a } : {}), ...(b ? { after: b } : {}) });
  }
  for (const n of matching.removedNodes) {
    const a = figures(before.servers[n.id], oldCapacity[n.id]);
    if (a) out.push({ id: n.id, name: n.name, before: a });
  }
  for (const n of matching.addedNodes) {
    const b = figures(after.servers[n.id], newCapacity[n.id]);
    if (b) out.push({ id: n.id, name: n.name, after: b });
  }
  return out.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}
