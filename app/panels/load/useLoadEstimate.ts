/**
 * The full load estimate of the open document (per-instance figures, capacities): the one the store's
 * engine computed (app/store/realEngine.ts, shared with the canvas badges), or, where the engine gives
 * none, estimateLoad with the built-in catalogs, memoized on the document object.
 */
import { builtinCatalogs } from '../../../assets/catalogs/builtinCatalogs.ts';
import { estimateLoad } from '../../../src/estimate/estimateLoad.ts';
import type { LoadEstimate } from '../../../src/estimate/types.ts';
import type { Topology } from '../../../src/model/types.ts';
import { selectDocument, selectLoad } from '../../store/selectors.ts';
import { useDesigner } from '../../store/useDesigner.ts';

const cache = new WeakMap<Topology, LoadEstimate>();

/** estimateLoad(document, builtinCatalogs), memoized on the document object. */
export function estimateFor(document: Topology): LoadEstimate {
  let estimate = cache.get(document);
  if (!estimate) {
    estimate = estimateLoad(document, builtinCatalogs);
    cache.set(document, estimate);
  }
  return estimate;
}

export function useLoadEstimate(): LoadEstimate {
  const document = useDesigner(selectDocument);
  const fromEngine = useDesigner(selectLoad).estimate;
  return fromEngine ?? estimateFor(document);
}
