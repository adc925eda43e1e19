/**
 * Writing a set of files into a folder atomically: everything goes into a temporary sibling folder
 * (`<outDir>.promtopo-tmp-<pid>-<n>`), an optional check runs there, and only then the sibling replaces
 * the folder by two renames. On any failure the previous folder is untouched and no temp folder is left.
 */
import { existsSync, promises as fs } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BUNDLE_MARKER } from '../../src/generate/bundle.ts';
import type { BundleFile } from '../../src/generate/bundle.ts';
import { checkBundlePaths, resolveInside } from './bundlePaths.ts';

/** The result of an atomic folder write. `error` says why nothing was committed. */
export type AtomicWriteResult<C> =
  | { ok: true; outDir: string; files: { path: string; bytes: number }[]; check?: C }
  | { ok: false; outDir: string; error: string; check?: C };

/** Called on the fully written temp folder before it is committed; `commit: false` aborts. */
export type PreCommitCheck<C> = (tempDir: string) => Promise<{ commit: boolean; check: C }>;

let counter = 0;

/** A fresh sibling path `<outDir>.promtopo-<kind>-<pid>-<n>` that does not exist yet. */
function siblingPath(outDir: string, kind: string): string {
  for (;;) {
    const candidate = `${outDir}.promtopo-${kind}-${process.pid}-${counter++}`;
    if (!existsSync(candidate)) return candidate;
  }
}

/** Why `outDir` must not be replaced (a file, or a non-empty folder without the bundle marker). */
export async function outDirProblem(outDir: string): Promise<string | undefined> {
  let stat;
  try {
    stat = await fs.lstat(outDir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return `${outDir}: cannot be read (${(e as Error).message})`;
  }
  if (stat.isSymbolicLink()) return `${outDir}: is a symbolic link; choose a real folder`;
  if (!stat.isDirectory()) return `${outDir}: exists and is not a folder`;
  const entries = await fs.readdir(outDir);
  if (entries.length > 0 && !entries.includes(BUNDLE_MARKER)) {
    return `${outDir}: not a PromTopo bundle, refusing to overwrite (the folder is not empty and has no ${BUNDLE_MARKER} file)`;
  }
  return undefined;
}

function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Writes `files` as the new contents of `outDir` (which is created, or replaced when it is empty or a
 * previous bundle). Executable files get mode 0755. Never throws for I/O problems: returns `ok: false`.
 */
export async function writeFolderAtomically<C>(
  files: readonly BundleFile[],
  outDirInput: string,
  options: { nodeNames?: readonly string[]; preCommit?: PreCommitCheck<C> } = {},
): Promise<AtomicWriteResult<C>> {
  const outDir = resolve(outDirInput);
  if (dirname(outDir) === outDir) return { ok: false, outDir, error: `${outDir}: cannot write a bundle over a file-system root` };
  const pathProblems = checkBundlePaths(files.map((f) => f.path), options.nodeNames);
  if (pathProblems.length > 0) return { ok: false, outDir, error: pathProblems.join('; ') };
  const refusal = await outDirProblem(outDir);
  if (refusal) return { ok: false, outDir, error: refusal };

  let tempDir: string | undefined;
  let oldDir: string | undefined;
  let check: C | undefined;
  try {
    await fs.mkdir(dirname(outDir), { recursive: true });
    tempDir = siblingPath(outDir, 'tmp');
    await fs.mkdir(tempDir);
    const written: { path: string; bytes: number }[] = [];
    // The marker is what lets the next export replace this folder; add it when the bundle lacks it.
    const withMarker = files.some((f) => f.path === BUNDLE_MARKER)
      ? files
      : [...files, { path: BUNDLE_MARKER, contents: 'This folder was written by PromTopo; the next export replaces it.\n' }];
    for (const file of withMarker) {
      const target = resolveInside(tempDir, file.path);
      if (!target) throw new Error(`bundle file ${JSON.stringify(file.path)} leaves the output folder`);
      await fs.mkdir(dirname(target), { recursive: true });
      await fs.writeFile(target, file.contents, { flag: 'wx' });
      if (file.executable) await fs.chmod(target, 0o755);
      written.push({ path: file.path, bytes: Buffer.byteLength(file.contents, 'utf8') });
    }
    if (options.preCommit) {
      const verdict = await options.preCommit(tempDir);
      check = verdict.check;
      if (!verdict.commit) return { ok: false, outDir, error: 'the bundle failed its checks; nothing was written', check };
    }
    // The folder may have changed while we wrote: decide again, just before the swap.
    const lateRefusal = await outDirProblem(outDir);
    if (lateRefusal) return { ok: false, outDir, error: lateRefusal, ...(check === undefined ? {} : { check }) };
    if (existsSync(outDir)) {
      oldDir = siblingPath(outDir, 'old');
      await fs.rename(outDir, oldDir);
    }
    try {
      await fs.rename(tempDir, outDir);
      tempDir = undefined;
    } catch (e) {
      if (oldDir) await fs.rename(oldDir, outDir);
      oldDir = undefined;
      throw e;
    }
    written.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { ok: true, outDir, files: written, ...(check === undefined ? {} : { check }) };
  } catch (e) {
    return { ok: false, outDir, error: `${outDir}: could not write the bundle (${describeError(e)}); the previous contents are unchanged`, ...(check === undefined ? {} : { check }) };
  } finally {
    if (tempDir) await fs.rm(tempDir, { recursive: true, force: true }).catch(() => undefined);
    if (oldDir) await fs.rm(oldDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

