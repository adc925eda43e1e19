/**
 * Where a node added "at the centre" goes: the wanted spot if it is free, else the free spot nearest
 * to it on a grid of card-sized steps, so a click-added card never lands on another card. "Free"
 * means clear of every card's box: the size the canvas measured for it where it has one (a server
 * with badges, warnings or a two-line name is taller than a target group), else a typical card.
 */
import type { Topology } from '../types.ts';

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Space kept clear between two cards, flow pixels. */
export const CARD_GAP = 24;

/**
 * A card not measured yet (and the card being added): 224 wide like every card, and as tall as a
 * server with its load badges.
 */
export const TYPICAL_CARD: Size = { width: 226, height: 126 };

/** A grid step: a typical card with the gap (click-added cards line up on it). */
export const NODE_FOOTPRINT: Size = { width: TYPICAL_CARD.width + CARD_GAP, height: TYPICAL_CARD.height + CARD_GAP } as const;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Boxes of the cards, each grown by the gap on its right and bottom side (the new card's top-left must stay out). */
function occupied(t: Topology, sizes: ReadonlyMap<string, Size>): Box[] {
  return t.nodes.map((n) => {
    const size = sizes.get(n.id) ?? TYPICAL_CARD;
    return { x: n.position.x, y: n.position.y, width: size.width, height: size.height };
  });
}

/** Whether a typical card at `p` comes closer than the gap to a box. */
function hits(boxes: readonly Box[], p: { x: number; y: number }): boolean {
  return boxes.some(
    (b) =>
      p.x < b.x + b.width + CARD_GAP &&
      b.x < p.x + TYPICAL_CARD.width + CARD_GAP &&
      p.y < b.y + b.height + CARD_GAP &&
      b.y < p.y + TYPICAL_CARD.height + CARD_GAP,
  );
}

/** Grid steps around the wanted spot up to `rings` away, nearest first (ties: right, below, left, above). */
function steps(rings: number): { dx: number; dy: number }[] {
  const out: { dx: number; dy: number; d: number; order: number }[] = [];
  for (let dy = -rings; dy <= rings; dy++) {
    for (let dx = -rings; dx <= rings; dx++) {
      if (dx === 0 && dy === 0) continue;
      const d = Math.hypot(dx * NODE_FOOTPRINT.width, dy * NODE_FOOTPRINT.height);
      out.push({ dx, dy, d, order: Math.atan2(dy, dx) < 0 ? Math.atan2(dy, dx) + 2 * Math.PI : Math.atan2(dy, dx) });
    }
  }
  return out.sort((a, b) => a.d - b.d || a.order - b.order);
}

const STEPS = steps(8);

/**
 * The free top-left position nearest to `wanted` (deterministic). `sizes` are the cards' measured
 * sizes by node id. When the whole neighbourhood is taken, the spot below the lowest card.
 */
export function freeSpot(t: Topology, wanted: { x: number; y: number }, sizes: ReadonlyMap<string, Size> = new Map()): { x: number; y: number } {
  const boxes = occupied(t, sizes);
  if (!hits(boxes, wanted)) return wanted;
  for (const { dx, dy } of STEPS) {
    const p = { x: wanted.x + dx * NODE_FOOTPRINT.width, y: wanted.y + dy * NODE_FOOTPRINT.height };
    if (!hits(boxes, p)) return p;
  }
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: wanted.x, y: Math.ceil(bottom + CARD_GAP) };
}
