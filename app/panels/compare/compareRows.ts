/**
 * The Compare tab's rows, from a diff: one per element change with its field lines, and where a click
 * takes the canvas (the node or edge in the open design; removed elements have no place there).
 */
import { changeLines } from '../../../src/diff/diffText.ts';
import type { ElementChange, TopologyDiff } from '../../../src/diff/types.ts';
import type { DiagnosticTarget } from '../problems/groupDiagnostics.ts';

export interface CompareRow {
  /** Unique within the list. */
  readonly key: string;
  readonly change: ElementChange['change'];
  /** The head line without its `+`/`-`/`~` mark. */
  readonly text: string;
  /** Indented field lines (`scrape interval: 15s -> 30s`). */
  readonly details: readonly string[];
  /** What a click reveals; absent for what is only in the file. */
  readonly target?: DiagnosticTarget;
}

function targetOf(change: ElementChange): DiagnosticTarget | undefined {
  if (change.change === 'removed' && change.element !== 'selector') return undefined;
  if (change.element === 'selector') return change.edgeId ? { kind: 'edge', id: change.edgeId } : undefined;
  if (change.element === 'document') return undefined;
  if (!change.newId) return undefined;
  return change.element === 'edge' ? { kind: 'edge', id: change.newId } : { kind: 'node', id: change.newId };
}

/** Rows in the diff's order. */
export function compareRows(diff: TopologyDiff): CompareRow[] {
  return diff.changes.map((change, i) => {
    const [head = '', ...details] = changeLines(change);
    const target = targetOf(change);
    return {
      key: `${i}:${change.oldId ?? ''}:${change.newId ?? ''}`,
      change: change.change,
      text: head.slice(2),
      details: details.map((d) => d.trim()),
      ...(target ? { target } : {}),
    };
  });
}
