/**
 * Writing a set of files into a folder atomically. The bundle at `<outDir>` is a symbolic link to a
 * hidden sibling version folder `.<name>.promtopo-v-<pid>-<n>`: a new version is written beside it,
 * an optional check runs there, and only then a new link is renamed over `<outDir>`, one atomic step,
 * so a reader finds the old bundle or the new one, complete, at every instant. The first export over
 * a real folder (an older bundle) has to move it aside first: there, for one moment, the path is
 * missing. On any failure the previous bundle is untouched and no temporary is left; temporaries of a
 * killed export carry its pid and the next export removes them (staleTemps.ts).
 */
import { existsSync, promises as fs } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { BUNDLE_MARKER } from '../../src/generate/bundle.ts';
import type { BundleFile } from '../../src/generate/bundle.ts';
import { checkBundlePaths, resolveInside } from './bundlePaths.ts';
import { escapeRegExp, removeStaleTemps } from './staleTemps.ts';

/** The result of an atomic folder write. `error` says why nothing was committed. */
export type AtomicWriteResult<C> =
  | { ok: true; outDir: string; files: { path: string; bytes: number }[]; check?: C }
  | { ok: false; outDir: string; error: string; check?: C };

/** Called on the fully written temp folder before it is committed; `commit: false` aborts. */
export type PreCommitCheck<C> = (tempDir: string) => Promise<{ commit: boolean; check: C }>;

let counter = 0;
/** Per output folder, the tail of this process's queue of commits and clean-ups. */
const commitQueues = new Map<string, Promise<unknown>>();

/**
 * Runs `step` after every earlier commit or clean-up of `outDir` by this process: a clean-up reads
 * which version is current and must not race another export's swap.
 */
async function withCommitLock<T>(outDir: string, step: () => Promise<T>): Promise<T> {
  const previous = commitQueues.get(outDir) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(step);
  const tail = run.catch(() => undefined);
  commitQueues.set(outDir, tail);
  try {
    return await run;
  } finally {
    if (commitQueues.get(outDir) === tail) commitQueues.delete(outDir);
  }
}
/** Version folders this process is still writing (never removed as stale by a concurrent export). */
const inFlight = new Set<string>();

/** A fresh sibling name `.<name>.promtopo-<kind>-<pid>-<n>` (or `<name>.promtopo-<kind>-...`) that does not exist yet. */
function siblingPath(outDir: string, kind: string, hidden = true): string {
  for (;;) {
    const candidate = join(dirname(outDir), `${hidden ? '.' : ''}${basename(outDir)}.promtopo-${kind}-${process.pid}-${counter++}`);
    if (!existsSync(candidate)) return candidate;
  }
}

/** The version folder name `<outDir>` links to, when it is one of ours; undefined otherwise. */
async function linkedVersion(outDir: string): Promise<string | undefined> {
  const target = await fs.readlink(outDir).catch(() => undefined);
  if (target === undefined) return undefined;
  return versionPattern(outDir).test(target) ? target : undefined;
}

function versionPattern(outDir: string): RegExp {
  return new RegExp(`^\\.${escapeRegExp(basename(outDir))}\\.promtopo-v-(\\d+)-\\d+$`);
}

/**
 * Removes what killed exports left beside `outDir`: version folders no link points to, links and
 * (older layout) temp and old folders, all of processes that are gone.
 */
export async function removeStaleBundleTemps(outDir: string): Promise<string[]> {
  const parent = dirname(outDir);
  const name = escapeRegExp(basename(outDir));
  const current = await linkedVersion(outDir);
  const keep = new Set([...(current ? [current] : []), ...[...inFlight].map((p) => basename(p))]);
  return [
    ...(await removeStaleTemps(parent, versionPattern(outDir), keep)),
    ...(await removeStaleTemps(parent, new RegExp(`^\\.${name}\\.promtopo-link-(\\d+)-\\d+$`))),
    ...(await removeStaleTemps(parent, new RegExp(`^${name}\\.promtopo-(?:tmp|old)-(\\d+)-\\d+$`))),
  ];
}

/**
 * After a commit: removes the version the link pointed to before (unless a concurrent export linked
 * it again meanwhile) and this process's own versions that concurrent exports superseded.
 */
async function removeSupersededVersions(outDir: string, superseded: string | undefined): Promise<void> {
  const current = await linkedVersion(outDir);
  const pattern = versionPattern(outDir);
  const names = await fs.readdir(dirname(outDir)).catch(() => [] as string[]);
  const own = names.filter((n) => pattern.exec(n)?.[1] === String(process.pid) && !inFlight.has(join(dirname(outDir), n)));
  for (const name of new Set([...own, ...(superseded ? [superseded] : [])])) {
    if (name !== current) await fs.rm(join(dirname(outDir), name), { recursive: true, force: true }).catch(() => undefined);
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
  if (stat.isSymbolicLink()) {
    // Our own link to a version folder is the bundle; any other link is not followed.
    const version = await linkedVersion(outDir);
    const target = version === undefined ? undefined : await fs.lstat(join(dirname(outDir), version)).catch(() => undefined);
    if (!version || !target?.isDirectory()) return `${outDir}: is a symbolic link; choose a real folder`;
    const entries = await fs.readdir(join(dirname(outDir), version));
    return entries.includes(BUNDLE_MARKER) ? undefined : `${outDir}: links to a folder that is not a PromTopo bundle`;
  }
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
  let link: string | undefined;
  let superseded: string | undefined;
  let check: C | undefined;
  try {
    await fs.mkdir(dirname(outDir), { recursive: true });
    await removeStaleBundleTemps(outDir);
    tempDir = siblingPath(outDir, 'v');
    inFlight.add(tempDir);
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
    await withCommitLock(outDir, async () => {
      link = siblingPath(outDir, 'link');
      await fs.symlink(basename(tempDir ?? ''), link);
      const before = await fs.lstat(outDir).catch(() => undefined);
      if (before && !before.isSymbolicLink()) {
        // A real folder (empty, or a bundle of the older layout) cannot be replaced by a rename.
        oldDir = siblingPath(outDir, 'old', false);
        await fs.rename(outDir, oldDir);
      } else if (before) superseded = await linkedVersion(outDir);
      try {
        await fs.rename(link, outDir);
        link = undefined;
        if (tempDir) inFlight.delete(tempDir);
        tempDir = undefined;
      } catch (e) {
        if (oldDir) await fs.rename(oldDir, outDir);
        oldDir = undefined;
        throw e;
      }
    });
    written.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { ok: true, outDir, files: written, ...(check === undefined ? {} : { check }) };
  } catch (e) {
    return { ok: false, outDir, error: `${outDir}: could not write the bundle (${describeError(e)}); the previous contents are unchanged`, ...(check === undefined ? {} : { check }) };
  } finally {
    if (link) await fs.rm(link, { force: true }).catch(() => undefined);
    if (tempDir) {
      inFlight.delete(tempDir);
      await fs.rm(tempDir, { recursive: true, force: true }).catch(() => undefined);
    }
    if (oldDir) await fs.rm(oldDir, { recursive: true, force: true }).catch(() => undefined);
    await withCommitLock(outDir, () => removeSupersededVersions(outDir, superseded));
  }
}

