/**
 * Reading a user-named input file without trusting what it is. The path is opened non-blocking (a
 * FIFO opens at once instead of waiting for a writer), the opened descriptor is checked with fstat
 * (so a swap between check and read cannot slip a device in), only regular files are read, and never
 * more than `maxBytes` (a file that grows while we read is refused too). Reads go through libuv's
 * thread pool: the event loop never waits on them.
 */
import { constants, promises as fs } from 'node:fs';

export type RegularFileRead =
  | { readonly ok: true; readonly bytes: Buffer; readonly mtimeMs: number }
  | { readonly ok: false; readonly code: 'missing' | 'folder' | 'not-regular' | 'too-large' | 'unreadable'; readonly reason: string };

function kindOf(stat: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

function ioReason(e: unknown): { code: 'missing' | 'folder' | 'unreadable'; reason: string } {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT':
    case 'ENOTDIR': return { code: 'missing', reason: 'no such file' };
    case 'EACCES':
    case 'EPERM': return { code: 'unreadable', reason: 'permission denied' };
    case 'EISDIR': return { code: 'folder', reason: 'is a folder, not a file' };
    case 'ELOOP': return { code: 'unreadable', reason: 'too many levels of symbolic links' };
    default: return { code: 'unreadable', reason: err.code ?? 'I/O error' };
  }
}

/** Mebibytes for messages: 5 MiB, 0.5 MiB. */
export function mib(bytes: number): string {
  const v = bytes / 1024 / 1024;
  return `${v >= 10 || Number.isInteger(v) ? Math.round(v) : v.toFixed(1)} MiB`;
}

/** Reads `path` when it is a regular file of at most `maxBytes` bytes. Never throws, never blocks. */
export async function readRegularFile(path: string, maxBytes: number): Promise<RegularFileRead> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (e) {
    return { ok: false, ...ioReason(e) };
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) return { ok: false, code: 'folder', reason: 'is a folder, not a file' };
    if (!stat.isFile()) return { ok: false, code: 'not-regular', reason: `is ${kindOf(stat)}; only regular files are read` };
    if (stat.size > maxBytes) return { ok: false, code: 'too-large', reason: `is ${mib(stat.size)}; the limit is ${mib(maxBytes)}` };
    // Room for one byte more than fstat said: reading it means the file grew while we read.
    const buffer = Buffer.alloc(stat.size + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) return { ok: false, code: 'unreadable', reason: 'changed while it was being read; try again' };
    }
    return { ok: true, bytes: buffer.subarray(0, length), mtimeMs: stat.mtimeMs };
  } catch (e) {
    return { ok: false, ...ioReason(e) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}
