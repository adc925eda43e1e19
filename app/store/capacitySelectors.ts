/**
 * Machine-terms capacity (src/capacity) and the failure what-if (src/whatif) of the document, once
 * per document, from the engine's load estimate (else estimateLoad with the built-in catalogs), and
 * narrow per-server selectors returning strings so a card re-renders only when its own text changes.
 */
import { builtinCatalogs } from '../../assets/catalogs/builtinCatalogs.ts';
import { serverCapacity } from '../../src/capacity/serverCapacity.ts';
import type { ServerCapacity } from '../../src/capacity/types.ts';
import { estimateLoad } from '../../src/estimate/estimateLoad.ts';
import { failureImpact, type FailureImpact } from '../../src/whatif/failureImpact.ts';
import { downMarks } from '../../src/whatif/whatIfEdits.ts';
import type { DesignerState } from './designerStore.ts';
import { perDocument, selectLoad } from './selectors.ts';

export const selectCapacity: (s: DesignerState) => Readonly<Record<string, ServerCapacity>> = perDocument((_e, t, s) =>
  serverCapacity(t, selectLoad(s).estimate ?? estimateLoad(t, builtinCatalogs)));

/** The what-if's impact, or null when nothing is marked down. */
export const selectFailureImpact: (s: DesignerState) => FailureImpact | null = perDocument((_e, t, s) => {
  const marks = downMarks(t);
  return marks.length === 0 ? null : failureImpact(t, selectLoad(s).estimate ?? estimateLoad(t, builtinCatalogs), marks);
});

/** The card's machine badge: the chosen size (or the size needed), `!` when the chosen one is too small. */
export function selectMachineBadge(id: string) {
  return (s: DesignerState): string => {
    const c = selectCapacity(s)[id];
    if (!c) return '';
    if (c.chosen) return c.fits ? c.chosen.name : `${c.chosen.name} too small`;
    return c.needed ? `needs ${c.needed.name}` : 'no size fits';
  };
}

/** The card's what-if state: `down`, `partial`, `covered` or '' (not affected). */
export function selectDownState(id: string) {
  return (s: DesignerState): string => selectFailureImpact(s)?.servers.find((x) => x.id === id)?.state ?? '';
}
