/**
 * The React Flow canvas. It renders `toFlow(document, derived)` and reports: selection changes go to
 * the store, in-drag positions stay local until the drag ends (then one moveNodes step), connections
 * and drops run commands. It never builds a document itself.
 */
import { Background, ConnectionMode, Controls, MiniMap, ReactFlow, useReactFlow } from '@xyflow/react';
import type { ColorMode, Connection, EdgeChange, FinalConnectionState, IsValidConnection, NodeChange } from '@xyflow/react';
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
import { applyLocalChanges, applySelectionChanges, dragResult } from './flowChanges.ts';
import type { CanvasLocal } from './flowChanges.ts';
import { FlowEdge } from './FlowEdge.tsx';
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
const fitViewOptions = { padding: 0.15, maxZoom: 1.2 };

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
      }),
    [flow],
  );

  // A newly loaded document: fit it once React Flow has measured its nodes.
  useEffect(() => {
    if (loadSeq === 0) return;
    const timer = setTimeout(() => void flow.fitView(fitViewOptions), 80);
    return () => clearTimeout(timer);
  }, [loadSeq, flow]);

  const onNodesChange = useCallback((changes: NodeChange<TopologyFlowNode>[]) => {
    const store = designerStore.getState();
    const next = applySelectionChanges(store.selection, changes, []);
    if (next) store.select(next);
    setLocal((l) => applyLocalChanges(l, changes));
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<TopologyFlowEdge>[]) => {
    const store = designerStore.getState();
    const next = applySelectionChanges(store.selection, [], changes);
    if (next) store.select(next);
  }, []);

  const onNodeDragStop = useCallback((_e: unknown, _node: TopologyFlowNode, dragged: TopologyFlowNode[]) => {
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

  const onConnectEnd = useCallback((_e: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    if (state.isValid !== false || !state.fromNode || !state.toNode) return;
    const plan = planConnection(designerStore.getState().document, state.fromNode.id, state.toNode.id);
    if (!plan.ok) designerStore.getState().notify(`Not connected: ${plan.reason}`, 'error');
  }, []);

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
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      addNodeAt(designerStore, template, { x: p.x - 100, y: p.y - 30 });
    },
    [flow],
  );

  return (
    <section className="pt-canvas" ref={wrapper} aria-label="Canvas">
      <ReactFlow<TopologyFlowNode, TopologyFlowEdge>
        nodes={graph.nodes}
        edges={graph.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        connectionMode={ConnectionMode.Strict}
        onDragOver={onDragOver}
        onDrop={onDrop}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control']}
        colorMode={colorMode}
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.05}
        maxZoom={2.5}
        onlyRenderVisibleElements={graph.nodes.length > 300}
        proOptions={proOptions}
      >
        <Background gap={24} size={1} />
        <MiniMap<TopologyFlowNode> pannable zoomable nodeColor={minimapColour} nodeStrokeWidth={2} ariaLabel="Minimap, coloured by load" />
        <Controls showInteractive={false} position="bottom-left" />
      </ReactFlow>
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
