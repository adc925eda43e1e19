/**
 * The document of the last successful export in this session, recorded by the host client when an
 * `exportBundle` call answers ok (so the Changes pane can diff the design against what was written,
 * without the export panel having to report it).
 */
import { useSyncExternalStore } from 'react';

/** What was exported: the document text sent to the host, and the folder. */
export interface ExportRecord {
  readonly documentText: string;
  readonly outDir: string;
  /** Increments with every export. */
  readonly seq: number;
}

let last: ExportRecord | undefined;
const listeners = new Set<() => void>();

export function recordExport(documentText: string, outDir: string): void {
  last = { documentText, outDir, seq: (last?.seq ?? 0) + 1 };
  for (const l of listeners) l();
}

export function lastExport(): ExportRecord | undefined {
  return last;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** React hook: the last export, re-rendering when a new one happens. */
export function useLastExport(): ExportRecord | undefined {
  return useSyncExternalStore(subscribe, lastExport);
}
