/**
 * The lifecycle of a local run with real processes: Ctrl+C (SIGINT) of `promtopo run` stops every
 * process group; after a crash (SIGKILL of the CLI) the next run reaps what the dead one left, by its
 * pid file, without touching an unrelated process; a missing program is named with its Debian
 * package; a server that exits early is shown down with its last log lines.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalRun } from '../../electron/services/run/localRun.ts';
import { reapStaleRuns } from '../../electron/services/run/pidFiles.ts';
import { example, groupExists, until } from './support.ts';

const root = join(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'promtopo-run-lifecycle-'));
const started: ChildProcess[] = [];
afterAll(() => {
  for (const c of started) {
    if (c.pid === undefined || c.exitCode !== null || c.signalCode !== null) continue;
    try {
      process.kill(c.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(scratch, { recursive: true, force: true });
});

function cli(args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; stderr: () => string; stdout: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, [join(root, 'bin/promtopo.mjs'), ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let err = '';
  let out = '';
  child.stderr?.on('data', (d: Buffer) => void (err += d.toString()));
  child.stdout?.on('data', (d: Buffer) => void (out += d.toString()));
  return { child, stderr: () => err, stdout: () => out, exit: new Promise((r) => child.once('exit', (code) => r(code))) };
}

function pidsIn(runs: string): number[] {
  return readdirSync(runs).filter((f) => f.endsWith('.json')).flatMap((f) => (JSON.parse(readFileSync(join(runs, f), 'utf8')) as { processes: { pid: number }[] }).processes.map((p) => p.pid));
}

async function untilRunning(runs: string, expected: number): Promise<number[]> {
  return until('the run to record its processes', async () => {
    const pids = readdirSync(runs).length > 0 ? pidsIn(runs) : [];
    return pids.length === expected ? pids : undefined;
  }, 60_000);
}

describe('local run lifecycle', () => {
  const federation = join(root, 'assets/examples/federation.promtopo.json');
  // federation: 4 Prometheus + 12 node_exporter processes.
  const PROCESSES = 16;

  it('stops every process group on Ctrl+C', async () => {
    const runs = join(scratch, 'sigint');
    mkdirSync(runs);
    const run = cli(['run', federation, '--for', '10m', '--interval', '2s'], { PROMTOPO_RUN_DIR: runs });
    const pids = await untilRunning(runs, PROCESSES);
    await until('the run to start measuring', async () => (run.stderr().includes('measuring in 10m') ? true : undefined), 60_000);
    for (const pid of pids) expect(groupExists(pid)).toBe(true);
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toContain('interrupted; stopping');
    for (const pid of pids) expect(groupExists(pid), `pid ${pid}`).toBe(false);
    expect(readdirSync(runs).filter((f) => f.endsWith('.json'))).toEqual([]);
  }, 90_000);

  it('reaps what a crashed run left on the next start, and leaves unrelated processes alone', async () => {
    const runs = join(scratch, 'crash');
    mkdirSync(runs);
    const run = cli(['run', federation, '--for', '10m', '--interval', '2s'], { PROMTOPO_RUN_DIR: runs });
    const pids = await untilRunning(runs, PROCESSES);
    run.child.kill('SIGKILL');
    await run.exit;
    for (const pid of pids) expect(groupExists(pid), `pid ${pid} outlives the crashed CLI`).toBe(true);
    // An unrelated process whose pid a forged entry names: not inside the run folder, so never killed.
    const bystander = spawn('sleep', ['300'], { cwd: scratch, detached: true, stdio: 'ignore' });
    started.push(bystander);
    const files = readdirSync(runs).filter((f) => f.endsWith('.json'));
    const file = join(runs, files[0] ?? '');
    const content = JSON.parse(readFileSync(file, 'utf8')) as { processes: { pid: number; name: string }[] };
    content.processes.push({ pid: bystander.pid ?? 0, name: 'bystander' });
    writeFileSync(file, JSON.stringify(content));
    const killed = reapStaleRuns(runs);
    expect(killed.sort()).toEqual([...pids].sort());
    await until('the reaped groups to be gone', async () => (pids.every((p) => !groupExists(p)) ? true : undefined), 10_000);
    expect(groupExists(bystander.pid ?? 0)).toBe(true);
    expect(readdirSync(runs).filter((f) => f.endsWith('.json'))).toEqual([]);
  }, 90_000);

  it('names a missing program with its Debian package', async () => {
    const run = cli(['run', federation, '--for', '5s'], { PATH: '/nonexistent', PROMTOPO_RUN_DIR: join(scratch, 'missing') });
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toMatch(/prometheus \(Debian package prometheus, or set \$PROMETHEUS_BIN\).*prometheus-node-exporter or node_exporter \(Debian package prometheus-node-exporter/);
    expect(run.stderr()).not.toMatch(/\n\s+at /);
  }, 30_000);

  it('shows a server that exits early as down with its last log lines', async () => {
    const fake = join(scratch, 'prometheus-that-fails');
    writeFileSync(fake, '#!/bin/sh\necho "err=\\"opening storage failed: lock DB directory: resource temporarily unavailable\\"" >&2\nexit 1\n');
    chmodSync(fake, 0o755);
    const t = example('federation');
    const run = await LocalRun.start(t, { interval: '2s', windowSeconds: 4, env: { ...process.env, PROMETHEUS_BIN: fake, PROMTOPO_RUN_DIR: join(scratch, 'early') } });
    try {
      const status = await run.status();
      expect(status.servers).toHaveLength(4);
      for (const s of status.servers) {
        expect(s.up).toBe(false);
        expect(s.measured).toBeNull();
        expect(s.problem).toMatch(/exited \(1\); last log lines:\n.*opening storage failed: lock DB directory/);
      }
    } finally {
      await run.stop();
    }
  }, 90_000);
});
