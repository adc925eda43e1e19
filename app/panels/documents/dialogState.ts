/**
 * Which document dialog is open (Open, New from template, Save As, Import, a confirmation, an error
 * report). View state only: kept out of the document and its history, in a small store of its own.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Diagnostic } from '../../../src/model/diagnostic.ts';
import type { ImportOutcome } from '../import/runImport.ts';

/** Answer to "the document has unsaved changes". */
export type DiscardChoice = 'save' | 'discard' | 'cancel';

export type DocumentDialog =
  | { readonly kind: 'open' }
  | { readonly kind: 'template' }
  | { readonly kind: 'saveAs' }
  /** `outcome` is set when files were dropped on the canvas and already imported. */
  | { readonly kind: 'import'; readonly outcome?: ImportOutcome }
  | { readonly kind: 'confirmDiscard'; readonly action: string; readonly resolve: (choice: DiscardChoice) => void }
  | { readonly kind: 'problems'; readonly title: string; readonly diagnostics: readonly Diagnostic[] };

export interface DialogState {
  readonly dialog: DocumentDialog | null;
}

export const dialogStore = createStore<DialogState>()(() => ({ dialog: null }));

export function openDialog(dialog: DocumentDialog): void {
  const current = dialogStore.getState().dialog;
  // A pending confirmation must not be orphaned: treat it as cancelled.
  if (current?.kind === 'confirmDiscard') current.resolve('cancel');
  dialogStore.setState({ dialog });
}

export function closeDialog(): void {
  const current = dialogStore.getState().dialog;
  if (current?.kind === 'confirmDiscard') current.resolve('cancel');
  dialogStore.setState({ dialog: null });
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
