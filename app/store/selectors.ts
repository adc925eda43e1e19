/**
 * Module-scope selectors over the designer state. Derived values (diagnostics, load, lookups) are
 * memoized per document object, so every subscriber shares one computation per edit.
 */
import type { Diagnostic } from '../../src/model/diagnostic.ts';
import { indexTopology } from '../../src/model/lookup.ts';
import type { TopologyIndex } from '../../src/model/lookup.ts';
import type { Topology, TopologyEdge, TopologyNode } from '../../src/model/types.ts';
import type { DesignerState, Selection } from './designerStore.ts';
import type { DesignerEngine, EdgeLoadView, LoadView, ReceiverLoadView, ServerLoadView } from './engine.ts';
import { onlyPositionsDiffer } from './positionOnly.ts';

/** The value derived from the document before, handed to the next derivation to reuse its parts. */
export interface PreviousValue<T> {
  readonly document: Topology;
  readonly value: T;
}

/**
 * Memoizes `fn(document)` per document object and engine. With `positionInsensitive`, a document
 * that differs from the last one derived only in node positions (a move) gets the last value back
 * without running `fn`: nothing the engine derives depends on where a card sits.
 */
export function perDocument<T>(
  fn: (engine: DesignerEngine, t: Topology, s: DesignerState, previous?: PreviousValue<T>) => T,
  options: { positionInsensitive?: boolean } = {},
): (s: DesignerState) => T {
  const engines = new WeakMap<DesignerEngine, WeakMap<Topology, T>>();
  let last: { engine: DesignerEngine; document: Topology; value: T } | undefined;
  return (s) => {
    let cache = engines.get(s.engine);
    if (!cache) {
      cache = new WeakMap();
      engines.set(s.engine, cache);
    }
    let value = cache.get(s.document);
    if (value === undefined) {
      const previous = last?.engine === s.engine ? last : undefined;
      value = previous && options.positionInsensitive && onlyPositionsDiffer(previous.document, s.document) ? previous.value : fn(s.engine, s.document, s, previous);
      cache.set(s.document, value);
    }
    last = { engine: s.engine, document: s.document, value };
    return value;
  };
}

/** Diagnostic counts of one node or edge. */
export interface MarkerCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export const NO_MARKERS: MarkerCounts = { errors: 0, warnings: 0, infos: 0 };

export const selectDocument = (s: DesignerState) => s.document;
export const selectSelection = (s: DesignerState) => s.selection;
export const selectView = (s: DesignerState) => s.view;
export const selectStatus = (s: DesignerState) => s.status;
export const selectFilePath = (s: DesignerState) => s.filePath;
/** True when the document differs from what was last opened or saved. */
export const selectDirty = (s: DesignerState) => s.document !== s.savedDocument;

export const selectIndex: (s: DesignerState) => TopologyIndex = perDocument((_e, t) => indexTopology(t));

/** Every diagnostic of the document (validateTopology), computed once per document. */
export const selectDiagnostics: (s: DesignerState) => readonly Diagnostic[] = perDocument((e, t) => e.validate(t), { positionInsensitive: true });

/** The load estimate, computed once per document. */
export const selectLoad: (s: DesignerState) => LoadView = perDocument((e, t, _s, previous) => e.estimate(t, previous?.value), { positionInsensitive: true });

/** Diagnostic counts per node id and per edge id. */
export const selectMarkers: (s: DesignerState) => ReadonlyMap<string, MarkerCounts> = perDocument((_e, _t, s) => {
  const out = new Map<string, { errors: number; warnings: number; infos: number }>();
  for (const d of selectDiagnostics(s)) {
    const id = d.at.node ?? d.at.edge;
    if (!id) continue;
    const m = out.get(id) ?? { errors: 0, warnings: 0, infos: 0 };
    if (d.severity === 'error') m.errors++;
    else if (d.severity === 'warning') m.warnings++;
    else m.infos++;
    out.set(id, m);
  }
  return out;
}, { positionInsensitive: true });

/** Counts over the whole document, for the status bar. */
export const selectDiagnosticCounts: (s: DesignerState) => MarkerCounts = perDocument((_e, _t, s) => {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const d of selectDiagnostics(s)) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}, { positionInsensitive: true });

/** Selector factories for one node's or edge's slice (use with useMemo or module-level caches). */
export function selectNode(id: string) {
  return (s: DesignerState): TopologyNode | undefined => selectIndex(s).nodes.get(id);
}
export function selectEdge(id: string) {
  return (s: DesignerState): TopologyEdge | undefined => selectIndex(s).edges.get(id);
}
export function selectServerLoad(id: string) {
  return (s: DesignerState): ServerLoadView | undefined => selectLoad(s).servers.get(id);
}
export function selectReceiverLoad(id: string) {
  return (s: DesignerState): ReceiverLoadView | undefined => selectLoad(s).receivers?.get(id);
}
export function selectEdgeLoad(id: string) {
  return (s: DesignerState): EdgeLoadView | undefined => selectLoad(s).edges.get(id);
}
export function selectMarkerCounts(id: string) {
  return (s: DesignerState): MarkerCounts => selectMarkers(s).get(id) ?? NO_MARKERS;
}

/** Diagnostics that point at one node or edge (for the inspector). */
export function diagnosticsAt(diagnostics: readonly Diagnostic[], id: string): Diagnostic[] {
  return diagnostics.filter((d) => d.at.node === id || d.at.edge === id);
}

/** The single selected node or edge, if exactly one thing is selected. */
export function singleSelection(selection: Selection): { kind: 'node' | 'edge'; id: string } | undefined {
  const total = selection.nodes.length + selection.edges.length;
  if (total !== 1) return undefined;
  const node = selection.nodes[0];
  if (node !== undefined) return { kind: 'node', id: node };
  const edge = selection.edges[0];
  return edge === undefined ? undefined : { kind: 'edge', id: edge };
}
