/**
 * Mounts the file commands: registers them (menus, shortcuts), the File menu in the toolbar, and the
 * document dialogs plus canvas file drop in the overlay.
 */
import { documentCommands } from '../../commands/documentCommands.ts';
import { registerCommands } from '../../commands/registry.ts';
import type { SlotContribution } from '../../layout/slots.ts';
import { useFileDrop } from '../import/useFileDrop.ts';
import { DocumentDialogs } from './DocumentDialogs.tsx';
import { FileMenu } from './FileMenu.tsx';

registerCommands(documentCommands);

function DocumentOverlay() {
  useFileDrop();
  return <DocumentDialogs />;
}

export const slots: readonly SlotContribution[] = [
  { id: 'file-menu', slot: 'toolbar', title: 'File', order: 0, component: FileMenu },
  { id: 'document-dialogs', slot: 'overlay', title: 'Document dialogs', order: 0, component: DocumentOverlay },
];
