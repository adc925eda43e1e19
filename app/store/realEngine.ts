/**
 * The app's engine: validateTopology (V) plus the load model's `load/...` findings, and
 * estimateLoad (E) with the built-in exporter catalogs. One estimate per document object, shared by
 * the diagnostics and the load view.
 */
import { builtinCatalogs } from '../../assets/catalogs/builtinCatalogs.ts';
import { estimateLoad } from '../../src/estimate/estimateLoad.ts';
import type { LoadEstimate } from '../../src/estimate/types.ts';
import { sortDiagnostics } from '../../src/model/diagnostic.ts';
import type { Diagnostic } from '../../src/model/diagnostic.ts';
import type { Topology } from '../../src/model/types.ts';
import { validateTopology } from '../../src/validate/validateTopology.ts';
import type { DesignerEngine, EdgeLoadView, LoadView, ServerLoadView } from './engine.ts';

const estimates = new WeakMap<Topology, LoadEstimate>();

function estimateOf(t: Topology): LoadEstimate {
  let e = estimates.get(t);
  if (!e) {
    e = estimateLoad(t, builtinCatalogs);
    estimates.set(t, e);
  }
  return e;
}

/** The canvas' view of an estimate: maps by id. */
export function toLoadView(estimate: LoadEstimate): LoadView {
  const servers = new Map<string, ServerLoadView>();
  for (const [id, s] of Object.entries(estimate.servers)) {
    servers.set(id, {
      activeSeries: s.activeSeries,
      samplesPerSecond: s.samplesPerSecond,
      scrapesPerSecond: s.scrapesPerSecond,
      memoryBytes: s.memoryBytes,
      residentMemoryBytes: s.residentMemoryBytes,
      diskBytes: s.diskBytes,
      ...(s.utilisation !== undefined ? { utilisation: s.utilisation } : {}),
    });
  }
  const edges = new Map<string, EdgeLoadView>();
  for (const [id, e] of Object.entries(estimate.edges)) edges.set(id, { series: e.series, samplesPerSecond: e.samplesPerSecond });
  return { servers, edges, estimate };
}

export const realEngine: DesignerEngine = {
  validate: (t): Diagnostic[] => sortDiagnostics([...validateTopology(t), ...estimateOf(t).diagnostics]),
  estimate: (t) => toLoadView(estimateOf(t)),
};
