/** The Load table's Measured column: what the linked running servers gave, beside the prediction. */
import { formatBytes, formatCount } from '../../canvas/format.ts';
import { selectDocument } from '../../store/selectors.ts';
import { useDesigner } from '../../store/useDesigner.ts';
import { formatError } from '../run/runView.ts';
import { useLinkedServers } from './linkedServers.ts';
import { nodeLinkKeys, useLinkedView } from './useLinkedView.ts';

/** Whether any server node of the open document is linked to a running server. */
export function useAnyLinked(): boolean {
  const document = useDesigner(selectDocument);
  const links = useLinkedServers((s) => s.links);
  return document.nodes.some((n) => n.kind === 'prometheus' && nodeLinkKeys(document, n.id).some((k) => links[k] !== undefined));
}

export function MeasuredCell({ id }: { id: string }) {
  const view = useLinkedView(id);
  if (!view) return <td className="ptp-col-num" data-column="measured">—</td>;
  const m = view.measured;
  if (!m) {
    const state = view.measuring ? 'measuring…' : view.errors.length > 0 ? 'unreachable' : 'not measured';
    return (
      <td className="ptp-col-num" data-column="measured" title={view.errors.join('\n')}>
        {state}
      </td>
    );
  }
  const exact = [
    `${m.series} series measured, ${Math.round(view.predicted.series)} predicted (${formatError(view.errorPercent.series)})`,
    `${m.samplesPerSecond.toFixed(1)} samples/s measured, ${view.predicted.samplesPerSecond.toFixed(1)} predicted (${formatError(view.errorPercent.samplesPerSecond)})`,
    ...(m.memoryBytes !== undefined ? [`RSS ${formatBytes(m.memoryBytes)} measured (${formatError(view.errorPercent.memoryBytes)})`] : []),
  ].join('\n');
  return (
    <td className="ptp-col-num ptp-col-measured" data-column="measured" title={exact}>
      <span data-metric="measured-series">{formatCount(m.series)} {formatError(view.errorPercent.series)}</span>
      <br />
      <span data-metric="measured-samples">{formatCount(m.samplesPerSecond)}/s {formatError(view.errorPercent.samplesPerSecond)}</span>
      {m.memoryBytes !== undefined && (
        <>
          <br />
          <span data-metric="measured-memory">RSS {formatBytes(m.memoryBytes)} {formatError(view.errorPercent.memoryBytes)}</span>
        </>
      )}
    </td>
  );
}
