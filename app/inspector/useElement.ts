/** Hooks the inspector's editors share: the element's diagnostics and one-step patch functions. */
import { useCallback, useMemo } from 'react';
import type { EdgePatch, NodePatch } from '../../src/model/edit/updateElement.ts';
import { updateEdge, updateNode } from '../../src/model/edit/updateElement.ts';
import type { Diagnostic } from '../../src/model/diagnostic.ts';
import { diagnosticsAt, selectDiagnostics } from '../store/selectors.ts';
import { designerStore, useDesigner } from '../store/useDesigner.ts';
import { diagnosticsForField } from './fieldDiagnostics.ts';

/** The diagnostics of one node or edge, and a lookup by field path. */
export function useElementDiagnostics(id: string): { all: Diagnostic[]; at: (field: string) => Diagnostic[] } {
  const diagnostics = useDesigner(selectDiagnostics);
  return useMemo(() => {
    const all = diagnosticsAt(diagnostics, id);
    return { all, at: (field: string) => diagnosticsForField(all, field) };
  }, [diagnostics, id]);
}

/** Patches node `id` as one undo step. */
export function usePatchNode(id: string): (patch: NodePatch) => void {
  return useCallback((patch) => designerStore.getState().apply((t) => updateNode(t, id, patch)), [id]);
}

/** Patches edge `id` as one undo step. */
export function usePatchEdge(id: string): (patch: EdgePatch) => void {
  return useCallback((patch) => designerStore.getState().apply((t) => updateEdge(t, id, patch)), [id]);
}

/** `a, b c` -> `['a', 'b', 'c']` (lists typed in one field). */
export function splitList(text: string): string[] {
  return text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
}

/** One entry per non-empty line. */
export function splitLines(text: string): string[] {
  return text.split('\n').map((s) => s.trim()).filter(Boolean);
}
