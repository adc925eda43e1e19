/**
 * Where a node added "at the centre" goes: the wanted spot if it is free, else the free spot nearest
 * to it on a grid of card-sized steps, so click-added nodes never land on top of each other.
 */
import type { Topology } from '../types.ts';

/**
 * Space a node card takes on the canvas with a margin, flow pixels: cards are 224 wide and up to
 * about 140 tall (a server with its badges and a two-line name).
 */
export const NODE_FOOTPRINT = { width: 250, height: 150 } as const;

function overlaps(t: Topology, p: { x: number; y: number }): boolean {
  return t.nodes.some((n) => Math.abs(n.position.x - p.x) < NODE_FOOTPRINT.width && Math.abs(n.position.y - p.y) < NODE_FOOTPRINT.height);
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

/** The free top-left position nearest to `wanted` (deterministic). */
export function freeSpot(t: Topology, wanted: { x: number; y: number }): { x: number; y: number } {
  if (!overlaps(t, wanted)) return wanted;
  for (const { dx, dy } of STEPS) {
    const p = { x: wanted.x + dx * NODE_FOOTPRINT.width, y: wanted.y + dy * NODE_FOOTPRINT.height };
    if (!overlaps(t, p)) return p;
  }
  return wanted;
}
