/**
 * The pure adapter from the document (+ derived values and canvas-local state) to React Flow's
 * nodes and edges. Reuses the previous result's objects where nothing changed, so React Flow and the
 * memoized node components skip the untouched ones (1,000+ nodes).
 */
import type { Edge, Node } from '@xyflow/react';
import { flowDirection } from '../../src/model/edit/graphQueries.ts';
import type { Topology, TopologyEdge, TopologyNode } from '../../src/model/types.ts';
import type { Selection } from '../store/designerStore.ts';
import type { EdgeLoadView, LoadView } from '../store/engine.ts';
import type { MarkerCounts } from '../store/selectors.ts';
import { NO_MARKERS } from '../store/selectors.ts';
import { edgeAccessibleName, nodeAccessibleName } from './accessibleNames.ts';
import { formatBytes, formatCount } from './format.ts';

/** Heat bucket of a server by utilisation: none (no capacity known), low < 50%, mid < 80%, high < 100%, over. */
export type Heat = 'none' | 'low' | 'mid' | 'high' | 'over';

export interface TopologyNodeData extends Record<string, unknown> {
  readonly node: TopologyNode;
  readonly markers: MarkerCounts;
  readonly heat: Heat;
}

export interface TopologyEdgeData extends Record<string, unknown> {
  readonly edge: TopologyEdge;
  /** Short text on the edge: federation match[] summary and/or samples/s. */
  readonly label: string;
  /** Stroke width in px, by samples/s carried. */
  readonly width: number;
  readonly load?: EdgeLoadView;
  readonly markers: MarkerCounts;
}

export type TopologyFlowNode = Node<TopologyNodeData, 'topology'>;
export type TopologyFlowEdge = Edge<TopologyEdgeData, 'topology'>;

export interface FlowDerived {
  readonly markers: ReadonlyMap<string, MarkerCounts>;
  readonly load: LoadView;
  readonly selection: Selection;
  /** Sizes React Flow measured, per node id (canvas-local). */
  readonly measured?: ReadonlyMap<string, { width: number; height: number }>;
  /** Positions of nodes being dragged (canvas-local until the drag ends). */
  readonly dragging?: ReadonlyMap<string, { x: number; y: number }>;
}

export interface FlowGraph {
  readonly nodes: TopologyFlowNode[];
  readonly edges: TopologyFlowEdge[];
  /** What `edges` was built from: the next call hands back the same array when these are the same. */
  readonly edgeBasis?: EdgeBasis;
}

/** The inputs edges depend on (never positions, sizes or drags). */
interface EdgeBasis {
  readonly document: Topology;
  readonly markers: FlowDerived['markers'];
  readonly load: LoadView;
  readonly selectedEdges: readonly string[];
}

export function heatOf(utilisation: number | undefined): Heat {
  if (utilisation === undefined || !Number.isFinite(utilisation)) return 'none';
  if (utilisation >= 1) return 'over';
  if (utilisation >= 0.8) return 'high';
  if (utilisation >= 0.5) return 'mid';
  return 'low';
}

/** Edge stroke width: 1.5 px for nothing, growing with log10(samples/s), at most 9 px. */
export function edgeWidth(samplesPerSecond: number | undefined): number {
  if (!samplesPerSecond || samplesPerSecond <= 0) return 1.5;
  return Math.min(9, Math.round((1.5 + Math.log10(1 + samplesPerSecond) * 1.25) * 10) / 10);
}

/** `{__name__=~"job:.+"}` -> `job:.+`; `up{job="x"}` -> `up{job="x"}`; first two selectors, then `+N`. */
export function summarizeMatch(match: readonly string[]): string {
  if (match.length === 0) return 'no match[]';
  const short = match.map((m) => {
    const t = m.trim();
    const nameOnly = /^\{\s*__name__\s*=~?\s*"([^"]*)"\s*\}$/.exec(t);
    return nameOnly ? nameOnly[1] ?? t : t;
  });
  const shown = short.slice(0, 2).map((s) => (s.length > 28 ? `${s.slice(0, 27)}…` : s));
  return shown.join(', ') + (short.length > 2 ? ` +${short.length - 2}` : '');
}

/**
 * The flow graph of `document`. With the `previous` result, unchanged node and edge objects are
 * reused, and so are the arrays themselves when nothing in them changed: React Flow rebuilds its
 * connection lookup whenever the `edges` array is another object, which a drag must not cause.
 */
export function toFlow(document: Topology, derived: FlowDerived, previous?: FlowGraph): FlowGraph {
  const nodes = reuseArray(flowNodes(document, derived, previous), previous?.nodes);
  const edgeBasis: EdgeBasis = { document, markers: derived.markers, load: derived.load, selectedEdges: derived.selection.edges };
  const edges = previous?.edgeBasis && sameBasis(previous.edgeBasis, edgeBasis) ? previous.edges : reuseArray(flowEdges(document, derived, previous), previous?.edges);
  return { nodes, edges, edgeBasis };
}

function sameBasis(a: EdgeBasis, b: EdgeBasis): boolean {
  return a.document === b.document && a.markers === b.markers && a.load === b.load && a.selectedEdges === b.selectedEdges;
}

/** `previous` when `next` holds the same objects in the same order, else `next`. */
function reuseArray<T>(next: T[], previous: T[] | undefined): T[] {
  if (!previous || previous.length !== next.length) return next;
  for (let i = 0; i < next.length; i++) if (next[i] !== previous[i]) return next;
  return previous;
}

function flowNodes(document: Topology, derived: FlowDerived, previous: FlowGraph | undefined): TopologyFlowNode[] {
  const selectedNodes = new Set(derived.selection.nodes);
  const prevNodes = new Map(previous?.nodes.map((n) => [n.id, n]));
  return document.nodes.map((node): TopologyFlowNode => {
    const markers = derived.markers.get(node.id) ?? NO_MARKERS;
    const heat = node.kind === 'prometheus' ? heatOf(derived.load.servers.get(node.id)?.utilisation) : 'none';
    const position = derived.dragging?.get(node.id) ?? node.position;
    const measured = derived.measured?.get(node.id);
    const selected = selectedNodes.has(node.id);
    const prev = prevNodes.get(node.id);
    if (
      prev &&
      prev.data.node === node &&
      sameMarkers(prev.data.markers, markers) &&
      prev.data.heat === heat &&
      prev.selected === selected &&
      prev.position.x === position.x &&
      prev.position.y === position.y &&
      prev.measured?.width === measured?.width &&
      prev.measured?.height === measured?.height
    ) {
      return prev;
    }
    return {
      id: node.id,
      type: 'topology',
      position,
      data: { node, markers, heat },
      selected,
      ...(measured ? { measured } : {}),
      className: `pt-flow-node kind-${node.kind} heat-${heat}`,
      ariaLabel: nodeAccessibleName(node),
    };
  });
}

function flowEdges(document: Topology, derived: FlowDerived, previous: FlowGraph | undefined): TopologyFlowEdge[] {
  const selectedEdges = new Set(derived.selection.edges);
  const prevEdges = new Map(previous?.edges.map((e) => [e.id, e]));
  const nodeIds = new Set(document.nodes.map((n) => n.id));
  const names = new Map(document.nodes.map((n) => [n.id, n.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const edges: TopologyFlowEdge[] = [];
  for (const edge of document.edges) {
    const [source, target] = flowDirection(edge);
    if (!nodeIds.has(source) || !nodeIds.has(target)) continue; // validate/ reports dangling edges
    const load = derived.load.edges.get(edge.id);
    const markers = derived.markers.get(edge.id) ?? NO_MARKERS;
    const label = edgeLabel(edge, load);
    const width = edgeWidth(load?.samplesPerSecond);
    const selected = selectedEdges.has(edge.id);
    const ariaLabel = edgeAccessibleName(edge, nameOf);
    const prev = prevEdges.get(edge.id);
    if (
      prev &&
      prev.data?.edge === edge &&
      prev.data.label === label &&
      prev.data.width === width &&
      prev.selected === selected &&
      prev.ariaLabel === ariaLabel &&
      sameMarkers(prev.data.markers, markers)
    ) {
      edges.push(prev);
      continue;
    }
    edges.push({
      id: edge.id,
      type: 'topology',
      source,
      target,
      selected,
      className: `pt-flow-edge kind-${edge.kind}`,
      ariaLabel,
      data: { edge, label, width, markers, ...(load ? { load } : {}) },
    });
  }
  return edges;
}

function edgeLabel(edge: TopologyEdge, load: EdgeLoadView | undefined): string {
  const rate = load && load.samplesPerSecond > 0 ? `${formatCount(load.samplesPerSecond)}/s` : '';
  switch (edge.kind) {
    case 'federation':
      return [summarizeMatch(edge.match), rate].filter(Boolean).join(' · ');
    case 'scrape':
      return rate;
    case 'alert':
      return '';
    case 'datasource':
      return edge.isDefault ? 'default source' : '';
    case 'remote_write': {
      const wire = load?.bytesPerSecond ? `${formatBytes(load.bytesPerSecond)}/s` : '';
      return ['remote_write', rate, wire].filter(Boolean).join(' · ');
    }
    case 'store':
      return '';
  }
}

function sameMarkers(a: MarkerCounts, b: MarkerCounts): boolean {
  return a === b || (a.errors === b.errors && a.warnings === b.warnings && a.infos === b.infos);
}
