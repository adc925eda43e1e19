/**
 * Finding and running the Prometheus command-line tools (promtool, amtool) that ship beside the
 * servers. Plain Node: no `electron` import. A failed check is a result, never an exception.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/** Outcome of one tool check: `ok` when the tool exited 0; `output` is its stdout and stderr. */
export interface ToolCheck {
  readonly ok: boolean;
  readonly output: string;
  /** True when the tool was killed after the timeout. */
  readonly timedOut?: boolean;
  /** stdout alone (within the same size limit), for tools that name each file there. */
  readonly stdout?: string;
}

/** Default time a single check may take before it is killed, in milliseconds. */
export const DEFAULT_TOOL_TIMEOUT_MS = 30_000;

/** Largest output kept from a tool, in characters (the rest is cut with a note). */
const MAX_OUTPUT_CHARS = 64 * 1024;

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The path of the first executable among `names` on PATH, or the explicit `$<envVar>` when set.
 * An explicit variable that does not name an executable yields undefined (not a silent PATH fallback).
 */
export function findBinary(names: readonly string[], envVar: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const explicit = env[envVar];
  if (explicit) {
    if (isAbsolute(explicit) || explicit.includes('/')) return isExecutableFile(explicit) ? explicit : undefined;
    names = [explicit];
  }
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Runs `bin args` with a timeout (output kept up to `maxOutputChars`, 64 Ki by default); resolves with exit status 0 as ok. Never rejects. */
export function runTool(bin: string, args: readonly string[], options: { timeoutMs?: number; cwd?: string; maxOutputChars?: number } = {}): Promise<ToolCheck> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS;
  const limit = options.maxOutputChars ?? MAX_OUTPUT_CHARS;
  return new Promise((resolvePromise) => {
    let output = '';
    let stdout = '';
    let timedOut = false;
    const append = (chunk: Buffer): void => {
      if (output.length < limit) output += chunk.toString('utf8');
    };
    const appendStdout = (chunk: Buffer): void => {
      append(chunk);
      if (stdout.length < limit) stdout += chunk.toString('utf8');
    };
    let child;
    try {
      // Own process group, so a timeout kills the tool and anything it started (which would keep the pipes open).
      child = spawn(bin, [...args], { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    } catch (e) {
      resolvePromise({ ok: false, output: `could not start ${bin}: ${e instanceof Error ? e.message : String(e)}` });
      return;
    }
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.stdout.on('data', appendStdout);
    child.stderr.on('data', append);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolvePromise({ ok: false, output: `could not start ${bin}: ${e.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const text = output.length > limit ? `${output.slice(0, limit)}\n[output cut]` : output;
      if (timedOut) resolvePromise({ ok: false, output: `${text}${text ? '\n' : ''}${bin} timed out after ${timeoutMs} ms`, timedOut: true });
      else resolvePromise({ ok: code === 0, output: text.trimEnd(), stdout });
    });
  });
}
