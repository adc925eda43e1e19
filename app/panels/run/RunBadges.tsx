/** On a server card while a local run is on: up n/m, measured vs predicted with the error in percent. */
import { formatBytes, formatCount } from '../../canvas/format.ts';
import { RUN_INTERVAL, useLocalRun } from './localRunStore.ts';
import { formatError, serverRunView } from './runView.ts';

export function RunBadges({ id }: { id: string }) {
  const status = useLocalRun((s) => (s.phase === 'running' ? s.status : undefined));
  const view = status ? serverRunView(status, id) : undefined;
  if (!view) return null;
  const allUp = view.up === view.instances;
  const m = view.measured;
  return (
    <div className={`pt-node-run ${allUp ? 'up' : 'down'}`} data-testid="run-badges" title={view.problem ?? ''}>
      <span className="pt-badge run-state" data-metric="up">{allUp ? 'up' : 'down'} {view.up}/{view.instances}</span>
      {m && (
        <>
          <span className="pt-badge run" data-metric="run-series" title={`predicted ${Math.round(view.predicted.series)} series, measured ${m.series}`}>
            {formatCount(m.series)} series {formatError(view.errorPercent.series)}
          </span>
          <span className="pt-badge run" data-metric="run-samples" title={`predicted ${view.predicted.samplesPerSecond.toFixed(1)} samples/s, measured ${m.samplesPerSecond.toFixed(1)}`}>
            {formatCount(m.samplesPerSecond)}/s {formatError(view.errorPercent.samplesPerSecond)}
          </span>
          <span className="pt-badge run" data-metric="run-memory" title={`process RSS measured; predicted head memory ${formatBytes(view.predicted.memoryBytes)}`}>
            RSS {formatBytes(m.memoryBytes)}
          </span>
        </>
      )}
    </div>
  );
}

/** On an edge while a local run is on: the samples/s its job appended, beside the run's prediction. */
export function EdgeRunLabel({ id }: { id: string }) {
  const edge = useLocalRun((s) => (s.phase === 'running' ? s.status?.edges.find((e) => e.id === id) : undefined));
  if (!edge?.measured) return null;
  return (
    <span className="pt-edge-run" data-testid={`edge-run-${id}`} title={`local run (${RUN_INTERVAL} intervals): predicted ${edge.predicted.samplesPerSecond.toFixed(1)} samples/s`}>
      {' '}· run {formatCount(edge.measured.samplesPerSecond)}/s {formatError(edge.errorPercent)}
    </span>
  );
}
