/**
 * File commands: New, New from template, Open, Save, Save As,
 * Import, Import from server, Export, Compare with file. They reach the host through app/panels/documents (dialogs in browser mode, native
 * dialogs in Electron). Registered by app/panels/documents/Documents.slot.tsx when the app loads.
 */
import { compareWithFileInteractive } from '../panels/compare/compareActions.ts';
import { openDialog } from '../panels/documents/dialogState.ts';
import { newDocument, openDocumentInteractive, saveDocument, saveDocumentAsInteractive } from '../panels/documents/documentActions.ts';
import type { Command } from './registry.ts';

export const documentCommands: readonly Command[] = [
  { id: 'file.new', label: 'New', group: 'file', keybindings: ['CmdOrCtrl+N'], run: () => void newDocument() },
  { id: 'file.newFromTemplate', label: 'New from Template…', group: 'file', run: () => openDialog({ kind: 'template' }) },
  { id: 'file.open', label: 'Open…', group: 'file', keybindings: ['CmdOrCtrl+O'], run: () => void openDocumentInteractive() },
  { id: 'file.save', label: 'Save', group: 'file', keybindings: ['CmdOrCtrl+S'], run: () => void saveDocument() },
  { id: 'file.saveAs', label: 'Save As…', group: 'file', keybindings: ['CmdOrCtrl+Shift+S'], run: () => void saveDocumentAsInteractive() },
  { id: 'file.import', label: 'Import…', group: 'file', keybindings: ['CmdOrCtrl+I'], run: () => openDialog({ kind: 'import' }) },
  { id: 'file.importFromServer', label: 'Import from Server…', group: 'file', run: () => openDialog({ kind: 'importFromServer' }) },
  {
    id: 'file.export',
    label: 'Export Bundle…',
    group: 'file',
    keybindings: ['CmdOrCtrl+E'],
    run: ({ store }) => store.getState().setView({ sidebarTab: 'export' }),
  },
  { id: 'file.compare', label: 'Compare with File…', group: 'file', run: () => void compareWithFileInteractive() },
];
