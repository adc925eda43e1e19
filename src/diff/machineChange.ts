/**
 * The machine-size and price columns of a server's load change, in user words: `small-2x8 ->
 * medium-4x16`, `50 -> 100 (+50)`. Shared by `promtopo diff` and the Compare panel.
 */
import type { LoadFigures, ServerLoadChange } from './types.ts';
import { formatCount, formatDelta } from './units.ts';

const NONE_FITS = 'no size holds it';

function sizeOf(f: LoadFigures): string {
  return f.neededSize ?? NONE_FITS;
}

/** The machine size needed before -> after (`(new)`/`(gone)` for added and removed servers). */
export function machineSizeChange(s: ServerLoadChange, arrow = '->'): string {
  if (!s.before) return s.after ? `${sizeOf(s.after)} (new)` : '-';
  if (!s.after) return `${sizeOf(s.before)} (gone)`;
  const a = sizeOf(s.before);
  const b = sizeOf(s.after);
  return a === b ? b : `${a} ${arrow} ${b}`;
}

/** The price per month before -> after with the difference; `-` when neither side is priced. */
export function priceChange(s: ServerLoadChange, arrow = '->'): string {
  const a = s.before?.pricePerMonth;
  const b = s.after?.pricePerMonth;
  if (a === undefined && b === undefined) return '-';
  const show = (n: number | undefined) => (n === undefined ? 'not priced' : formatCount(n));
  if (a === b) return show(b);
  const delta = a !== undefined && b !== undefined ? ` (${formatDelta(b - a, formatCount)})` : '';
  return `${s.before ? show(a) : 'new'} ${arrow} ${s.after ? show(b) : 'gone'}${delta}`;
}
