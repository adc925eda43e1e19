/** New from template: the example topologies with their names and descriptions. */
import { useEffect, useState } from 'react';
import { host } from '../../host/host.ts';
import { Modal } from '../shared/Modal.tsx';
import { closeDialog } from './dialogState.ts';
import { errorText, newFromTemplate } from './documentActions.ts';

interface Example {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

export function TemplateDialog() {
  const [examples, setExamples] = useState<readonly Example[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    host
      .call('listExamples', {})
      .then((res) => live && setExamples(res.examples))
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, []);
  return (
    <Modal title="New from template" onClose={closeDialog} testId="template-dialog" wide>
      {error ? (
        <p className="ptp-alert ptp-alert-error" role="alert">
          The examples could not be listed: {error}
        </p>
      ) : examples === null ? (
        <p className="ptp-muted">Loading…</p>
      ) : examples.length === 0 ? (
        <p className="ptp-muted">No example topologies are installed.</p>
      ) : (
        <ul className="ptp-pick-list ptp-template-list" data-testid="template-list">
          {examples.map((ex) => (
            <li key={ex.id}>
              <button
                type="button"
                data-example-id={ex.id}
                onClick={() => {
                  closeDialog();
                  void newFromTemplate(ex.id);
                }}
              >
                <span className="ptp-pick-name">{ex.name}</span>
                <span className="ptp-pick-detail">{ex.description}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
