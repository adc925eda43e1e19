/**
 * Change inspector: Monaco's diff editor over the generated configuration. "Last change" shows what
 * the last command (one undo step) did to the bundle; "Since export" compares the design with the
 * document last exported in this session, i.e. what the next export will change on the servers.
 */
import './monacoSetup.ts';
import './editors.css';
import { DiffEditor } from '@monaco-editor/react';
import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { parseTopology } from '../../src/model/document.ts';
import type { Topology } from '../../src/model/types.ts';
import { useLastExport } from '../host/exportRecord.ts';
import { selectDocument } from '../store/selectors.ts';
import { designerStore, useDesigner } from '../store/useDesigner.ts';
import { bundleDiff, describeDiff } from './bundleDiff.ts';
import { readOnlyEditorOptions } from './editorOptions.ts';
import { monaco } from './monacoSetup.ts';
import { useMonacoTheme } from './useAppTheme.ts';

type Mode = 'last' | 'export';

let nextPane = 0;

/**
 * Model paths owned by one mounted pane, released after the diff editor is gone. The diff editor
 * must be disposed before its models (else Monaco throws "TextModel got disposed before
 * DiffEditorWidget model got reset"), so the editor keeps them on unmount and this disposes them
 * once the unmount is over; the paths are unique to the pane, so no other editor holds them.
 */
function useOwnedModelPaths(mode: Mode): { original: string; modified: string } {
  const [pane] = useState(() => ++nextPane);
  const paths = useMemo(() => ({ original: `changes://${pane}/${mode}/before.yml`, modified: `changes://${pane}/${mode}/after.yml` }), [pane, mode]);
  useEffect(
    () => () => {
      setTimeout(() => {
        for (const path of [paths.original, paths.modified]) monaco.editor.getModel(monaco.Uri.parse(path))?.dispose();
      });
    },
    [paths],
  );
  return paths;
}

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
  const paths = useOwnedModelPaths(mode);
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
            originalModelPath={paths.original}
            modifiedModelPath={paths.modified}
            keepCurrentOriginalModel
            keepCurrentModifiedModel
            // A kept model is reused as it was: show the current diff in it.
            onMount={(ed) => {
              const models = ed.getModel();
              if (models && models.original.getValue() !== diff.original) models.original.setValue(diff.original);
              if (models && models.modified.getValue() !== diff.modified) models.modified.setValue(diff.modified);
            }}
            options={{ ...readOnlyEditorOptions, renderSideBySide: false, originalEditable: false, renderOverviewRuler: false, hideUnchangedRegions: { enabled: true, contextLineCount: 3, minimumLineCount: 3, revealLineCount: 10 } }}
          />
        </div>
      )}
    </section>
  );
}
