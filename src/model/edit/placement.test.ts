import { describe, expect, it } from 'vitest';
import { emptyTopology } from '../document.ts';
import { addNode, newNode } from './nodeTemplates.ts';
import type { Topology } from '../types.ts';
import { CARD_GAP, NODE_FOOTPRINT, TYPICAL_CARD, freeSpot } from './placement.ts';
import type { Size } from './placement.ts';

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

describe('freeSpot against measured cards', () => {
  type Box = { x: number; y: number; width: number; height: number };
  const apart = (a: Box, b: Box) =>
    a.x + a.width + CARD_GAP <= b.x || b.x + b.width + CARD_GAP <= a.x || a.y + a.height + CARD_GAP <= b.y || b.y + b.height + CARD_GAP <= a.y;
  const boxOf = (t: Topology, sizes: ReadonlyMap<string, Size>, id: string): Box => {
    const n = t.nodes.find((x) => x.id === id)!;
    return { ...n.position, ...(sizes.get(id) ?? TYPICAL_CARD) };
  };

  it('skips the grid spot below a card that is taller than a typical one', () => {
    const t = addNode(emptyTopology(), newNode(emptyTopology(), 'leaf', { x: 0, y: 0 }));
    const sizes = new Map([[t.nodes[0]!.id, { width: 224, height: 260 }]]);
    // Without the measured size the spot right below would do; with it, that spot is inside the card.
    expect(freeSpot(t, { x: 0, y: 40 })).toEqual({ x: 0, y: 40 + NODE_FOOTPRINT.height });
    const p = freeSpot(t, { x: 0, y: 40 }, sizes);
    expect(apart({ ...p, ...TYPICAL_CARD }, boxOf(t, sizes, t.nodes[0]!.id))).toBe(true);
  });

  it('never lands on any card, whatever their sizes and wherever the view centre is', () => {
    // A fixed pseudo-random sequence: the same cards every run.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let t = emptyTopology();
    const sizes = new Map<string, Size>();
    for (let i = 0; i < 40; i++) {
      const wanted = { x: Math.round(next() * 1200 - 600), y: Math.round(next() * 900 - 450) };
      const p = freeSpot(t, wanted, sizes);
      for (const n of t.nodes) expect(apart({ ...p, ...TYPICAL_CARD }, boxOf(t, sizes, n.id)), `card ${i} at ${p.x},${p.y} on ${n.id}`).toBe(true);
      t = addNode(t, newNode(t, i % 3 === 0 ? 'targets' : 'leaf', p));
      // The canvas measures the new card: a target group is short, a server with warnings tall.
      sizes.set(t.nodes.at(-1)!.id, { width: 224, height: i % 3 === 0 ? 71 : 123 + Math.round(next() * 140) });
    }
  });

  it('goes below everything when the whole neighbourhood is taken', () => {
    let t = emptyTopology();
    const sizes = new Map<string, Size>();
    // One card far taller than the searched rings covers every grid spot of the column and row.
    t = addNode(t, newNode(t, 'leaf', { x: -5000, y: -5000 }));
    sizes.set(t.nodes[0]!.id, { width: 10_000, height: 10_000 });
    const p = freeSpot(t, { x: 0, y: 0 }, sizes);
    expect(p).toEqual({ x: 0, y: 5000 + CARD_GAP });
    expect(apart({ ...p, ...TYPICAL_CARD }, boxOf(t, sizes, t.nodes[0]!.id))).toBe(true);
  });
});
