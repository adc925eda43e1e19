/**
 * Raw YAML escape hatch: the selected server's extra scrape configs (other service discovery, auth,
 * relabelling) in a YAML editor. Problems show as markers with line and column while typing (this
 * pane's checks plus the engine's diagnostics of the field); the text commits on "Apply" or blur as
 * one undo step and the generator merges it into the server's prometheus.yml.
 */
import './monacoSetup.ts';
import './editors.css';
import Editor from '@monaco-editor/react';
import type { OnMount } from '@monaco-editor/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { editor } from 'monaco-editor/editor';
import { updateNode } from '../../src/model/edit/updateElement.ts';
import type { PrometheusNode } from '../../src/model/types.ts';
import { selectDocument, selectSelection } from '../store/selectors.ts';
import { designerStore, useDesigner } from '../store/useDesigner.ts';
import { paneEditorOptions } from './editorOptions.ts';
import { monaco } from './monacoSetup.ts';
import { rawScrapeConfigMarkers } from './rawScrapeConfigs.ts';
import { useMonacoTheme } from './useAppTheme.ts';

const OWNER = 'promtopo-raw-yaml';

function RawYamlEditor({ server }: { server: PrometheusNode }) {
  const document = useDesigner(selectDocument);
  const stored = server.extraScrapeConfigs ?? '';
  const [draft, setDraft] = useState(stored);
  const editorRef = useRef<editor.IStandaloneCodeEditor | null>(null);
  const theme = useMonacoTheme();
  const markers = useMemo(() => rawScrapeConfigMarkers(document, server.id, draft), [document, server.id, draft]);
  const errors = markers.filter((m) => m.severity === 'error').length;

  useEffect(() => {
    setDraft(stored);
    const ed = editorRef.current;
    if (ed && ed.getValue() !== stored) ed.setValue(stored);
  }, [stored, server.id]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      OWNER,
      markers.map((m) => ({
        severity: m.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
        message: m.message,
        startLineNumber: m.line,
        startColumn: m.column,
        endLineNumber: m.endLine,
        endColumn: m.endColumn,
      })),
    );
  }, [markers]);

  const apply = () => {
    const text = editorRef.current?.getValue() ?? draft;
    if (text === stored) return;
    designerStore.getState().apply((t) => updateNode(t, server.id, { extraScrapeConfigs: text.trim() === '' ? undefined : text }));
  };

  const onMount: OnMount = (ed) => {
    editorRef.current = ed;
    ed.onDidChangeModelContent(() => setDraft(ed.getValue()));
    ed.onDidBlurEditorWidget(apply);
  };

  return (
    <section className="pt-editor-pane nokey" aria-label="Raw YAML" data-testid="raw-yaml" data-errors={errors}>
      <div className="pt-editor-bar">
        <span>
          Extra scrape configs of <strong>{server.name}</strong>, merged into its prometheus.yml
        </span>
        <button type="button" className="pt-editor-apply" onClick={apply} disabled={draft === stored}>Apply</button>
      </div>
      <div className="pt-editor-body">
        <Editor
          defaultValue={stored}
          path={`raw://${server.id}/extra_scrape_configs.yml`}
          language="yaml"
          theme={theme}
          options={paneEditorOptions}
          onMount={onMount}
        />
      </div>
      {markers.length > 0 ? (
        <ul className="pt-editor-problems" data-testid="raw-yaml-problems">
          {markers.map((m, i) => (
            <li key={i} className={m.severity}>
              line {m.line}, column {m.column}: {m.message}
            </li>
          ))}
        </ul>
      ) : (
        <p className="pt-editor-summary">No problems. Prometheus' own check (promtool) runs on export.</p>
      )}
    </section>
  );
}

export function RawYamlPane() {
  const document = useDesigner(selectDocument);
  const selection = useDesigner(selectSelection);
  const node = selection.nodes.length === 1 ? document.nodes.find((n) => n.id === selection.nodes[0]) : undefined;
  if (!node || node.kind !== 'prometheus') {
    return <p className="pt-editor-empty">Select one Prometheus server to edit its extra scrape configs (YAML for what the designer does not model: service discovery, auth, relabelling).</p>;
  }
  return <RawYamlEditor key={node.id} server={node} />;
}
