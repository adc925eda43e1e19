/** Machine-terms capacity and the failure what-if of the open document (memoized per document). */
import type { ServerCapacity } from '../../../src/capacity/types.ts';
import type { FailureImpact } from '../../../src/whatif/failureImpact.ts';
import { selectCapacity, selectFailureImpact } from '../../store/capacitySelectors.ts';
import { useDesigner } from '../../store/useDesigner.ts';

export function useCapacity(): Readonly<Record<string, ServerCapacity>> {
  return useDesigner(selectCapacity);
}

/** The impact of the document's what-if, or undefined when nothing is marked down. */
export function useFailureImpact(): FailureImpact | undefined {
  return useDesigner(selectFailureImpact) ?? undefined;
}
