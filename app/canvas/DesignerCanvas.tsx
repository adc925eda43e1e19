/**
 * The React Flow canvas. It renders `toFlow(document, derived)` and reports: selection changes go to
 * the store, in-drag positions stay local until the drag ends (then one moveNodes step), connections
 * and drops run commands. It never builds a document itself.
 */
import { Background, ConnectionMode, Controls, MiniMap, ReactFlow, useReactFlow, useStore } from '@xyflow/react';
import type { ColorMode, Connection, EdgeChange, FinalConnectionState, FitViewOptions, IsValidConnection, NodeChange } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { planConnection } from '../../src/model/edit/connect.ts';
import { isNodeTemplate } from '../../src/model/edit/nodeTemplates.ts';
import { moveNodes } from '../../src/model/edit/selectionEdits.ts';
import { installCanvasBridge } from '../commands/canvasBridge.ts';
import { connectNodes } from '../commands/connectNodes.ts';
import { addNodeAt } from '../commands/designerCommands.ts';
import { selectDocument, selectLoad, selectMarkers, selectSelection } from '../store/selectors.ts';
import { designerStore, useDesigner } from '../store/useDesigner.ts';
import { useMediaQuery } from '../layout/useMediaQuery.ts';
import { applyLocalChanges, applySelectionChanges, dragResult, keyboardMoves } from './flowChanges.ts';
import type { CanvasLocal } from './flowChanges.ts';
import { FlowEdge } from './FlowEdge.tsx';
import { DetailContext, MANY_NODES, detailAt } from './levelOfDetail.ts';
import { NodeCard } from './NodeCard.tsx';
import { PALETTE_MIME } from './Palette.tsx';
import { toFlow } from './toFlow.ts';
import type { FlowGraph, TopologyFlowEdge, TopologyFlowNode } from './toFlow.ts';

const nodeTypes = { topology: NodeCard };
const edgeTypes = { topology: FlowEdge };
const heatColours: Record<string, string> = { none: '#8a94a6', low: '#2f9e62', mid: '#d9a400', high: '#e8590c', over: '#d6336c' };
const minimapColour = (n: TopologyFlowNode) => heatColours[n.data.heat] ?? '#8a94a6';
const EMPTY_LOCAL: CanvasLocal = { measured: new Map(), dragging: new Map() };
const proOptions = { hideAttribution: true };
// Tight margins so names are readable at "fit"; the left one keeps cards clear of the zoom controls.
const fitViewOptions: FitViewOptions<TopologyFlowNode> = { padding: { top: '20px', right: '20px', bottom: '20px', left: '52px' }, maxZoom: 1.2 };
const compactMinimap = { width: 150, height: 100 };
/** A card's size at zoom 1 (CSS `.pt-node` width; a typical height), for placing drops. */
const CARD = { width: 224, height: 80 } as const;
/** How far from the canvas' edges a dropped card's edge stays, screen pixels. */
const DROP_MARGIN = 12;

/** Where a card dropped at `pointer` is centred: the pointer, pulled inside the canvas `box`. */
function dropPoint(pointer: { x: number; y: number }, box: { left: number; top: number; right: number; bottom: number }, zoom: number): { x: number; y: number } {
  const halfW = (CARD.width / 2) * zoom + DROP_MARGIN;
  const halfH = (CARD.height / 2) * zoom + DROP_MARGIN;
  const clamp = (v: number, lo: number, hi: number) => (lo > hi ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, v)));
  return { x: clamp(pointer.x, box.left + halfW, box.right - halfW), y: clamp(pointer.y, box.top + halfH, box.bottom - halfH) };
}

type ScreenRect = { left: number; top: number; right: number; bottom: number };

/** The screen boxes of what floats over the canvas and hides cards (minimap, zoom controls). */
function floatingRects(canvas: HTMLElement | null): ScreenRect[] {
  if (!canvas) return [];
  return [...canvas.querySelectorAll('.react-flow__minimap, .react-flow__controls')].map((el) => el.getBoundingClientRect());
}

/** Whether a card's screen box lies inside the canvas box and clear of every floating panel. */
function cardClear(card: ScreenRect, box: ScreenRect, floating: readonly ScreenRect[]): boolean {
  const inside = card.left >= box.left && card.top >= box.top && card.right <= box.right && card.bottom <= box.bottom;
  const covered = floating.some((f) => card.left < f.right && f.left < card.right && card.top < f.bottom && f.top < card.bottom);
  return inside && !covered;
}

/** The id of the canvas node under the pointer where a gesture ended, if any. */
function nodeUnderPointer(event: MouseEvent | TouchEvent): string | undefined {
  const point = 'changedTouches' in event ? event.changedTouches[0] : event;
  if (!point) return undefined;
  for (const el of globalThis.document.elementsFromPoint(point.clientX, point.clientY)) {
    const id = el.closest('.react-flow__node')?.getAttribute('data-id');
    if (id) return id;
  }
  return undefined;
}

export function DesignerCanvas({ colorMode }: { colorMode: ColorMode }) {
  const document = useDesigner(selectDocument);
  const selection = useDesigner(selectSelection);
  const markers = useDesigner(selectMarkers);
  const load = useDesigner(selectLoad);
  const loadSeq = useDesigner((s) => s.loadSeq);
  const [local, setLocal] = useState<CanvasLocal>(EMPTY_LOCAL);
  const previous = useRef<FlowGraph | undefined>(undefined);
  const flow = useReactFlow<TopologyFlowNode, TopologyFlowEdge>();
  const wrapper = useRef<HTMLDivElement>(null);
  const narrow = useMediaQuery('(max-width: 1439px)');
  // Re-renders the canvas only when the zoom crosses the level-of-detail threshold.
  const detail = useStore((s) => detailAt(s.transform[2]));

  const graph = useMemo(() => {
    const next = toFlow(document, { markers, load, selection, measured: local.measured, dragging: local.dragging }, previous.current);
    previous.current = next;
    return next;
  }, [document, markers, load, selection, local]);

  useEffect(
    () =>
      installCanvasBridge({
        centre: () => {
          const box = wrapper.current?.getBoundingClientRect();
          if (!box) return { x: 0, y: 0 };
          return flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
        },
        fitView: () => void flow.fitView({ ...fitViewOptions, duration: 200 }),
        zoomIn: () => void flow.zoomIn({ duration: 150 }),
        zoomOut: () => void flow.zoomOut({ duration: 150 }),
        reveal: (id) => {
          const t = designerStore.getState().document;
          const node = t.nodes.find((n) => n.id === id);
          const internal = node ? flow.getInternalNode(id) : undefined;
          if (node) {
            const w = internal?.measured.width ?? 200;
            const h = internal?.measured.height ?? 80;
            void flow.setCenter(node.position.x + w / 2, node.position.y + h / 2, { zoom: Math.max(flow.getZoom(), 1), duration: 250 });
            return;
          }
          const edge = flow.getEdge(id);
          if (edge) void flow.fitView({ nodes: [{ id: edge.source }, { id: edge.target }], padding: 0.4, duration: 250 });
        },
        ensureVisible: (area) => {
          const box = wrapper.current?.getBoundingClientRect();
          if (!box) return;
          const a = flow.flowToScreenPosition({ x: area.x, y: area.y });
          const b = flow.flowToScreenPosition({ x: area.x + area.width, y: area.y + area.height });
          const card = { left: a.x, top: a.y, right: b.x, bottom: b.y };
          if (!cardClear(card, box, floatingRects(wrapper.current))) void flow.setCenter(area.x + area.width / 2, area.y + area.height / 2, { zoom: flow.getZoom() });
        },
        cardSizes: () => {
          const sizes = new Map<string, { width: number; height: number }>();
          for (const n of flow.getNodes()) if (n.measured?.width && n.measured.height) sizes.set(n.id, { width: n.measured.width, height: n.measured.height });
          return sizes;
        },
      }),
    [flow],
  );

  // A newly loaded document: fit it. React Flow queues the fit until it has measured the new nodes.
  useEffect(() => {
    if (loadSeq === 0) return;
    // An empty document starts at zoom 1 at the origin, so the first cards are drawn full size.
    if (designerStore.getState().document.nodes.length === 0) void flow.setViewport({ x: 0, y: 0, zoom: 1 });
    else void flow.fitView(fitViewOptions);
  }, [loadSeq, flow]);

  const dragActive = useRef(false);
  const onNodesChange = useCallback((changes: NodeChange<TopologyFlowNode>[]) => {
    const store = designerStore.getState();
    const next = applySelectionChanges(store.selection, changes, []);
    if (next) store.select(next);
    // An arrow key press on a selected node: one undo step per press.
    const moved = keyboardMoves(changes, dragActive.current);
    if (moved) store.apply((t) => moveNodes(t, moved));
    setLocal((l) => applyLocalChanges(l, changes));
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<TopologyFlowEdge>[]) => {
    const store = designerStore.getState();
    const next = applySelectionChanges(store.selection, [], changes);
    if (next) store.select(next);
  }, []);

  const onNodeDragStart = useCallback(() => {
    dragActive.current = true;
  }, []);

  const onNodeDragStop = useCallback((_e: unknown, _node: TopologyFlowNode, dragged: TopologyFlowNode[]) => {
    dragActive.current = false;
    // React Flow hands over the dragged nodes with their final positions.
    const positions = dragResult(new Map(dragged.map((n) => [n.id, { x: Math.round(n.position.x), y: Math.round(n.position.y) }])));
    // One undo step for the whole drag, whatever the number of pointer moves.
    designerStore.getState().apply((t) => moveNodes(t, positions));
    setLocal((l) => ({ measured: l.measured, dragging: new Map() }));
  }, []);

  const isValidConnection: IsValidConnection<TopologyFlowEdge> = useCallback(
    (c) => planConnection(designerStore.getState().document, c.source, c.target).ok,
    [],
  );

  const onConnect = useCallback((c: Connection) => {
    connectNodes(designerStore, c.source, c.target);
  }, []);

  const onConnectEnd = useCallback((event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    if (state.isValid === true || !state.fromNode) return;
    // Dropped on a node's card rather than on its handle (or on a node that has no input handle,
    // like a target group): the card names the node the user meant.
    const to = state.toNode?.id ?? nodeUnderPointer(event);
    if (!to || to === state.fromNode.id) return;
    const store = designerStore.getState();
    const plan = planConnection(store.document, state.fromNode.id, to);
    if (!plan.ok) {
      store.notify(`Not connected: ${plan.reason}`, 'error');
      return;
    }
    onConnect({ source: state.fromNode.id, target: to, sourceHandle: null, targetHandle: null });
  }, [onConnect]);

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(PALETTE_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const template = e.dataTransfer.getData(PALETTE_MIME);
      if (!isNodeTemplate(template)) return;
      e.preventDefault();
      // The card is centred where it was dropped, moved inside the canvas when that would put part of
      // it under the palette, the sidebar or the window's edge.
      const box = wrapper.current?.getBoundingClientRect();
      const point = box ? dropPoint({ x: e.clientX, y: e.clientY }, box, flow.getZoom()) : { x: e.clientX, y: e.clientY };
      const p = flow.screenToFlowPosition(point);
      addNodeAt(designerStore, template, { x: Math.round(p.x - CARD.width / 2), y: Math.round(p.y - CARD.height / 2) });
    },
    [flow],
  );

  return (
    <section className={`pt-canvas detail-${detail}${graph.nodes.length > MANY_NODES ? ' many-nodes' : ''}`} ref={wrapper} aria-label="Canvas">
      <DetailContext.Provider value={detail}>
        <ReactFlow<TopologyFlowNode, TopologyFlowEdge>
          nodes={graph.nodes}
          edges={graph.edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeDragStart={onNodeDragStart}
          onNodeDragStop={onNodeDragStop}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          connectionMode={ConnectionMode.Strict}
          onDragOver={onDragOver}
          onDrop={onDrop}
          deleteKeyCode={null}
          // Tab goes through the nodes; an edge is reached from its node (inspector: Connections).
          edgesFocusable={false}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={['Meta', 'Control']}
          colorMode={colorMode}
          fitViewOptions={fitViewOptions}
          minZoom={0.05}
          maxZoom={2.5}
          onlyRenderVisibleElements={graph.nodes.length > MANY_NODES}
          proOptions={proOptions}
        >
          <Background gap={24} size={1} />
          <MiniMap<TopologyFlowNode> style={narrow ? compactMinimap : undefined} pannable zoomable nodeColor={minimapColour} nodeStrokeWidth={2} ariaLabel="Minimap, coloured by load" />
          <Controls showInteractive={false} position="bottom-left" />
        </ReactFlow>
      </DetailContext.Provider>
      {document.nodes.length === 0 && (
        <div className="pt-empty" role="note">
          <h2>An empty topology</h2>
          <p>Drag a <b>Leaf Prometheus</b> and a <b>Target group</b> from the palette, then connect them.</p>
          <p>Or open an example from the File menu.</p>
        </div>
      )}
    </section>
  );
}
