/**
 * Change inspector: Monaco's diff editor over the generated configuration. "Last change" shows what
 * the last command (one undo step) did to the bundle; "Since export" compares the design with the
 * document last exported in this session, i.e. what the next export will change on the servers.
 */
import './monacoSetup.ts';
import './editors.css';
import { DiffEditor } from '@monaco-editor/react';
import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { parseTopology } from '../../src/model/document.ts';
import type { Topology } from '../../src/model/types.ts';
import { useLastExport } from '../host/exportRecord.ts';
import { selectDocument } from '../store/selectors.ts';
import { designerStore, useDesigner } from '../store/useDesigner.ts';
import { bundleDiff, describeDiff } from './bundleDiff.ts';
import { readOnlyEditorOptions } from './editorOptions.ts';
import { useMonacoTheme } from './useAppTheme.ts';

type Mode = 'last' | 'export';

function usePreviousDocument(): Topology | undefined {
  return useStore(designerStore.temporal, (t) => t.pastStates[t.pastStates.length - 1]?.document);
}

function useExportedDocument(): Topology | undefined | 'none' {
  const record = useLastExport();
  return useMemo(() => {
    if (!record) return 'none';
    const parsed = parseTopology(record.documentText, 'last export');
    return parsed.ok ? parsed.topology : undefined;
  }, [record]);
}

export function ChangesPane() {
  const [mode, setMode] = useState<Mode>('last');
  const document = useDesigner(selectDocument);
  const previous = usePreviousDocument();
  const exported = useExportedDocument();
  const theme = useMonacoTheme();
  const base = mode === 'last' ? previous : exported === 'none' ? undefined : exported;
  const unavailable = mode === 'last' ? (previous ? undefined : 'No change yet: edit the design and its effect on the configuration shows here.') : exported === 'none' ? 'No export yet in this session: export the bundle, then this compares the design with what was written.' : undefined;
  const diff = useMemo(() => (unavailable ? undefined : bundleDiff(base, document)), [unavailable, base, document]);

  return (
    <section className="pt-editor-pane nokey" aria-label="Changes" data-testid="change-inspector" data-mode={mode}>
      <div className="pt-editor-bar">
        <div className="pt-segmented" role="group" aria-label="Compare">
          <button type="button" aria-pressed={mode === 'last'} onClick={() => setMode('last')}>Last change</button>
          <button type="button" aria-pressed={mode === 'export'} onClick={() => setMode('export')}>Since export</button>
        </div>
      </div>
      <p className="pt-editor-summary" data-testid="change-summary">{unavailable ?? (diff ? describeDiff(diff) : '')}</p>
      {diff && diff.files.length > 0 && (
        <div className="pt-editor-body">
          <DiffEditor
            original={diff.original}
            modified={diff.modified}
            language="yaml"
            theme={theme}
            originalModelPath={`changes://${mode}/before.yml`}
            modifiedModelPath={`changes://${mode}/after.yml`}
            options={{ ...readOnlyEditorOptions, renderSideBySide: false, originalEditable: false, renderOverviewRuler: false, hideUnchangedRegions: { enabled: true, contextLineCount: 3, minimumLineCount: 3, revealLineCount: 10 } }}
          />
        </div>
      )}
    </section>
  );
}
