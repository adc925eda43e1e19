/**
 * The designer's local run: started from the document through the host (startLocalRun), polled
 * every two seconds (localRunStatus, which also keeps the host's lease on the run), stopped by the
 * Stop control, and when the window goes away. Not part of the document or its undo history.
 */
import { createStore, useStore } from 'zustand';
import { host } from '../../host/host.ts';
import type { LocalRunStatus } from './runView.ts';

export interface LocalRunState {
  readonly phase: 'idle' | 'starting' | 'running' | 'stopping';
  readonly runId?: string;
  readonly status?: LocalRunStatus;
  readonly error?: string;
}

/** How often a running run is asked for its measurements. */
const POLL_MS = 2_000;
/**
 * The one scrape and evaluation interval of the designer's runs: figures appear within seconds
 * instead of after several of the design's own intervals; the prediction uses the same.
 */
export const RUN_INTERVAL = '2s';

export const localRunStore = createStore<LocalRunState>(() => ({ phase: 'idle' }));
let poller: ReturnType<typeof setInterval> | undefined;

export function useLocalRun<T>(select: (s: LocalRunState) => T): T {
  return useStore(localRunStore, select);
}

async function poll(runId: string): Promise<void> {
  try {
    const r = await host.call('localRunStatus', { runId });
    if (localRunStore.getState().runId !== runId) return;
    if (!r.running) {
      stopPolling();
      localRunStore.setState({ phase: 'idle', error: r.error ?? 'the run has stopped' }, true);
      return;
    }
    localRunStore.setState({ status: r.status });
  } catch (e) {
    localRunStore.setState({ error: (e as Error).message });
  }
}

function stopPolling(): void {
  if (poller !== undefined) clearInterval(poller);
  poller = undefined;
}

/** Starts a run of `document` (its JSON text); one at a time. */
export async function startLocalRun(document: string): Promise<void> {
  if (localRunStore.getState().phase !== 'idle') return;
  localRunStore.setState({ phase: 'starting' }, true);
  let r: Awaited<ReturnType<typeof host.call<'startLocalRun'>>>;
  try {
    r = await host.call('startLocalRun', { document, interval: RUN_INTERVAL });
  } catch (e) {
    localRunStore.setState({ phase: 'idle', error: (e as Error).message }, true);
    return;
  }
  if (!r.ok || !r.runId) {
    localRunStore.setState({ phase: 'idle', error: r.error ?? 'the run could not start' }, true);
    return;
  }
  const runId = r.runId;
  localRunStore.setState({ phase: 'running', runId }, true);
  await poll(runId);
  poller = setInterval(() => void poll(runId), POLL_MS);
}

/** Stops the current run and waits until the host has ended every process. */
export async function stopLocalRun(): Promise<void> {
  const { runId, phase } = localRunStore.getState();
  if (!runId || phase !== 'running') return;
  stopPolling();
  localRunStore.setState({ phase: 'stopping' });
  try {
    await host.call('stopLocalRun', { runId });
  } finally {
    localRunStore.setState({ phase: 'idle' }, true);
  }
}

if (typeof window !== 'undefined') {
  // Closing the window stops the run; a page that vanishes without this is stopped by the host's lease.
  window.addEventListener('pagehide', () => void stopLocalRun());
}
