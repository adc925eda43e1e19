/** Path helpers for the document dialogs (POSIX and Windows separators both understood). */

export const DOCUMENT_EXTENSION = '.promtopo.json';

/** Last segment of a path: `/a/b/multi-dc.promtopo.json` -> `multi-dc.promtopo.json`. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/).filter((p) => p.length > 0);
  return parts[parts.length - 1] ?? path;
}

/** Adds `.promtopo.json` unless the path already ends in `.json`. */
export function ensureExtension(path: string): string {
  const trimmed = path.trim();
  return /\.json$/i.test(trimmed) ? trimmed : `${trimmed}${DOCUMENT_EXTENSION}`;
}

/** Folder part of a path, or '' when there is none. */
export function dirName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i <= 0 ? (i === 0 ? path.slice(0, 1) : '') : path.slice(0, i);
}

/** The window title: `● name — PromTopo` when dirty, `name — PromTopo` otherwise. */
export function windowTitle(name: string, dirty: boolean): string {
  return `${dirty ? '● ' : ''}${name} — PromTopo`;
}

/** The name shown for the document: its file name when it has one, else its own name. */
export function documentDisplayName(filePath: string | null, documentName: string): string {
  return filePath ? baseName(filePath) : documentName || 'Untitled topology';
}
