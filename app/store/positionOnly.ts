/**
 * Whether two documents differ only in where their nodes sit on the canvas. Nothing the engine
 * derives (diagnostics, load) depends on positions, so the store keeps those results across a move.
 */
import type { Topology, TopologyNode } from '../../src/model/types.ts';

/** True when `after` equals `before` except for node positions (same edges, same other fields). */
export function onlyPositionsDiffer(before: Topology, after: Topology): boolean {
  if (before === after) return true;
  if (before.edges !== after.edges || before.nodes.length !== after.nodes.length) return false;
  if (!sameFieldsExcept(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>, 'nodes')) return false;
  for (let i = 0; i < before.nodes.length; i++) {
    const a = before.nodes[i] as TopologyNode;
    const b = after.nodes[i] as TopologyNode;
    if (a !== b && !sameFieldsExcept(a as unknown as Record<string, unknown>, b as unknown as Record<string, unknown>, 'position')) return false;
  }
  return true;
}

/** Same keys holding the same values (by identity), apart from `except`. */
function sameFieldsExcept(a: Record<string, unknown>, b: Record<string, unknown>, except: string): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) {
    if (k === except) continue;
    if (!(k in b) || a[k] !== b[k]) return false;
  }
  return true;
}
