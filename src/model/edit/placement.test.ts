import { describe, expect, it } from 'vitest';
import { emptyTopology } from '../document.ts';
import { addNode, newNode } from './nodeTemplates.ts';
import { NODE_FOOTPRINT, freeSpot } from './placement.ts';

describe('freeSpot', () => {
  it('keeps a free spot and moves off occupied ones, never onto another node', () => {
    let t = emptyTopology();
    const centre = { x: 100, y: 100 };
    expect(freeSpot(t, centre)).toEqual(centre);
    for (let i = 0; i < 6; i++) {
      const p = freeSpot(t, centre);
      for (const n of t.nodes) {
        expect(Math.abs(n.position.x - p.x) >= NODE_FOOTPRINT.width || Math.abs(n.position.y - p.y) >= NODE_FOOTPRINT.height).toBe(true);
      }
      t = addNode(t, newNode(t, 'leaf', p));
    }
    expect(new Set(t.nodes.map((n) => `${n.position.x},${n.position.y}`)).size).toBe(6);
  });
});
