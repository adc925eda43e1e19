/**
 * File > Import from server: the URL of a running Prometheus; the host reads its configuration,
 * discovered targets and measured series per target. The result opens as a new unsaved document or
 * replaces the current one (one undo step); a failure shows why, naming the URL, and changes nothing.
 */
import { useState } from 'react';
import type { Topology } from '../../../src/model/types.ts';
import { Modal } from '../shared/Modal.tsx';
import { closeDialog } from '../documents/dialogState.ts';
import { ImportOutcomeView } from './ImportDialog.tsx';
import { applyImport, importFromServerUrl } from './runImport.ts';
import type { ImportMode, ImportOutcome } from './runImport.ts';

export function ImportFromServerDialog() {
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);

  async function run() {
    if (!url.trim()) return;
    setBusy(true);
    setOutcome(await importFromServerUrl(url));
    setBusy(false);
  }

  async function accept(topology: Topology, mode: ImportMode) {
    closeDialog();
    await applyImport(topology, mode);
  }

  const topology = outcome?.ok ? outcome.topology : undefined;
  const actions = topology ? (
    <>
      <button type="button" onClick={() => setOutcome(null)}>
        Back
      </button>
      <button type="button" onClick={() => void accept(topology, 'replace')}>
        Replace current document
      </button>
      <button type="button" className="ptp-primary" data-autofocus onClick={() => void accept(topology, 'new')}>
        Open as new document
      </button>
    </>
  ) : (
    <>
      <button type="button" onClick={closeDialog}>
        Cancel
      </button>
      <button type="submit" form="ptp-import-server-form" className="ptp-primary" disabled={busy || !url.trim()}>
        {busy ? 'Reading the server…' : 'Import'}
      </button>
    </>
  );

  return (
    <Modal title="Import from a running server" onClose={closeDialog} testId="import-server-dialog" actions={actions} wide>
      {outcome ? <ImportOutcomeView outcome={outcome} /> : null}
      {!topology ? (
        <form
          id="ptp-import-server-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <p className="ptp-muted">
            PromTopo reads the server's configuration (<code>/api/v1/status/config</code>), its discovered targets and the
            series each target gives, so the load model starts from its real cardinality. Only this URL is read.
          </p>
          <label className="ptp-field-label">
            Server URL
            <input type="url" name="url" data-autofocus spellCheck={false} value={url} placeholder="http://127.0.0.1:9090" onChange={(e) => setUrl(e.target.value)} />
          </label>
        </form>
      ) : null}
    </Modal>
  );
}
