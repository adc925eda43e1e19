/**
 * The `match[]` selectors of two versions of one federation edge: a selector at the same position
 * replaced by one that was not there before is "changed"; the rest are added or removed.
 */
import type { ChangeKind } from './types.ts';

export interface SelectorChange {
  readonly change: ChangeKind;
  readonly before?: string;
  readonly after?: string;
}

/** Selector changes in the order of the new list (removed ones first, in the old order). */
export function selectorChanges(before: readonly string[], after: readonly string[]): SelectorChange[] {
  const old = new Set(before);
  const now = new Set(after);
  const changedAt = new Set<number>();
  for (let i = 0; i < Math.min(before.length, after.length); i++) {
    const a = before[i] as string;
    const b = after[i] as string;
    if (a !== b && !now.has(a) && !old.has(b)) changedAt.add(i);
  }
  const changes: SelectorChange[] = [];
  before.forEach((s, i) => {
    if (!now.has(s) && !changedAt.has(i)) changes.push({ change: 'removed', before: s });
  });
  after.forEach((s, i) => {
    if (changedAt.has(i)) changes.push({ change: 'changed', before: before[i], after: s });
    else if (!old.has(s)) changes.push({ change: 'added', after: s });
  });
  return changes;
}
