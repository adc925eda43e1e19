/** On a server card linked to running servers: measured beside predicted with the error in percent, or why not. */
import { formatBytes, formatCount } from '../../canvas/format.ts';
import { formatError } from '../run/runView.ts';
import { useLinkedView } from './useLinkedView.ts';

export function LinkedBadges({ id }: { id: string }) {
  const view = useLinkedView(id);
  if (!view) return null;
  const m = view.measured;
  const failed = view.errors.length > 0;
  return (
    <div className={`pt-node-run ${failed ? 'down' : 'up'}`} data-testid="linked-badges" title={view.errors.join('\n')}>
      <span className="pt-badge run-state" data-metric="linked">
        {view.measuring ? 'measuring…' : failed ? 'unreachable' : m ? 'live' : 'linked'} {view.linked}/{view.instances}
      </span>
      {m && (
        <>
          <span className="pt-badge run" data-metric="live-series" title={`predicted ${Math.round(view.predicted.series)} series, measured ${m.series}`}>
            {formatCount(m.series)} series {formatError(view.errorPercent.series)}
          </span>
          <span className="pt-badge run" data-metric="live-samples" title={`predicted ${view.predicted.samplesPerSecond.toFixed(1)} samples/s, measured ${m.samplesPerSecond.toFixed(1)}`}>
            {formatCount(m.samplesPerSecond)}/s {formatError(view.errorPercent.samplesPerSecond)}
          </span>
          {m.memoryBytes !== undefined && (
            <span className="pt-badge run" data-metric="live-memory" title={`process RSS measured; predicted ${view.predicted.memoryBytes !== undefined ? formatBytes(view.predicted.memoryBytes) : 'unknown'}`}>
              RSS {formatBytes(m.memoryBytes)} {formatError(view.errorPercent.memoryBytes)}
            </span>
          )}
        </>
      )}
      {failed && (
        <span className="pt-node-run-error" role="status" data-testid="linked-error">
          {view.errors[0]}
        </span>
      )}
    </div>
  );
}
