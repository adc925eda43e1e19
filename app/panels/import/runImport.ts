/**
 * Import (File > Import, files dropped on the canvas): prometheus.yml files become a topology.
 * Files picked or dropped in the page are read here and imported by the pure engine
 * (src/import/importConfigs.ts); paths typed in browser mode are read and imported by the host.
 * Either way the outcome carries the round-trip verdict (src/compare/verifyImport.ts).
 * A failed import changes nothing; a successful one opens as a new document or replaces the
 * current one as one undo step.
 */
import { EMPTY_SELECTION } from '../../store/designerStore.ts';
import { designerStore } from '../../store/useDesigner.ts';
import type { Diagnostic } from '../../../src/model/diagnostic.ts';
import { parseTopology } from '../../../src/model/document.ts';
import type { Topology } from '../../../src/model/types.ts';
import type { RoundTripVerdict } from '../../../src/compare/verifyImport.ts';
import { host } from '../../host/host.ts';
import { confirmReplace, errorText } from '../documents/documentActions.ts';

/**
 * The importer with its round-trip check (src/compare/verifyImport.ts), loaded on first use to keep
 * it out of the start-up bundle.
 */
async function loadImporter() {
  return (await import('../../../src/compare/verifyImport.ts')).verifyImport;
}

/** Largest file read in the page (bytes); bigger ones are refused before reading. */
export const MAX_IMPORT_FILE_BYTES = 10 * 1024 * 1024;

/** The outcome of one import attempt. */
export interface ImportOutcome {
  readonly ok: boolean;
  readonly topology?: Topology;
  readonly diagnostics: readonly Diagnostic[];
  /** File names or paths imported, for the dialog. */
  readonly sources: readonly string[];
  /** What exporting the import would change in what Prometheus does; set when it imported. */
  readonly verdict?: RoundTripVerdict;
}

/** A file as the page sees it (File from an input or a drop). */
export interface PageFile {
  readonly name: string;
  readonly size: number;
  text(): Promise<string>;
}

function failure(sources: readonly string[], file: string, message: string): ImportOutcome {
  return { ok: false, sources, diagnostics: [{ code: 'import/unreadable', severity: 'error', message: `${file}: ${message}`, at: { file } }] };
}

export async function importFromFiles(files: readonly PageFile[]): Promise<ImportOutcome> {
  const sources = files.map((f) => f.name);
  if (files.length === 0) return failure(sources, '(none)', 'no file was chosen');
  const read: { name: string; text: string }[] = [];
  for (const file of files) {
    if (file.size > MAX_IMPORT_FILE_BYTES) {
      return failure(sources, file.name, `the file is ${Math.round(file.size / 1024 / 1024)} MiB; the limit is ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MiB`);
    }
    try {
      read.push({ name: file.name, text: await file.text() });
    } catch (e) {
      return failure(sources, file.name, `could not be read (${errorText(e)})`);
    }
  }
  try {
    const verifyImport = await loadImporter();
    const { result, verdict } = verifyImport(read);
    return {
      ok: result.ok && result.topology !== undefined,
      ...(result.topology ? { topology: result.topology } : {}),
      diagnostics: result.diagnostics,
      sources,
      ...(verdict ? { verdict } : {}),
    };
  } catch (e) {
    return failure(sources, sources.join(', '), `the importer failed (${errorText(e)})`);
  }
}

export async function importFromPaths(paths: readonly string[]): Promise<ImportOutcome> {
  const sources = [...paths];
  try {
    const res = await host.call('importConfigs', { paths: sources });
    if (!res.ok || res.document === undefined) return { ok: false, diagnostics: res.diagnostics, sources };
    const parsed = parseTopology(res.document, 'imported topology');
    if (!parsed.ok) return { ok: false, diagnostics: [...res.diagnostics, ...parsed.diagnostics], sources };
    return { ok: true, topology: parsed.topology, diagnostics: res.diagnostics, sources, ...(res.verdict ? { verdict: res.verdict } : {}) };
  } catch (e) {
    return failure(sources, sources.join(', '), errorText(e));
  }
}

/**
 * Import from the running Prometheus at `url` (its configuration, discovered targets and measured
 * series per target), read by the host. The URL is the source the dialog names.
 */
export async function importFromServerUrl(url: string): Promise<ImportOutcome> {
  const source = url.trim();
  const sources = [source];
  try {
    const res = await host.call('importFromServer', { url: source });
    if (!res.ok || res.document === undefined) return { ok: false, diagnostics: res.diagnostics, sources };
    const parsed = parseTopology(res.document, source);
    if (!parsed.ok) return { ok: false, diagnostics: [...res.diagnostics, ...parsed.diagnostics], sources };
    return { ok: true, topology: parsed.topology, diagnostics: res.diagnostics, sources };
  } catch (e) {
    return failure(sources, source, errorText(e));
  }
}

/** How an imported topology enters the designer. */
export type ImportMode = 'new' | 'replace';

/** Puts a successful import into the designer. Resolves false when the user cancelled. */
export async function applyImport(topology: Topology, mode: ImportMode): Promise<boolean> {
  const store = designerStore.getState();
  if (mode === 'replace') {
    store.apply(() => topology, EMPTY_SELECTION);
    store.notify(`Imported "${topology.name}" into the current document (Undo restores it)`, 'success');
    return true;
  }
  if (!(await confirmReplace('open the imported topology'))) return false;
  designerStore.getState().loadDocument(topology, null, { dirty: true });
  designerStore.getState().notify(`Imported "${topology.name}" as a new document`, 'success');
  return true;
}
