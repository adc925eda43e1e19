/** The estimated load of one server (read-only), from the load model. */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatBytes, formatCount, formatPercent } from '../canvas/format.ts';
import { heatOf } from '../canvas/toFlow.ts';
import { selectServerLoad } from '../store/selectors.ts';
import { useDesigner } from '../store/useDesigner.ts';

export function LoadSummary({ id }: { id: string }) {
  const select = useMemo(() => selectServerLoad(id), [id]);
  const load = useDesigner(useShallow(select));
  if (!load) return null;
  const heat = heatOf(load.utilisation);
  return (
    <section className={`pt-load-summary heat-${heat}`} aria-label="Estimated load" data-testid="inspector-load">
      <div><span>Series</span><b data-metric="series">{formatCount(load.activeSeries)}</b></div>
      <div><span>Samples/s</span><b data-metric="samples">{formatCount(load.samplesPerSecond)}</b></div>
      <div><span title="TSDB head: active series x bytes per series">Head memory</span><b data-metric="memory">{formatBytes(load.memoryBytes)}</b></div>
      {load.residentMemoryBytes !== undefined && (
        <div><span title="Process resident memory (RSS), as process_resident_memory_bytes reports it">Process RSS</span><b data-metric="rss">{formatBytes(load.residentMemoryBytes)}</b></div>
      )}
      <div><span>Disk</span><b data-metric="disk">{formatBytes(load.diskBytes)}</b></div>
      <div><span>Capacity</span><b data-metric="utilisation">{load.utilisation === undefined ? '–' : formatPercent(load.utilisation)}</b></div>
    </section>
  );
}
