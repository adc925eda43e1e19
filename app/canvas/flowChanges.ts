/**
 * The one adapter from React Flow's change descriptors to the designer: selection changes become a
 * new Selection, measured sizes and in-drag positions stay canvas-local, and nothing here builds a
 * document (a finished drag is committed by the canvas as one moveNodes command).
 */
import type { EdgeChange, NodeChange } from '@xyflow/react';
import type { Selection } from '../store/designerStore.ts';

type Pos = { x: number; y: number };
type Size = { width: number; height: number };

/** Canvas-local state the changes update. */
export interface CanvasLocal {
  readonly measured: ReadonlyMap<string, Size>;
  readonly dragging: ReadonlyMap<string, Pos>;
}

/** The selection after React Flow's `select` changes (undefined when none of them changes it). */
export function applySelectionChanges(selection: Selection, nodeChanges: readonly NodeChange[], edgeChanges: readonly EdgeChange[]): Selection | undefined {
  const nodes = new Set(selection.nodes);
  const edges = new Set(selection.edges);
  let touched = false;
  for (const c of nodeChanges) {
    if (c.type !== 'select') continue;
    if (c.selected ? !nodes.has(c.id) : nodes.has(c.id)) touched = true;
    if (c.selected) nodes.add(c.id);
    else nodes.delete(c.id);
  }
  for (const c of edgeChanges) {
    if (c.type !== 'select') continue;
    if (c.selected ? !edges.has(c.id) : edges.has(c.id)) touched = true;
    if (c.selected) edges.add(c.id);
    else edges.delete(c.id);
  }
  return touched ? { nodes: [...nodes], edges: [...edges] } : undefined;
}

/** Measured sizes and drag positions after the changes (same objects back when unchanged). */
export function applyLocalChanges(local: CanvasLocal, changes: readonly NodeChange[]): CanvasLocal {
  let measured: Map<string, Size> | undefined;
  let dragging: Map<string, Pos> | undefined;
  for (const c of changes) {
    if (c.type === 'dimensions' && c.dimensions) {
      const prev = (measured ?? local.measured).get(c.id);
      if (prev && prev.width === c.dimensions.width && prev.height === c.dimensions.height) continue;
      measured ??= new Map(local.measured);
      measured.set(c.id, { width: c.dimensions.width, height: c.dimensions.height });
    } else if (c.type === 'position' && c.position && c.dragging) {
      dragging ??= new Map(local.dragging);
      dragging.set(c.id, { x: Math.round(c.position.x), y: Math.round(c.position.y) });
    }
  }
  if (!measured && !dragging) return local;
  return { measured: measured ?? local.measured, dragging: dragging ?? local.dragging };
}

/** Positions to commit when a drag ends (rounded), as moveNodes takes them. */
export function dragResult(dragging: ReadonlyMap<string, Pos>): Record<string, Pos> {
  return Object.fromEntries(dragging);
}

/**
 * Positions moved by the keyboard (React Flow's arrow keys on a selected node): position changes that
 * are not part of a drag. Undefined when there are none. A drag's own final change (dragging: false)
 * arrives while `dragActive` is still true and is committed by the drag's end instead.
 */
export function keyboardMoves(changes: readonly NodeChange[], dragActive: boolean): Record<string, Pos> | undefined {
  if (dragActive) return undefined;
  let moves: Record<string, Pos> | undefined;
  for (const c of changes) {
    if (c.type !== 'position' || !c.position || c.dragging) continue;
    moves ??= {};
    moves[c.id] = { x: Math.round(c.position.x), y: Math.round(c.position.y) };
  }
  return moves;
}
