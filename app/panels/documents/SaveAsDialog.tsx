/** Browser-mode Save As: a path field, prefilled with the current file or a name from the document. */
import { useEffect, useState } from 'react';
import { toDnsSafeName } from '../../../src/model/names.ts';
import { host } from '../../host/host.ts';
import { designerStore } from '../../store/useDesigner.ts';
import { Modal } from '../shared/Modal.tsx';
import { closeDialog } from './dialogState.ts';
import { saveDocumentTo } from './documentActions.ts';
import { DOCUMENT_EXTENSION } from './paths.ts';

function suggestedPath(homeDir: string | undefined): string {
  const { filePath, document } = designerStore.getState();
  if (filePath) return filePath;
  const file = `${toDnsSafeName(document.name, 'topology')}${DOCUMENT_EXTENSION}`;
  return homeDir ? `${homeDir.replace(/[\\/]$/, '')}/${file}` : file;
}

export function SaveAsDialog() {
  const [path, setPath] = useState(() => suggestedPath(undefined));
  useEffect(() => {
    if (designerStore.getState().filePath) return;
    let live = true;
    host
      .call('hostInfo', {})
      .then((info) => live && setPath((p) => (p === suggestedPath(undefined) ? suggestedPath(info.homeDir) : p)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return (
    <Modal
      title="Save topology as"
      onClose={closeDialog}
      testId="save-as-dialog"
      actions={
        <>
          <button type="button" onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" form="ptp-save-form" className="ptp-primary" disabled={!path.trim()}>
            Save
          </button>
        </>
      }
    >
      <form
        id="ptp-save-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!path.trim()) return;
          closeDialog();
          void saveDocumentTo(path);
        }}
      >
        <label className="ptp-field-label">
          <span>
            File path (<code>{DOCUMENT_EXTENSION}</code> is added when missing)
          </span>
          <input type="text" data-autofocus name="path" value={path} spellCheck={false} onChange={(e) => setPath(e.target.value)} />
        </label>
      </form>
    </Modal>
  );
}
