/**
 * Where a node added "at the centre" goes: the wanted spot if it is free, else the nearest free spot
 * on a ring around it, so click-added nodes never land on top of each other.
 */
import type { Topology } from '../types.ts';

/** Space a node card takes on the canvas (with a small margin), flow pixels. */
export const NODE_FOOTPRINT = { width: 230, height: 110 } as const;

function overlaps(t: Topology, p: { x: number; y: number }): boolean {
  return t.nodes.some((n) => Math.abs(n.position.x - p.x) < NODE_FOOTPRINT.width && Math.abs(n.position.y - p.y) < NODE_FOOTPRINT.height);
}

/** The free top-left position nearest to `wanted` (searched ring by ring, deterministic). */
export function freeSpot(t: Topology, wanted: { x: number; y: number }): { x: number; y: number } {
  if (!overlaps(t, wanted)) return wanted;
  for (let ring = 1; ring <= 12; ring++) {
    for (let dy = -ring; dy <= ring; dy++) {
      for (let dx = -ring; dx <= ring; dx++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const p = { x: wanted.x + dx * NODE_FOOTPRINT.width, y: wanted.y + dy * NODE_FOOTPRINT.height };
        if (!overlaps(t, p)) return p;
      }
    }
  }
  return wanted;
}
