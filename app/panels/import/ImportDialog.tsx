/**
 * File > Import: pick prometheus.yml files (and their rule files) or type paths on this machine; the
 * result shows what was found, whether exporting it would change what Prometheus does, and the
 * importer's notes, then opens as a new document or replaces the
 * current one (one undo step). A failed import shows why and changes nothing.
 */
import { useState } from 'react';
import type { Topology } from '../../../src/model/types.ts';
import { DiagnosticList } from '../shared/DiagnosticList.tsx';
import { Modal } from '../shared/Modal.tsx';
import { RoundTripVerdict } from './RoundTripVerdict.tsx';
import { closeDialog } from '../documents/dialogState.ts';
import { applyImport, importFromFiles, importFromPaths } from './runImport.ts';
import type { ImportMode, ImportOutcome } from './runImport.ts';

/** `2 servers, 1 target group, 1 alertmanager, 3 edges` (kinds with none left out). */
function summary(t: Topology): string {
  const count = (kind: string) => t.nodes.filter((n) => n.kind === kind).length;
  const parts: [number, string][] = [
    [count('prometheus'), 'server'],
    [count('targets'), 'target group'],
    [count('alertmanager'), 'alertmanager'],
    [count('grafana'), 'grafana'],
    [t.edges.length, 'edge'],
  ];
  return parts
    .filter(([n]) => n > 0)
    .map(([n, word]) => `${n} ${word}${n === 1 || word === 'grafana' ? '' : 's'}`)
    .join(', ');
}

export function ImportDialog({ initial }: { initial?: ImportOutcome | undefined }) {
  const [files, setFiles] = useState<readonly File[]>([]);
  const [paths, setPaths] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(initial ?? null);

  async function run() {
    const typed = paths.split('\n').map((p) => p.trim()).filter((p) => p.length > 0);
    if (files.length === 0 && typed.length === 0) return;
    setBusy(true);
    setOutcome(files.length > 0 ? await importFromFiles(files) : await importFromPaths(typed));
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
      <button type="submit" form="ptp-import-form" className="ptp-primary" disabled={busy || (files.length === 0 && !paths.trim())}>
        {busy ? 'Importing…' : 'Import'}
      </button>
    </>
  );

  return (
    <Modal title="Import Prometheus configs" onClose={closeDialog} testId="import-dialog" actions={actions} wide>
      {outcome ? <ImportOutcomeView outcome={outcome} /> : null}
      {!topology ? (
        <form
          id="ptp-import-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <p className="ptp-muted">
            One or more <code>prometheus.yml</code> files, with their rule files, become one topology. You can also drop
            files on the canvas.
          </p>
          <label className="ptp-field-label">
            Files
            <input
              type="file"
              name="files"
              multiple
              accept=".yml,.yaml,text/yaml,application/yaml"
              onChange={(e) => setFiles(e.target.files ? [...e.target.files] : [])}
            />
          </label>
          <label className="ptp-field-label">
            …or paths on this machine, one per line
            <textarea name="paths" rows={3} spellCheck={false} value={paths} placeholder="/etc/prometheus/prometheus.yml" onChange={(e) => setPaths(e.target.value)} />
          </label>
        </form>
      ) : null}
    </Modal>
  );
}

/** What an import found (or why nothing was imported), with its notes. */
export function ImportOutcomeView({ outcome }: { outcome: ImportOutcome }) {
  const topology = outcome.ok ? outcome.topology : undefined;
  return (
    <div className="ptp-import-outcome" data-testid="import-outcome" data-ok={outcome.ok}>
      {topology ? (
        <p className="ptp-alert ptp-alert-success" role="status">
          Read {outcome.sources.join(', ')}: {summary(topology) || 'nothing to draw'}. The new topology is named{' '}
          <strong>{topology.name}</strong>.
        </p>
      ) : (
        <p className="ptp-alert ptp-alert-error" role="alert">
          <strong>Nothing was imported</strong> from {outcome.sources.join(', ') || 'the chosen files'}. The open document is unchanged.
        </p>
      )}
      {topology && outcome.verdict ? <RoundTripVerdict verdict={outcome.verdict} /> : null}
      {outcome.diagnostics.length > 0 ? <DiagnosticList diagnostics={outcome.diagnostics} testId="import-diagnostics" /> : null}
    </div>
  );
}
