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

describe('freeSpot order', () => {
  it('fills the nearest spots first: below, above, then right and left, diagonals last', () => {
    let t = emptyTopology();
    const centre = { x: 0, y: 0 };
    const spots: { x: number; y: number }[] = [];
    for (let i = 0; i < 5; i++) {
      const p = freeSpot(t, centre);
      spots.push(p);
      t = addNode(t, newNode(t, 'leaf', p));
    }
    const { width: w, height: h } = NODE_FOOTPRINT;
    expect(spots).toEqual([{ x: 0, y: 0 }, { x: 0, y: h }, { x: 0, y: -h }, { x: w, y: 0 }, { x: -w, y: 0 }]);
  });

  it('keeps cards at least a card apart even around an off-grid node', () => {
    let t = addNode(emptyTopology(), newNode(emptyTopology(), 'leaf', { x: 37, y: 12 }));
    const p = freeSpot(t, { x: 0, y: 0 });
    expect(Math.abs(p.x - 37) >= NODE_FOOTPRINT.width || Math.abs(p.y - 12) >= NODE_FOOTPRINT.height).toBe(true);
    t = addNode(t, newNode(t, 'leaf', p));
    expect(t.nodes).toHaveLength(2);
  });
});
