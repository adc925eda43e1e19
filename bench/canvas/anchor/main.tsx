// The anchor of the canvas benchmark: bare React Flow with default nodes and `useNodesState`, the
// same zoom limits, fit options and culling rule as PromTopo's canvas, and the graph the bench wrote
// beside this page (`graph-<name>.json`, named by the `graph` query parameter).
import { Background, Controls, MiniMap, ReactFlow, useEdgesState, useNodesState } from '@xyflow/react';
import type { Edge, Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

interface AnchorGraph {
  readonly nodes: Node[];
  readonly edges: Edge[];
}

const fitViewOptions = { padding: { top: '20px', right: '20px', bottom: '20px', left: '52px' }, maxZoom: 1.2 } as const;

function Anchor({ graph }: { graph: AnchorGraph }) {
  const [nodes, , onNodesChange] = useNodesState(graph.nodes);
  const [edges, , onEdgesChange] = useEdgesState(graph.edges);
  return (
    <div style={{ width: '100vw', height: '100vh' }}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.05}
        maxZoom={2.5}
        onlyRenderVisibleElements={nodes.length > 300}
      >
        <Background gap={24} size={1} />
        <MiniMap pannable zoomable />
        <Controls showInteractive={false} position="bottom-left" />
      </ReactFlow>
    </div>
  );
}

const name = new URLSearchParams(location.search).get('graph') ?? '250';
const graph = (await (await fetch(`./graph-${name}.json`)).json()) as AnchorGraph;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Anchor graph={graph} />
  </StrictMode>,
);
