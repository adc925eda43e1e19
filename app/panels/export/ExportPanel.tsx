/**
 * Export panel: choose the deployment target (kept in the document's export settings, one undo step)
 * and a folder (a path field, remembered; plus the native picker in Electron), check
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
import { blockingErrors, EXPORT_TARGET_CHOICES, loadLastExportDir, saveLastExportDir, targetDescription } from './exportView.ts';
import { exportTargetOf, withExportTarget } from '../../../src/model/exportTarget.ts';
import type { ExportTarget, Topology } from '../../../src/model/types.ts';
import { updateDocument } from '../../../src/model/edit/updateElement.ts';
import type { ExportResponse } from './exportView.ts';
import { browserStorage } from '../../store/browserStorage.ts';
import '../panels.css';
import '../problems/problems.css';

/** The settings with the generated health alerts on, or without the key when off. */
function withHealthRulesSetting(settings: Topology['settings'], on: boolean): Topology['settings'] {
  const { healthRules: _old, ...rest } = settings;
  return on ? { ...rest, healthRules: true } : rest;
}

type Outcome = { kind: 'result'; response: ExportResponse } | { kind: 'failure'; message: string };

export function ExportPanel() {
  const document = useDesigner(selectDocument);
  const diagnostics = useDesigner(selectDiagnostics);
  const errors = blockingErrors(diagnostics);
  const target = exportTargetOf(document);
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
      <p className="ptp-muted" data-testid="export-target-description">
        Writes a folder with {targetDescription(target)}. An existing folder is replaced only when it is empty or a
        previous PromTopo bundle.
      </p>
      <form
        className="ptp-export-form"
        onSubmit={(e) => {
          e.preventDefault();
          void runExport();
        }}
      >
        <label className="ptp-field-label">
          Deployment target
          <select
            name="target"
            value={target}
            onChange={(e) => designerStore.getState().apply((t) => withExportTarget(t, e.target.value as ExportTarget))}
          >
            {EXPORT_TARGET_CHOICES.map((c) => (
              <option key={c.target} value={c.target}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label className="ptp-check-label">
          <input
            type="checkbox"
            name="healthRules"
            checked={document.settings.healthRules === true}
            onChange={(e) => {
              const on = e.target.checked;
              designerStore.getState().apply((t) => updateDocument(t, { settings: withHealthRulesSetting(t.settings, on) }));
            }}
          />{' '}
          Add health alerts (federation source down, scrape jobs down, rule failures, Alertmanager cluster size)
        </label>
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
