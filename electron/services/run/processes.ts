/**
 * The processes of a local run: each spawned detached in a process group of its own (its pid is the
 * group id), its output in a log file, stopped by signalling the whole group (TERM, then KILL).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

/** How long a stopped process group may take to exit before it is killed. */
const STOP_GRACE_MS = 5_000;

export interface RunProcess {
  readonly name: string;
  readonly pid: number;
  readonly logFile: string;
  readonly child: ChildProcess;
  /** Resolves with the exit code (or signal name) when the process has exited. */
  readonly exited: Promise<string>;
  /** Set once the process has exited. */
  exit?: string;
}

/** Starts `cmd args` detached (a process group of its own), stdout and stderr into `logFile`. */
export function startProcess(name: string, cmd: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; logFile: string }): RunProcess {
  const fd = openSync(options.logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(cmd, [...args], { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', fd, fd], detached: true });
  } finally {
    closeSync(fd);
  }
  if (child.pid === undefined) throw new Error(`${name}: could not start ${cmd}`);
  const started: RunProcess = {
    name,
    pid: child.pid,
    logFile: options.logFile,
    child,
    exited: new Promise<string>((resolve) => {
      child.once('exit', (code, signal) => {
        started.exit = signal ?? String(code);
        resolve(started.exit);
      });
      child.once('error', (e) => {
        started.exit = e.message;
        resolve(e.message);
      });
    }),
  };
  return started;
}

/** The last `count` lines of a process's log. */
export function lastLogLines(p: Pick<RunProcess, 'logFile'>, count = 10): string {
  try {
    return readFileSync(p.logFile, 'utf8').trimEnd().split('\n').slice(-count).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Signals a whole process group; false when it no longer exists. */
export function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** True while a process with this pid exists (zombies included until reaped). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Stops a process's group: TERM, then KILL after the grace time; resolves when it has exited. */
export async function stopProcess(p: RunProcess): Promise<void> {
  if (p.exit !== undefined) {
    signalGroup(p.pid, 'SIGKILL'); // anything it left in its group
    return;
  }
  signalGroup(p.pid, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(p.pid, 'SIGKILL'), STOP_GRACE_MS);
  await p.exited;
  clearTimeout(timer);
  signalGroup(p.pid, 'SIGKILL');
}

/** Stops every process of a group synchronously (process exit handlers cannot wait). */
export function killAllNow(processes: readonly Pick<RunProcess, 'pid'>[]): void {
  for (const p of processes) signalGroup(p.pid, 'SIGKILL');
}
