/**
 * Opening and saving topology documents (`*.promtopo.json`). Open refuses huge files and returns
 * diagnostics that name the file; save is atomic (temp + fsync + rename) and never truncates.
 * The functions take and return exactly the shapes of `hostApi.openDocument` / `hostApi.saveDocument`.
 */
import { promises as fs } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Diagnostic } from '../../src/model/diagnostic.ts';
import { MAX_DOCUMENT_CHARS, parseTopology } from '../../src/model/document.ts';
import type { HostRequest, HostResponse } from '../../src/host-api.ts';
import { writeFileAtomically } from './atomicFile.ts';

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
    default: return err.message ?? String(e);
  }
}

/** Reads a document and checks it parses as a topology. `text` is set only when it does. */
export async function openDocument(request: HostRequest<'openDocument'>): Promise<HostResponse<'openDocument'>> {
  const path = resolve(request.path);
  const name = basename(path);
  let text: string;
  try {
    const stat = await fs.stat(path);
    if (stat.isDirectory()) return { ok: false, path, diagnostics: [fileError('file/unreadable', path, 'is a folder, not a topology file')] };
    if (stat.size > MAX_DOCUMENT_BYTES) {
      return { ok: false, path, diagnostics: [fileError('file/too-large', path, `is ${Math.round(stat.size / 1024 / 1024)} MiB; the limit is ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB`)] };
    }
    text = await fs.readFile(path, 'utf8');
  } catch (e) {
    return { ok: false, path, diagnostics: [fileError('file/unreadable', path, `cannot be read (${describeIoError(e)})`)] };
  }
  const parsed = parseTopology(text, name);
  if (!parsed.ok) return { ok: false, path, diagnostics: parsed.diagnostics };
  return { ok: true, path, text, diagnostics: [] };
}

/**
 * Saves document text atomically. The text must parse as a topology (so a bug upstream can never
 * replace a good file with garbage).
 */
export async function saveDocument(request: HostRequest<'saveDocument'>): Promise<HostResponse<'saveDocument'>> {
  let path = resolve(request.path);
  const parsed = parseTopology(request.document, basename(path));
  if (!parsed.ok) return { ok: false, path, error: `not saved: ${parsed.diagnostics[0]?.message ?? 'not a topology document'}` };
  try {
    // Save through a symbolic link rather than replacing the link with a file.
    path = await fs.realpath(path).catch(() => path);
    const stat = await fs.stat(path).catch(() => undefined);
    if (stat?.isDirectory()) return { ok: false, path, error: `${path}: is a folder; choose a file name` };
    await writeFileAtomically(path, request.document);
    return { ok: true, path };
  } catch (e) {
    return { ok: false, path, error: `${path}: not saved (${describeIoError(e)}); the previous file is unchanged` };
  }
}
