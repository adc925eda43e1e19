/** "Replace the file on disk?": asked when another program changed it, or Save As lands on a file. */
import { Modal } from '../shared/Modal.tsx';
import type { OverwriteReason } from './dialogState.ts';

export function ConfirmOverwriteDialog({ path, reason, resolve }: { path: string; reason: OverwriteReason; resolve: (overwrite: boolean) => void }) {
  return (
    <Modal
      title={reason === 'changed' ? 'File changed on disk' : 'File already exists'}
      onClose={() => resolve(false)}
      testId="confirm-overwrite-dialog"
      actions={
        <>
          <button type="button" className="ptp-primary" data-autofocus onClick={() => resolve(false)}>
            Cancel
          </button>
          <button type="button" className="ptp-danger" onClick={() => resolve(true)}>
            Replace it
          </button>
        </>
      }
    >
      <p>
        {reason === 'changed' ? (
          <>
            <strong>{path}</strong> was changed by another program since you opened it. Replace it with your version? Its
            changes will be lost.
          </>
        ) : (
          <>
            <strong>{path}</strong> already exists. Replace it?
          </>
        )}
      </p>
    </Modal>
  );
}
