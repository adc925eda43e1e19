/**
 * Replacing one file atomically: write a temp file in the same folder, fsync it, rename it over the
 * target. A crash or a full disk leaves the original untouched (never truncated). The temp file is
 * `.<name>.promtopo-tmp-<pid>-<n>`: a write that was killed leaves one, and the next write of the
 * same file removes it (staleTemps.ts).
 */
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { escapeRegExp, removeStaleTemps } from './staleTemps.ts';

let counter = 0;

/**
 * Writes `text` to `path` atomically; keeps the mode of an existing file. Throws on I/O errors.
 * Resolves to the modification time of the written file.
 */
export async function writeFileAtomically(path: string, text: string, options: { mode?: number } = {}): Promise<{ mtimeMs: number }> {
  const dir = dirname(path);
  await removeStaleTemps(dir, new RegExp(`^\\.${escapeRegExp(basename(path))}\\.promtopo-tmp-(\\d+)-\\d+$`));
  const temp = join(dir, `.${basename(path)}.promtopo-tmp-${process.pid}-${counter++}`);
  let mode = options.mode ?? 0o644;
  try {
    mode = (await fs.stat(path)).mode & 0o777;
  } catch {
    // A new file: the default mode.
  }
  let handle: fs.FileHandle | undefined;
  let mtimeMs = 0;
  try {
    handle = await fs.open(temp, 'wx', mode);
    await handle.writeFile(text, 'utf8');
    await handle.sync();
    mtimeMs = (await handle.stat()).mtimeMs;
    await handle.close();
    handle = undefined;
    await fs.rename(temp, path);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw e;
  }
  // Make the rename itself durable; not every file system allows fsync on a folder.
  const folder = await fs.open(dir, 'r').catch(() => undefined);
  await folder?.sync().catch(() => undefined);
  await folder?.close().catch(() => undefined);
  return { mtimeMs };
}
