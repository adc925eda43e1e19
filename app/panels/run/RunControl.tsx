/** The toolbar's Run locally / Stop control and the state of the run. */
import { runCommand } from '../../commands/runCommand.ts';
import { RUN_INTERVAL, useLocalRun } from './localRunStore.ts';

export function RunControl() {
  const phase = useLocalRun((s) => s.phase);
  const error = useLocalRun((s) => s.error);
  const servers = useLocalRun((s) => s.status?.servers);
  const up = servers?.filter((s) => s.up).length ?? 0;
  return (
    <div className="pt-run-control" data-testid="run-control">
      {phase === 'idle' || phase === 'starting' ? (
        <button
          type="button"
          className="pt-tool pt-run-start"
          disabled={phase === 'starting'}
          title={`Run the design on this machine with the real binaries, every interval ${RUN_INTERVAL}, and show measured beside predicted`}
          onClick={() => runCommand('run.local')}
        >
          {phase === 'starting' ? 'Starting…' : 'Run locally'}
        </button>
      ) : (
        <button type="button" className="pt-tool pt-run-stop" disabled={phase === 'stopping'} onClick={() => runCommand('run.stop')}>
          {phase === 'stopping' ? 'Stopping…' : 'Stop'}
        </button>
      )}
      {phase === 'running' && servers && (
        <span className="pt-run-state" role="status" data-testid="run-state">{up} of {servers.length} instances up</span>
      )}
      {phase === 'idle' && error && <span className="pt-run-error" role="alert" title={error}>Run: {error.split('\n')[0]}</span>}
    </div>
  );
}
