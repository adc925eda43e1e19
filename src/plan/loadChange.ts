/**
 * The before/after of a planning command's load: per affected server (added, removed, or with a
 * different estimate) its series, samples/s and memory, all instances together, from the load model.
 */
import type { ExporterCatalog } from '../estimate/catalog.ts';
import { estimateLoad } from '../estimate/estimateLoad.ts';
import type { ServerLoad } from '../estimate/types.ts';
import type { Topology } from '../model/types.ts';

export interface LoadFigures {
  readonly instances: number;
  readonly activeSeries: number;
  readonly samplesPerSecond: number;
  readonly memoryBytes: number;
}

export interface ServerLoadChange {
  readonly id: string;
  readonly name: string;
  /** The server's name before the command, when the command renamed it. */
  readonly previousName?: string;
  /** Undefined for a server the command adds. */
  readonly before?: LoadFigures;
  /** Undefined for a server the command removes. */
  readonly after?: LoadFigures;
}

function figures(load: ServerLoad | undefined): LoadFigures | undefined {
  if (!load) return undefined;
  return { instances: load.instanceCount, activeSeries: load.activeSeries, samplesPerSecond: load.samplesPerSecond, memoryBytes: load.memoryBytes };
}

const same = (a: LoadFigures | undefined, b: LoadFigures | undefined) =>
  a !== undefined && b !== undefined && a.instances === b.instances && Math.abs(a.activeSeries - b.activeSeries) < 1e-6 &&
  Math.abs(a.samplesPerSecond - b.samplesPerSecond) < 1e-6 && Math.abs(a.memoryBytes - b.memoryBytes) < 1e-3;

/** Servers whose load the change from `before` to `after` affects, in the after document's order (removed ones last). */
export function loadChange(before: Topology, after: Topology, catalogs: readonly ExporterCatalog[]): ServerLoadChange[] {
  const b = estimateLoad(before, catalogs);
  const a = estimateLoad(after, catalogs);
  const out: ServerLoadChange[] = [];
  const seen = new Set<string>();
  for (const node of after.nodes) {
    if (node.kind !== 'prometheus' || node.external) continue;
    seen.add(node.id);
    const was = figures(b.servers[node.id]);
    const now = figures(a.servers[node.id]);
    const previous = before.nodes.find((n) => n.id === node.id)?.name;
    const renamed = previous !== undefined && previous !== node.name;
    if (same(was, now) && !renamed) continue;
    out.push({ id: node.id, name: node.name, ...(renamed ? { previousName: previous } : {}), ...(was ? { before: was } : {}), ...(now ? { after: now } : {}) });
  }
  for (const node of before.nodes) {
    if (node.kind !== 'prometheus' || seen.has(node.id)) continue;
    const was = figures(b.servers[node.id]);
    if (was) out.push({ id: node.id, name: node.name, before: was });
  }
  return out;
}
