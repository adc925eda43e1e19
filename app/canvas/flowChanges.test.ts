import { describe, expect, it } from 'vitest';
import { applyLocalChanges, applySelectionChanges, dragResult, keyboardMoves } from './flowChanges.ts';
import type { CanvasLocal } from './flowChanges.ts';
import type { NodeChange } from '@xyflow/react';

describe('applySelectionChanges', () => {
  it('turns select changes into a selection; other changes do not touch it', () => {
    const next = applySelectionChanges(
      { nodes: ['a'], edges: ['x'] },
      [{ id: 'a', type: 'select', selected: false }, { id: 'b', type: 'select', selected: true }, { id: 'c', type: 'remove' }],
      [{ id: 'x', type: 'select', selected: false }],
    );
    expect(next).toEqual({ nodes: ['b'], edges: [] });
    expect(applySelectionChanges({ nodes: ['a'], edges: [] }, [{ id: 'a', type: 'select', selected: true }], [])).toBeUndefined();
  });
});

describe('applyLocalChanges', () => {
  const empty: CanvasLocal = { measured: new Map(), dragging: new Map() };
  it('keeps measured sizes and in-drag positions locally (never the document)', () => {
    const a = applyLocalChanges(empty, [
      { id: 'n1', type: 'dimensions', dimensions: { width: 200, height: 80 } },
      { id: 'n1', type: 'position', position: { x: 10.4, y: 20.6 }, dragging: true },
    ]);
    expect(a.measured.get('n1')).toEqual({ width: 200, height: 80 });
    expect(dragResult(a.dragging)).toEqual({ n1: { x: 10, y: 21 } });
  });
  it('returns the same object when nothing changes', () => {
    const a = applyLocalChanges(empty, [{ id: 'n1', type: 'dimensions', dimensions: { width: 200, height: 80 } }]);
    expect(applyLocalChanges(a, [{ id: 'n1', type: 'dimensions', dimensions: { width: 200, height: 80 } }])).toBe(a);
    expect(applyLocalChanges(a, [{ id: 'n1', type: 'position', dragging: false }])).toBe(a);
  });
});

describe('keyboardMoves', () => {
  const position = (id: string, x: number, y: number, dragging?: boolean): NodeChange => ({ type: 'position', id, position: { x, y }, ...(dragging === undefined ? {} : { dragging }) });

  it('takes the position changes made outside a drag (arrow keys), rounded', () => {
    expect(keyboardMoves([position('a', 10.4, 20.6, false), { type: 'select', id: 'b', selected: true }], false)).toEqual({ a: { x: 10, y: 21 } });
  });

  it('ignores in-drag positions and the final change of a drag (the drag end commits it)', () => {
    expect(keyboardMoves([position('a', 1, 2, true)], false)).toBeUndefined();
    expect(keyboardMoves([position('a', 1, 2, false)], true)).toBeUndefined();
    expect(keyboardMoves([{ type: 'dimensions', id: 'a', dimensions: { width: 1, height: 1 } }], false)).toBeUndefined();
  });
});
