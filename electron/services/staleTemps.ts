/**
 * Temporaries named after the process that made them (`...-<pid>-<n>`), so that a later run can find
 * and remove those of a process that was killed before it could clean up. A name whose process is
 * still alive (even another user's) is left alone.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';

/** True while process `pid` exists (EPERM: it exists but belongs to someone else). */
export function processAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid in a temporary's name matched by `pattern` (its first group), or undefined. */
function pidOf(name: string, pattern: RegExp): number | undefined {
  const m = pattern.exec(name);
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

/**
 * Removes the entries of `dir` whose names match `pattern` (group 1: the pid) and whose process is
 * gone, except those `keep` names. Returns the names removed. Never throws.
 */
export async function removeStaleTemps(dir: string, pattern: RegExp, keep: ReadonlySet<string> = new Set()): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (keep.has(name)) continue;
    const pid = pidOf(name, pattern);
    if (pid === undefined || pid === process.pid || processAlive(pid)) continue;
    try {
      await fs.rm(join(dir, name), { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Not ours to remove (permissions), or gone already.
    }
  }
  return removed;
}

/** `name` with the characters that mean something in a regular expression escaped. */
export function escapeRegExp(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
