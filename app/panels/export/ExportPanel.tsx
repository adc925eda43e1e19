/**
 * Export panel: choose a folder (a path field, remembered; plus the native picker in Electron), check
 * that no error blocks the export (each error links to its node), let the host write the bundle, and
 * show the result: the files written and promtool's verdict per config, or why nothing was written.
 */
import { useState } from 'react';
import { serializeTopology } from '../../../src/model/document.ts';
import { host } from '../../host/host.ts';
import { selectDiagnostics, selectDocument } from '../../store/selectors.ts';
import { designerStore, useDesigner } from '../../store/useDesigner.ts';
import { errorText } from '../documents/documentActions.ts';
import { DiagnosticList } from '../shared/DiagnosticList.tsx';
import { useReveal } from '../shared/useReveal.ts';
import { BlockingErrors } from './BlockingErrors.tsx';
import { ExportResult } from './ExportResult.tsx';
import { blockingErrors, loadLastExportDir, saveLastExportDir } from './exportView.ts';
import type { ExportResponse } from './exportView.ts';
import { browserStorage } from '../../store/browserStorage.ts';
import '../panels.css';
import '../problems/problems.css';

type Outcome = { kind: 'result'; response: ExportResponse } | { kind: 'failure'; message: string };

export function ExportPanel() {
  const document = useDesigner(selectDocument);
  const diagnostics = useDesigner(selectDiagnostics);
  const errors = blockingErrors(diagnostics);
  const [outDir, setOutDir] = useState(() => loadLastExportDir(browserStorage()));
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const revealOnCanvas = useReveal();
  // A "Select ..." link shows what it names: selected and centred, and open in the inspector.
  const reveal: typeof revealOnCanvas = (target) => {
    revealOnCanvas(target);
    designerStore.getState().setView({ sidebarTab: 'inspector' });
  };

  async function chooseFolder() {
    try {
      const res = await host.call('chooseFolder', { title: 'Export bundle to folder', ...(outDir ? { defaultPath: outDir } : {}) });
      if (res.path) setOutDir(res.path);
    } catch (e) {
      setOutcome({ kind: 'failure', message: errorText(e) });
    }
  }

  async function runExport() {
    const dir = outDir.trim();
    if (!dir || errors.length > 0) return;
    setBusy(true);
    setOutcome(null);
    saveLastExportDir(browserStorage(), dir);
    try {
      const response = await host.call('exportBundle', { document: serializeTopology(document), outDir: dir });
      setOutcome({ kind: 'result', response });
      designerStore
        .getState()
        .notify(response.ok ? `Exported ${response.files.length} files to ${response.outDir}` : `Export failed: ${response.error ?? 'see the Export panel'}`, response.ok ? 'success' : 'error');
    } catch (e) {
      setOutcome({ kind: 'failure', message: errorText(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="ptp-panel" aria-label="Export">
      <p className="ptp-muted">
        Writes a folder with a <code>prometheus.yml</code> per server, rule files, Alertmanager and Grafana configs and run
        scripts. An existing folder is replaced only when it is empty or a previous PromTopo bundle.
      </p>
      <form
        className="ptp-export-form"
        onSubmit={(e) => {
          e.preventDefault();
          void runExport();
        }}
      >
        <label className="ptp-field-label">
          Output folder
          <span className="ptp-input-row">
            <input
              type="text"
              name="outDir"
              value={outDir}
              spellCheck={false}
              placeholder="/home/me/promtopo-bundle"
              onChange={(e) => setOutDir(e.target.value)}
            />
            {host.nativeDialogs ? (
              <button type="button" onClick={() => void chooseFolder()}>
                Choose…
              </button>
            ) : null}
          </span>
        </label>
        <button type="submit" className="ptp-primary" disabled={busy || !outDir.trim() || errors.length > 0}>
          {busy ? 'Exporting…' : 'Export bundle'}
        </button>
      </form>
      {errors.length > 0 ? <BlockingErrors errors={errors} topology={document} onReveal={reveal} /> : null}
      {outcome?.kind === 'failure' ? (
        <div className="ptp-alert ptp-alert-error" role="alert" data-testid="export-error">
          <strong>Nothing was written.</strong> {outcome.message}
        </div>
      ) : null}
      {outcome?.kind === 'result' ? <ExportResult response={outcome.response} topology={document} onReveal={reveal} /> : null}
      {outcome?.kind === 'result' && !outcome.response.ok && outcome.response.diagnostics.some((d) => d.severity === 'error') ? (
        <DiagnosticList diagnostics={outcome.response.diagnostics.filter((d) => d.severity === 'error')} testId="export-diagnostics" />
      ) : null}
    </section>
  );
}
