/**
 * One pid file per local run (`<runs dir>/<owner pid>-<n>.json`): the pid of the program that
 * started the run, its folder, and the pid of every process group it started. When a run
 * ends, its file is removed. A file whose owner is gone (the app crashed or was killed) is reaped by
 * the next run: the groups still working inside the run folder are killed, then the file and the
 * run's temp folder are removed.
 */
import { mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomically } from '../atomicFile.ts';
import { pidAlive, signalGroup } from './processes.ts';

const PidFileSchema = z.object({
  owner: z.number().int().positive(),
  dir: z.string(),
  processes: z.array(z.object({ pid: z.number().int().positive(), name: z.string() })),
});
export type PidFile = z.output<typeof PidFileSchema>;

/** Where the pid files live: `$PROMTOPO_RUN_DIR`, else `<tmp>/promtopo-runs`. */
export function runsDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.PROMTOPO_RUN_DIR ?? join(tmpdir(), 'promtopo-runs');
}

/** Writes (or rewrites) a run's pid file atomically. */
export async function writePidFile(path: string, content: PidFile): Promise<void> {
  await writeFileAtomically(path, `${JSON.stringify(content)}\n`);
}

/**
 * True when `pid` is a process of the run in `dir`: every process of a run works in a folder of its
 * own inside the run folder, so a pid reused by an unrelated program is never touched.
 */
function runsIn(pid: number, dir: string): boolean {
  try {
    const cwd = readlinkSync(`/proc/${pid}/cwd`);
    return cwd === dir || cwd.startsWith(`${dir}/`);
  } catch {
    return false;
  }
}

/**
 * Reaps the runs whose owner process is gone: kills each recorded group that still works inside the
 * run folder (a reused pid running something else is left alone), removes the file and the run folder.
 * Returns the pids killed.
 */
export function reapStaleRuns(dir: string = runsDir()): number[] {
  mkdirSync(dir, { recursive: true });
  const killed: number[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.json')) continue;
    const path = join(dir, name);
    let file: PidFile;
    try {
      file = PidFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    } catch {
      continue; // being written, or not ours
    }
    if (file.owner === process.pid || pidAlive(file.owner)) continue;
    for (const p of file.processes) {
      if (runsIn(p.pid, file.dir) && signalGroup(p.pid, 'SIGKILL')) killed.push(p.pid);
    }
    rmSync(file.dir, { recursive: true, force: true });
    rmSync(path, { force: true });
  }
  return killed;
}
