/**
 * Opening and saving topology documents (`*.promtopo.json`). Open reads only regular files up to the
 * size limit (never a FIFO or a device: readRegularFile.ts), refuses text that is not UTF-8, and
 * returns diagnostics that name the file. Save is atomic (temp + fsync + rename, never truncates) and
 * never silently replaces a file another program changed, or one Save As would land on.
 * The functions take and return exactly the shapes of `hostApi.openDocument` / `hostApi.saveDocument`.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Diagnostic } from '../../src/model/diagnostic.ts';
import { MAX_DOCUMENT_CHARS, parseTopology } from '../../src/model/document.ts';
import type { HostRequest, HostResponse } from '../../src/host-api.ts';
import { writeFileAtomically } from './atomicFile.ts';
import { readRegularFile } from './readRegularFile.ts';
import { decodeUtf8Text } from './textFile.ts';

/** Largest file `openDocument` reads, in bytes. */
export const MAX_DOCUMENT_BYTES = MAX_DOCUMENT_CHARS;

function fileError(code: string, path: string, message: string, hint?: string): Diagnostic {
  return { code, severity: 'error', message: `${path}: ${message}`, ...(hint ? { hint } : {}), at: { file: path } };
}

function describeIoError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT': return 'no such file';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a folder, not a file';
    case 'ENOSPC': return 'the disk is full';
    case 'EDQUOT': return 'the disk quota is exhausted';
    case 'EROFS': return 'the file system is read-only';
    default: return err.code ?? (err.message ? (err.message.split('\n')[0] ?? '') : String(e));
  }
}

/** The version token of some bytes read or written at `mtimeMs` (host-api DiskVersion). */
export function diskVersion(bytes: Buffer | string, mtimeMs: number): string {
  return `${contentHash(bytes)}@${Math.max(0, mtimeMs)}`;
}

function contentHash(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function hashOf(version: string): string {
  return version.slice(0, version.indexOf('@'));
}

/** Reads a document and checks it parses as a topology. `text` is set only when it does. */
export async function openDocument(request: HostRequest<'openDocument'>): Promise<HostResponse<'openDocument'>> {
  const path = resolve(request.path);
  const name = basename(path);
  const read = await readRegularFile(path, MAX_DOCUMENT_BYTES);
  if (!read.ok) {
    if (read.code === 'folder') return { ok: false, path, diagnostics: [fileError('file/unreadable', path, 'is a folder, not a topology file')] };
    if (read.code === 'too-large') return { ok: false, path, diagnostics: [fileError('file/too-large', path, read.reason)] };
    return { ok: false, path, diagnostics: [fileError('file/unreadable', path, `cannot be read (${read.reason})`)] };
  }
  const decoded = decodeUtf8Text(read.bytes);
  if (!decoded.ok) return { ok: false, path, diagnostics: [fileError('file/unreadable', path, `${decoded.reason}; expected UTF-8 JSON`, 'save it as UTF-8 JSON (a *.promtopo.json file)')] };
  const parsed = parseTopology(decoded.text, name);
  if (!parsed.ok) return { ok: false, path, diagnostics: parsed.diagnostics };
  return { ok: true, path, text: decoded.text, version: diskVersion(read.bytes, read.mtimeMs), diagnostics: [] };
}

type SaveResponse = HostResponse<'saveDocument'>;

/**
 * Why an existing file at `path` must not be replaced by this request, or undefined when it may:
 * `overwrite` was confirmed, or the file still holds the bytes of `expectedVersion`.
 */
async function replaceConflict(path: string, request: HostRequest<'saveDocument'>): Promise<SaveResponse | undefined> {
  if (request.overwrite) return undefined;
  if (request.expectedVersion === undefined) {
    return { ok: false, path, conflict: 'exists', error: `${path}: a file with this name already exists; not replaced` };
  }
  const current = await readRegularFile(path, MAX_DOCUMENT_BYTES * 2);
  if (current.ok && contentHash(current.bytes) === hashOf(request.expectedVersion)) return undefined;
  const when = current.ok ? ` (modified ${new Date(current.mtimeMs).toISOString()})` : '';
  return { ok: false, path, conflict: 'changed', error: `${path}: changed on disk since it was opened${when}; not saved` };
}

/**
 * Saves document text atomically. The text must parse as a topology (so a bug upstream can never
 * replace a good file with garbage), and an existing file is replaced only as replaceConflict allows.
 */
export async function saveDocument(request: HostRequest<'saveDocument'>): Promise<SaveResponse> {
  let path = resolve(request.path);
  const parsed = parseTopology(request.document, basename(path));
  if (!parsed.ok) return { ok: false, path, error: `not saved: ${parsed.diagnostics[0]?.message ?? 'not a topology document'}` };
  try {
    // Save through a symbolic link rather than replacing the link with a file.
    path = await fs.realpath(path).catch(() => path);
    const stat = await fs.stat(path).catch(() => undefined);
    if (stat?.isDirectory()) return { ok: false, path, error: `${path}: is a folder; choose a file name` };
    if (stat && !stat.isFile()) return { ok: false, path, error: `${path}: is not a regular file; choose a file name` };
    if (stat) {
      const conflict = await replaceConflict(path, request);
      if (conflict) return conflict;
    }
    const written = await writeFileAtomically(path, request.document);
    return { ok: true, path, version: diskVersion(request.document, written.mtimeMs) };
  } catch (e) {
    return { ok: false, path, error: `${path}: not saved (${describeIoError(e)}); the previous file is unchanged` };
  }
}
