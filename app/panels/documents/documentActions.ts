/**
 * Document actions: New, New from template, Open, Save, Save As. Each one that replaces the document
 * first asks what to do with unsaved changes. Files go through the host (app/host); a file that cannot
 * be read or fails the schema opens nothing and its diagnostics are shown in a dialog.
 */
import { emptyTopology, parseTopology, serializeTopology } from '../../../src/model/document.ts';
import type { Diagnostic } from '../../../src/model/diagnostic.ts';
import { host } from '../../host/host.ts';
import { selectDirty } from '../../store/selectors.ts';
import { designerStore } from '../../store/useDesigner.ts';
import { askDiscard, askOverwrite, openDialog, showProblems } from './dialogState.ts';
import { baseName, ensureExtension } from './paths.ts';

/**
 * What each file held when this page last opened or saved it (the host's version token), so a
 * save can tell whether another program changed it since.
 */
const diskVersions = new Map<string, string>();

function rememberVersion(path: string, version: string | undefined): void {
  if (version) diskVersions.set(path, version);
  else diskVersions.delete(path);
}

/** The message of a failed host call or any other thrown value, for the user. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Resolves to true when the current document may be replaced: it is clean, or the user chose to
 * discard it, or chose to save it and the save succeeded.
 */
export async function confirmReplace(action: string): Promise<boolean> {
  if (!selectDirty(designerStore.getState())) return true;
  const choice = await askDiscard(action);
  if (choice === 'cancel') return false;
  if (choice === 'save') return saveDocument();
  return true;
}

export async function newDocument(): Promise<boolean> {
  if (!(await confirmReplace('create a new document'))) return false;
  designerStore.getState().loadDocument(emptyTopology(), null);
  designerStore.getState().notify('New document', 'info');
  return true;
}

/** Replaces the document with an example; it has no file until saved. */
export async function newFromTemplate(id: string): Promise<boolean> {
  if (!(await confirmReplace('open a template'))) return false;
  try {
    const res = await host.call('loadExample', { id });
    if (!res.ok || res.text === undefined) {
      showProblems(`Cannot open template "${id}"`, [fileError(`example ${id}`, res.error ?? 'the example could not be read')]);
      return false;
    }
    const parsed = parseTopology(res.text, `example ${id}`);
    if (!parsed.ok) {
      showProblems(`Template "${id}" is not a valid topology`, parsed.diagnostics);
      return false;
    }
    designerStore.getState().loadDocument(parsed.topology, null);
    designerStore.getState().notify(`New document from template "${parsed.topology.name}"`, 'success');
    return true;
  } catch (e) {
    showProblems(`Cannot open template "${id}"`, [fileError(`example ${id}`, errorText(e))]);
    return false;
  }
}

/** Opens the file at `path`; on failure nothing changes and the diagnostics are shown. */
export async function openDocumentAt(path: string, options: { confirmed?: boolean } = {}): Promise<boolean> {
  if (!options.confirmed && !(await confirmReplace('open another document'))) return false;
  try {
    const res = await host.call('openDocument', { path });
    if (!res.ok || res.text === undefined) {
      showProblems(`Cannot open ${baseName(path)}`, res.diagnostics.length ? res.diagnostics : [fileError(path, 'the file could not be read')]);
      return false;
    }
    const parsed = parseTopology(res.text, path);
    if (!parsed.ok) {
      showProblems(`Cannot open ${baseName(path)}: not a valid PromTopo document`, parsed.diagnostics);
      return false;
    }
    rememberVersion(res.path || path, res.version);
    designerStore.getState().loadDocument(parsed.topology, res.path || path);
    designerStore.getState().notify(`Opened ${res.path || path}`, 'success');
    return true;
  } catch (e) {
    showProblems(`Cannot open ${baseName(path)}`, [fileError(path, errorText(e))]);
    return false;
  }
}

/** File > Open: the native dialog in Electron, the in-page Open dialog in browser mode. */
export async function openDocumentInteractive(): Promise<boolean> {
  if (!host.nativeDialogs) {
    openDialog({ kind: 'open' });
    return false;
  }
  if (!(await confirmReplace('open another document'))) return false;
  const chosen = await host.call('chooseFile', { purpose: 'open' });
  const path = chosen.paths[0];
  if (!chosen.supported || path === undefined) return false;
  return openDocumentAt(path, { confirmed: true });
}

/**
 * Writes the document to `path` (atomic on the host side) and records it as saved. When the host
 * answers that the file changed on disk or already exists, asks before replacing it (`overwrite`:
 * the user already confirmed, e.g. in the native Save dialog).
 */
export async function saveDocumentTo(path: string, options: { overwrite?: boolean } = {}): Promise<boolean> {
  const target = ensureExtension(path);
  const state = designerStore.getState();
  const document = state.document;
  try {
    const text = serializeTopology(document);
    const expectedVersion = diskVersions.get(target);
    const request = { path: target, document: text, ...(expectedVersion ? { expectedVersion } : {}) };
    let res = await host.call('saveDocument', { ...request, ...(options.overwrite ? { overwrite: true } : {}) });
    if (!res.ok && res.conflict) {
      if (!(await askOverwrite(res.path || target, res.conflict))) {
        state.notify(`Not saved: ${res.path || target} was left as it is on disk`, 'info');
        return false;
      }
      res = await host.call('saveDocument', { ...request, overwrite: true });
    }
    if (!res.ok) {
      state.notify(`Could not save ${target}: ${res.error ?? 'unknown error'}`, 'error');
      showProblems(`Could not save ${target}`, [fileError(target, res.error ?? 'the host refused to write the file')]);
      return false;
    }
    rememberVersion(res.path || target, res.version);
    // Only mark saved if the document did not change while the write was in flight.
    if (designerStore.getState().document === document) designerStore.getState().markSaved(res.path || target);
    designerStore.getState().notify(`Saved ${res.path || target}`, 'success');
    return true;
  } catch (e) {
    showProblems(`Could not save ${target}`, [fileError(target, errorText(e))]);
    return false;
  }
}

/** File > Save: to the current file, or Save As when the document has none. */
export async function saveDocument(): Promise<boolean> {
  const path = designerStore.getState().filePath;
  return path ? saveDocumentTo(path) : saveDocumentAsInteractive();
}

/** File > Save As: the native dialog in Electron, the in-page dialog in browser mode. */
export async function saveDocumentAsInteractive(): Promise<boolean> {
  if (!host.nativeDialogs) {
    openDialog({ kind: 'saveAs' });
    return false;
  }
  const chosen = await host.call('chooseFile', { purpose: 'save', defaultPath: designerStore.getState().filePath ?? undefined });
  const path = chosen.paths[0];
  if (!chosen.supported || path === undefined) return false;
  // The native dialog already asked before choosing an existing file.
  return saveDocumentTo(path, { overwrite: true });
}

function fileError(file: string, message: string): Diagnostic {
  return { code: 'file/unreadable', severity: 'error', message: `${file}: ${message}`, at: { file } };
}
