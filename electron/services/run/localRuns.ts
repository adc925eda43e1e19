/**
 * The local runs of the designer, by id, behind the host operations startLocalRun, localRunStatus
 * and stopLocalRun (Electron and browser mode share them). A run whose status nobody asked for during
 * the lease (the window was closed, the page went away) is stopped; so is every run when the host
 * process exits (LocalRun's exit handler) or crashes (the next run reaps its pid file).
 */
import type { HostRequest, HostResponse } from '../../../src/host-api.ts';
import { parseTopology } from '../../../src/model/document.ts';
import { LocalRun, RunError } from './localRun.ts';

/** A run not polled for this long is stopped. */
export const RUN_LEASE_MS = 20_000;

export class LocalRuns {
  private readonly runs = new Map<string, { run: LocalRun; lastSeen: number }>();
  private counter = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly leaseMs: number = RUN_LEASE_MS) {
    this.timer = setInterval(() => void this.expire(), Math.min(5_000, leaseMs));
    this.timer.unref();
  }

  async start(req: HostRequest<'startLocalRun'>): Promise<HostResponse<'startLocalRun'>> {
    const parsed = parseTopology(req.document, 'document');
    if (!parsed.ok) return { ok: false, error: `the document is not a valid topology: ${parsed.diagnostics[0]?.message ?? ''}` };
    try {
      const run = await LocalRun.start(parsed.topology, { ...(req.interval ? { interval: req.interval } : {}), windowSeconds: 20 });
      const runId = `run-${++this.counter}`;
      this.runs.set(runId, { run, lastSeen: Date.now() });
      return { ok: true, runId };
    } catch (e) {
      return { ok: false, error: e instanceof RunError ? e.message : `the run could not start: ${(e as Error).message}` };
    }
  }

  async status(req: HostRequest<'localRunStatus'>): Promise<HostResponse<'localRunStatus'>> {
    const entry = this.runs.get(req.runId);
    if (!entry) return { running: false, error: 'no such run (it was stopped)' };
    entry.lastSeen = Date.now();
    const status = await entry.run.status();
    return { running: true, status: status as NonNullable<HostResponse<'localRunStatus'>['status']> };
  }

  async stop(req: HostRequest<'stopLocalRun'>): Promise<HostResponse<'stopLocalRun'>> {
    const entry = this.runs.get(req.runId);
    if (!entry) return { ok: false };
    this.runs.delete(req.runId);
    await entry.run.stop();
    return { ok: true };
  }

  /** Pids of every running run (for tests and diagnostics). */
  pids(): number[] {
    return [...this.runs.values()].flatMap((e) => e.run.pids);
  }

  async stopAll(): Promise<void> {
    const all = [...this.runs.values()];
    this.runs.clear();
    await Promise.all(all.map((e) => e.run.stop()));
  }

  private async expire(): Promise<void> {
    const now = Date.now();
    for (const [id, entry] of this.runs) {
      if (now - entry.lastSeen > this.leaseMs) {
        this.runs.delete(id);
        await entry.run.stop();
      }
    }
  }
}
