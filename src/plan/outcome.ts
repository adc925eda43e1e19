/**
 * What a planning command returns: the new document and what it did, or why it cannot run (a message
 * naming the node and the field, for the CLI and the designer alike). Planning never half-applies.
 */
import type { Topology } from '../model/types.ts';

export type PlanOutcome<S> =
  | { readonly ok: true; readonly topology: Topology; readonly summary: S; readonly notes: readonly string[] }
  | { readonly ok: false; readonly error: string; readonly node?: string; readonly field?: string };

export function planError(error: string, node?: string, field?: string): { ok: false; error: string; node?: string; field?: string } {
  return { ok: false, error, ...(node !== undefined ? { node } : {}), ...(field !== undefined ? { field } : {}) };
}
