/**
 * Config preview: the bundle files of the selection (Prometheus configs, rules, Alertmanager,
 * Grafana), generated live from the document. In a prometheus.yml every scrape job is a link:
 * clicking inside it selects the target group and scrape edge, or the federation edge, it came from.
 */
import './monacoSetup.ts';
import './editors.css';
import Editor from '@monaco-editor/react';
import type { OnMount } from '@monaco-editor/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { editor } from 'monaco-editor/editor';
import { canvasBridge } from '../commands/canvasBridge.ts';
import { selectDocument, selectSelection } from '../store/selectors.ts';
import { designerStore, useDesigner } from '../store/useDesigner.ts';
import type { Topology } from '../../src/model/types.ts';
import { readOnlyEditorOptions } from './editorOptions.ts';
import { jobOrigins, originAtLine } from './jobOrigins.ts';
import type { JobOrigin } from './jobOrigins.ts';
import { previewFiles } from './previewFiles.ts';
import { useMonacoTheme } from './useAppTheme.ts';

/** The node whose files to show: the selected node, or the server end of the selected edge. */
function focusNode(t: Topology, nodes: readonly string[], edges: readonly string[]): string | undefined {
  if (nodes.length === 1) return nodes[0];
  if (nodes.length === 0 && edges.length === 1) {
    const edge = t.edges.find((e) => e.id === edges[0]);
    if (edge) return edge.kind === 'datasource' ? edge.grafana : edge.kind === 'store' ? edge.querier : edge.server;
  }
  return undefined;
}

export function ConfigPreviewPane() {
  const document = useDesigner(selectDocument);
  const selection = useDesigner(selectSelection);
  const nodeId = focusNode(document, selection.nodes, selection.edges);
  const files = useMemo(() => previewFiles(document, nodeId), [document, nodeId]);
  // The shown file stays while it is still among the files (e.g. after deleting what was selected).
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const file = files.find((f) => f.path === chosen) ?? files[0];
  useEffect(() => {
    if (file && file.path !== chosen) setChosen(file.path);
  }, [file, chosen]);
  const origins = useMemo<JobOrigin[]>(() => (file?.serverId ? jobOrigins(document, file.serverId, file.contents) : []), [document, file]);
  const originsRef = useRef(origins);
  originsRef.current = origins;
  const editorRef = useRef<editor.IStandaloneCodeEditor | null>(null);
  const decorations = useRef<editor.IEditorDecorationsCollection | null>(null);
  const theme = useMonacoTheme();

  useEffect(() => {
    decorations.current?.set(
      origins.map((o) => ({
        range: { startLineNumber: o.startLine, startColumn: 1, endLineNumber: o.startLine, endColumn: 1 },
        options: { isWholeLine: true, className: 'pt-job-line', hoverMessage: { value: `Click to select what job \`${o.job}\` came from` } },
      })),
    );
  }, [origins]);

  const onMount: OnMount = (ed) => {
    editorRef.current = ed;
    decorations.current = ed.createDecorationsCollection([]);
    ed.onMouseDown((e) => {
      const line = e.target.position?.lineNumber;
      const origin = line === undefined ? undefined : originAtLine(originsRef.current, line);
      if (!origin) return;
      designerStore.getState().select({ nodes: origin.target.nodes, edges: origin.target.edges });
      const reveal = origin.target.edges[0] ?? origin.target.nodes[0];
      if (reveal) canvasBridge().reveal(reveal);
    });
  };

  if (!file) {
    return <p className="pt-editor-empty">Nothing to preview: this selection has no generated files.</p>;
  }
  return (
    <section className="pt-editor-pane nokey" aria-label="Config preview" data-testid="config-preview" data-file={file.path} data-jobs={origins.map((o) => o.job).join(' ')}>
      <div className="pt-editor-bar">
        <label className="pt-editor-file">
          <span>File</span>
          <select value={file.path} title={file.path} onChange={(e) => setChosen(e.target.value)} aria-label="Previewed file">
            {files.map((f) => (
              <option key={f.path} value={f.path}>{f.path}</option>
            ))}
          </select>
        </label>
        {origins.length > 0 && <span className="pt-editor-hint">Click a job to select its source</span>}
      </div>
      <div className="pt-editor-body">
        <Editor
          value={file.contents}
          path={`preview://${file.path}`}
          language="yaml"
          theme={theme}
          options={readOnlyEditorOptions}
          onMount={onMount}
        />
      </div>
    </section>
  );
}
