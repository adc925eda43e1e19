/**
 * Selects a node or edge through the store and centres the canvas on it (React Flow viewport).
 * Used by the problems panel, the export panel's "fix" links and the load table.
 */
import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { edgeEnds } from '../../../src/model/lookup.ts';
import { designerStore } from '../../store/useDesigner.ts';
import type { DiagnosticTarget } from '../problems/groupDiagnostics.ts';

/** Zoom used when centring on a single node (keeps its neighbours in view). */
const REVEAL_ZOOM = 1.1;
const REVEAL_DURATION_MS = 300;

export function useReveal(): (target: DiagnosticTarget) => void {
  const flow = useReactFlow();
  return useCallback(
    (target: DiagnosticTarget) => {
      const state = designerStore.getState();
      if (target.kind === 'node') {
        if (!state.document.nodes.some((n) => n.id === target.id)) return;
        state.select({ nodes: [target.id], edges: [] });
        const node = flow.getInternalNode(target.id);
        if (node) {
          const { x, y } = node.internals.positionAbsolute;
          const w = node.measured.width ?? 0;
          const h = node.measured.height ?? 0;
          void flow.setCenter(x + w / 2, y + h / 2, { zoom: Math.max(flow.getZoom(), REVEAL_ZOOM), duration: REVEAL_DURATION_MS });
        }
        return;
      }
      const edge = state.document.edges.find((e) => e.id === target.id);
      if (!edge) return;
      state.select({ nodes: [], edges: [target.id] });
      const [a, b] = edgeEnds(edge);
      void flow.fitView({ nodes: [{ id: a }, { id: b }], duration: REVEAL_DURATION_MS, padding: 0.4, maxZoom: REVEAL_ZOOM });
    },
    [flow],
  );
}
