/** Edits of the document's failure what-if (`settings.whatIf.down`): each one a new document. */
import type { Topology } from '../model/types.ts';

/** The marks of the document. */
export function downMarks(t: Topology): readonly string[] {
  return t.settings.whatIf?.down ?? [];
}

/** Marks `mark` down, or up again when `down` is false; the what-if is removed when nothing is down. */
export function setDown(t: Topology, mark: string, down: boolean): Topology {
  const current = downMarks(t);
  if (current.includes(mark) === down) return t;
  const next = down ? [...current, mark] : current.filter((m) => m !== mark);
  const { whatIf: _old, ...rest } = t.settings;
  return { ...t, settings: next.length > 0 ? { ...rest, whatIf: { down: next } } : rest };
}
