/** Why a file did not open (or save, or import): its diagnostics with file and field. */
import type { Diagnostic } from '../../../src/model/diagnostic.ts';
import { DiagnosticList } from '../shared/DiagnosticList.tsx';
import { Modal } from '../shared/Modal.tsx';
import { closeDialog } from './dialogState.ts';

export function FileProblemsDialog({ title, diagnostics }: { title: string; diagnostics: readonly Diagnostic[] }) {
  return (
    <Modal
      title={title}
      onClose={closeDialog}
      testId="file-problems-dialog"
      wide
      actions={
        <button type="button" className="ptp-primary" data-autofocus onClick={closeDialog}>
          OK
        </button>
      }
    >
      <p>Nothing was changed. {diagnostics.length === 1 ? 'The problem:' : `${diagnostics.length} problems:`}</p>
      <DiagnosticList diagnostics={diagnostics} testId="file-problems" />
    </Modal>
  );
}
