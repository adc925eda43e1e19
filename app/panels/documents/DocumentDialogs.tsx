/**
 * Overlay: the open document dialog (if any), and the window title kept in sync with the document
 * name and its dirty state (`● name — PromTopo`), told to the host too (Electron's title and close guard).
 */
import { useEffect } from 'react';
import { host } from '../../host/host.ts';
import { selectDirty, selectDocument, selectFilePath } from '../../store/selectors.ts';
import { useDesigner } from '../../store/useDesigner.ts';
import { ImportDialog } from '../import/ImportDialog.tsx';
import { ImportFromServerDialog } from '../import/ImportFromServerDialog.tsx';
import { ConfirmDiscardDialog } from './ConfirmDiscardDialog.tsx';
import { ConfirmOverwriteDialog } from './ConfirmOverwriteDialog.tsx';
import { useDialog } from './dialogState.ts';
import { FileProblemsDialog } from './FileProblemsDialog.tsx';
import { OpenDialog } from './OpenDialog.tsx';
import { documentDisplayName, windowTitle } from './paths.ts';
import { SaveAsDialog } from './SaveAsDialog.tsx';
import { TemplateDialog } from './TemplateDialog.tsx';
import '../panels.css';

export function DocumentDialogs() {
  useDocumentTitle();
  const dialog = useDialog();
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'open':
      return <OpenDialog />;
    case 'template':
      return <TemplateDialog />;
    case 'saveAs':
      return <SaveAsDialog />;
    case 'import':
      return <ImportDialog initial={dialog.outcome} />;
    case 'importFromServer':
      return <ImportFromServerDialog />;
    case 'confirmDiscard':
      return <ConfirmDiscardDialog action={dialog.action} resolve={dialog.resolve} />;
    case 'confirmOverwrite':
      return <ConfirmOverwriteDialog path={dialog.path} reason={dialog.reason} resolve={dialog.resolve} />;
    case 'problems':
      return <FileProblemsDialog title={dialog.title} diagnostics={dialog.diagnostics} />;
  }
}

function useDocumentTitle(): void {
  const document = useDesigner(selectDocument);
  const filePath = useDesigner(selectFilePath);
  const dirty = useDesigner(selectDirty);
  const title = windowTitle(documentDisplayName(filePath, document.name), dirty);
  useEffect(() => {
    window.document.title = title;
    host.call('setDocumentState', { title, dirty, ...(filePath ? { path: filePath } : {}) }).catch(() => undefined);
  }, [title, dirty, filePath]);
}
