/** "The document has unsaved changes": Save, Discard or Cancel before replacing it. */
import { documentDisplayName } from './paths.ts';
import { designerStore } from '../../store/useDesigner.ts';
import { Modal } from '../shared/Modal.tsx';
import type { DiscardChoice } from './dialogState.ts';

export function ConfirmDiscardDialog({ action, resolve }: { action: string; resolve: (choice: DiscardChoice) => void }) {
  const { filePath, document } = designerStore.getState();
  const name = documentDisplayName(filePath, document.name);
  return (
    <Modal
      title="Unsaved changes"
      onClose={() => resolve('cancel')}
      testId="confirm-discard-dialog"
      actions={
        <>
          <button type="button" onClick={() => resolve('cancel')}>
            Cancel
          </button>
          <button type="button" className="ptp-danger" onClick={() => resolve('discard')}>
            Discard changes
          </button>
          <button type="button" className="ptp-primary" data-autofocus onClick={() => resolve('save')}>
            Save first
          </button>
        </>
      }
    >
      <p>
        <strong>{name}</strong> has unsaved changes. Save them before you {action}?
      </p>
    </Modal>
  );
}
