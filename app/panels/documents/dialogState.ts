/**
 * Which document dialog is open (Open, New from template, Save As, Import, Import from server, a confirmation, an error
 * report). View state only: kept out of the document and its history, in a small store of its own.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Diagnostic } from '../../../src/model/diagnostic.ts';
import type { ImportOutcome } from '../import/runImport.ts';

/** Answer to "the document has unsaved changes". */
export type DiscardChoice = 'save' | 'discard' | 'cancel';

/** Why a save asks before replacing the file on disk. */
export type OverwriteReason = 'changed' | 'exists';

export type DocumentDialog =
  | { readonly kind: 'open' }
  | { readonly kind: 'template' }
  | { readonly kind: 'saveAs' }
  /** `outcome` is set when files were dropped on the canvas and already imported. */
  | { readonly kind: 'import'; readonly outcome?: ImportOutcome }
  /** Import from a running Prometheus by its URL. */
  | { readonly kind: 'importFromServer' }
  | { readonly kind: 'confirmDiscard'; readonly action: string; readonly resolve: (choice: DiscardChoice) => void }
  /** Saving would replace a file: one another program changed (`changed`) or one Save As landed on (`exists`). */
  | { readonly kind: 'confirmOverwrite'; readonly path: string; readonly reason: OverwriteReason; readonly resolve: (overwrite: boolean) => void }
  | { readonly kind: 'problems'; readonly title: string; readonly diagnostics: readonly Diagnostic[] };

export interface DialogState {
  readonly dialog: DocumentDialog | null;
}

export const dialogStore = createStore<DialogState>()(() => ({ dialog: null }));

export function openDialog(dialog: DocumentDialog): void {
  const current = dialogStore.getState().dialog;
  // A pending confirmation must not be orphaned: treat it as cancelled.
  cancelPending(current);
  dialogStore.setState({ dialog });
}

function cancelPending(current: DocumentDialog | null): void {
  if (current?.kind === 'confirmDiscard') current.resolve('cancel');
  if (current?.kind === 'confirmOverwrite') current.resolve(false);
}

export function closeDialog(): void {
  cancelPending(dialogStore.getState().dialog);
  dialogStore.setState({ dialog: null });
}

/** Asks whether to replace the file at `path` (true: replace it). */
export function askOverwrite(path: string, reason: OverwriteReason): Promise<boolean> {
  return new Promise((resolve) => {
    openDialog({
      kind: 'confirmOverwrite',
      path,
      reason,
      resolve: (overwrite) => {
        dialogStore.setState({ dialog: null });
        resolve(overwrite);
      },
    });
  });
}

/** Asks the user what to do with unsaved changes before `action` ("open another file", ...). */
export function askDiscard(action: string): Promise<DiscardChoice> {
  return new Promise((resolve) => {
    openDialog({
      kind: 'confirmDiscard',
      action,
      resolve: (choice) => {
        dialogStore.setState({ dialog: null });
        resolve(choice);
      },
    });
  });
}

/** Shows diagnostics (file, field, message) in a dialog, e.g. a file that failed the schema. */
export function showProblems(title: string, diagnostics: readonly Diagnostic[]): void {
  openDialog({ kind: 'problems', title, diagnostics });
}

export function useDialog(): DocumentDialog | null {
  return useStore(dialogStore, (s) => s.dialog);
}
