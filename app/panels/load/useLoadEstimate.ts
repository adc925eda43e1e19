/**
 * The full load estimate of the open document (with per-instance figures and capacities), computed
 * by the load model with the built-in exporter catalogs, once per document object.
 */
import { builtinCatalogs } from '../../../assets/catalogs/builtinCatalogs.ts';
import { estimateLoad } from '../../../src/estimate/estimateLoad.ts';
import type { LoadEstimate } from '../../../src/estimate/types.ts';
import type { Topology } from '../../../src/model/types.ts';
import { selectDocument } from '../../store/selectors.ts';
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
  return estimateFor(useDesigner(selectDocument));
}
