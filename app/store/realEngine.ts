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
import type { DesignerEngine, EdgeLoadView, LoadView, ReceiverLoadView, ServerLoadView } from './engine.ts';

const estimates = new WeakMap<Topology, LoadEstimate>();

function estimateOf(t: Topology): LoadEstimate {
  let e = estimates.get(t);
  if (!e) {
    e = estimateLoad(t, builtinCatalogs);
    estimates.set(t, e);
  }
  return e;
}

/**
 * The canvas' view of an estimate: maps by id. Views equal to those of `previous` are its objects,
 * so subscribers of an unchanged server or edge see the same value.
 */
export function toLoadView(estimate: LoadEstimate, previous?: LoadView): LoadView {
  const servers = new Map<string, ServerLoadView>();
  for (const [id, s] of Object.entries(estimate.servers)) {
    const view: ServerLoadView = {
      activeSeries: s.activeSeries,
      samplesPerSecond: s.samplesPerSecond,
      scrapesPerSecond: s.scrapesPerSecond,
      memoryBytes: s.memoryBytes,
      residentMemoryBytes: s.residentMemoryBytes,
      diskBytes: s.diskBytes,
      ...(s.remoteWriteMemoryBytes !== undefined ? { remoteWriteMemoryBytes: s.remoteWriteMemoryBytes } : {}),
      ...(s.utilisation !== undefined ? { utilisation: s.utilisation } : {}),
    };
    const before = previous?.servers.get(id);
    servers.set(id, before && sameServerView(before, view) ? before : view);
  }
  const edges = new Map<string, EdgeLoadView>();
  for (const [id, e] of Object.entries(estimate.edges)) {
    const before = previous?.edges.get(id);
    const bytes = e.kind === 'remote_write' ? e.bytesPerSecond : undefined;
    const same = before && before.series === e.series && before.samplesPerSecond === e.samplesPerSecond && before.bytesPerSecond === bytes;
    edges.set(id, same ? before : { series: e.series, samplesPerSecond: e.samplesPerSecond, ...(bytes !== undefined ? { bytesPerSecond: bytes } : {}) });
  }
  const receivers = new Map<string, ReceiverLoadView>();
  for (const [id, r] of Object.entries(estimate.receivers)) {
    const before = previous?.receivers?.get(id);
    const same = before && before.samplesPerSecond === r.samplesPerSecond && before.activeSeries === r.activeSeries && before.duplicateSeries === r.duplicateSeries;
    receivers.set(id, same ? before : { samplesPerSecond: r.samplesPerSecond, activeSeries: r.activeSeries, duplicateSeries: r.duplicateSeries });
  }
  return { servers, edges, receivers, estimate };
}

function sameServerView(a: ServerLoadView, b: ServerLoadView): boolean {
  return a.activeSeries === b.activeSeries && a.samplesPerSecond === b.samplesPerSecond && a.scrapesPerSecond === b.scrapesPerSecond &&
    a.memoryBytes === b.memoryBytes && a.diskBytes === b.diskBytes && a.utilisation === b.utilisation &&
    a.residentMemoryBytes === b.residentMemoryBytes && a.remoteWriteMemoryBytes === b.remoteWriteMemoryBytes;
}

export const realEngine: DesignerEngine = {
  validate: (t): Diagnostic[] => sortDiagnostics([...validateTopology(t), ...estimateOf(t).diagnostics]),
  estimate: (t, previous) => toLoadView(estimateOf(t), previous),
};
