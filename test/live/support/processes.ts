/**
 * Processes of a live test: started from the bundle's own run files (`sh run.sh`, which `exec`s the
 * program, so the child pid is the program's pid), or node_exporter directly; each with its data in a
 * fresh temp dir and its output in a log file; stopped by pid (TERM, then KILL) in afterAll.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

/** One started process. */
export interface LiveProcess {
  readonly name: string;
  readonly pid: number;
  readonly logFile: string;
  readonly child: ChildProcess;
}

/** Everything one test file started, so afterAll can stop it all (also after a failure). */
export class ProcessGroup {
  private readonly processes: LiveProcess[] = [];
  /** Temp folder of this group: data dirs and logs. */
  readonly dir = mkdtempSync(join(tmpdir(), 'promtopo-live-'));

  private start(name: string, cmd: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv }): LiveProcess {
    const logFile = join(this.dir, `${name}.log`);
    const fd = openSync(logFile, 'w');
    const child = spawn(cmd, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', fd, fd] });
    closeSync(fd);
    if (child.pid === undefined) throw new Error(`${name}: could not start ${cmd}`);
    const started = { name, pid: child.pid, logFile, child };
    this.processes.push(started);
    return started;
  }

  /**
   * `sh <runFile> [args]` with PROMTOPO_DATA_DIR set to a fresh folder (the run file's own contract:
   * extra arguments are passed on to the program).
   */
  startRunFile(runFile: string, name = `${basename(dirname(runFile))}-${basename(runFile, '.sh')}`, args: readonly string[] = []): LiveProcess {
    const dataDir = mkdtempSync(join(this.dir, `${name}-data-`));
    return this.start(name, 'sh', [runFile, ...args], { env: { PROMTOPO_DATA_DIR: dataDir } });
  }

  /** A real node_exporter on 127.0.0.1:port with a few fast collectors. */
  startNodeExporter(port: number): LiveProcess {
    return this.start(`node-exporter-${port}`, 'prometheus-node-exporter', [
      `--web.listen-address=127.0.0.1:${port}`,
      '--collector.disable-defaults',
      '--collector.cpu',
      '--collector.loadavg',
      '--collector.meminfo',
    ], {});
  }

  /** The log of a process, for failure messages. */
  log(name: string): string {
    const p = this.processes.find((x) => x.name === name);
    if (!p) return `(no process ${name})`;
    try {
      return readFileSync(p.logFile, 'utf8').slice(-4000);
    } catch {
      return '(no log)';
    }
  }

  /** The last lines of every log, for a failure message. */
  logs(): string {
    return this.processes.map((p) => `--- ${p.name} (pid ${p.pid}) ---\n${this.log(p.name).split('\n').slice(-15).join('\n')}`).join('\n');
  }

  /** Stops every process by pid (TERM, then KILL after 5 s), then removes the temp folder. */
  async stopAll(): Promise<void> {
    await Promise.all(this.processes.map((p) => stopProcess(p)));
    this.processes.length = 0;
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Stops one process by its pid and waits for it to exit. */
export async function stopProcess(p: LiveProcess): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => p.child.once('exit', () => resolve()));
  try {
    process.kill(p.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 5000);
  await exited;
  clearTimeout(timer);
}
