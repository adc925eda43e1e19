/**
 * A match[] selector in a one-line Monaco editor: PromQL highlighting, the engine's parse error as a
 * marker at its column, completion of the metric and label names the source server holds, and the
 * series the selector would pull. Plugs into the inspector's seam (selectorEditorSeam.ts): drafts are
 * reported on every keystroke, the value commits on Enter or blur (one undo step). Undo/redo inside
 * stays Monaco's (the app's shortcuts ignore keys typed in Monaco).
 */
import './monacoSetup.ts';
import './editors.css';
import Editor from '@monaco-editor/react';
import type { OnMount } from '@monaco-editor/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { editor } from 'monaco-editor/editor';
import type { SelectorEditorProps } from '../inspector/selectorEditorSeam.ts';
import { selectDocument, selectSelection } from '../store/selectors.ts';
import { useDesigner } from '../store/useDesigner.ts';
import { monaco } from './monacoSetup.ts';
import { paneEditorOptions } from './editorOptions.ts';
import { PROMQL_LANGUAGE_ID, setCompletionSource } from './promqlLanguage.ts';
import { selectorMarkers, seriesPulled, sourceVocabulary } from './selectorAssist.ts';
import { useMonacoTheme } from './useAppTheme.ts';

const MARKER_OWNER = 'promtopo-selector';

const singleLineOptions: editor.IStandaloneEditorConstructionOptions = {
  ...paneEditorOptions,
  lineNumbers: 'off',
  glyphMargin: false,
  folding: false,
  lineDecorationsWidth: 4,
  lineNumbersMinChars: 0,
  overviewRulerLanes: 0,
  hideCursorInOverviewRuler: true,
  scrollbar: { vertical: 'hidden', horizontal: 'hidden', alwaysConsumeMouseWheel: false },
  renderLineHighlight: 'none',
  contextmenu: false,
  // A selector is typed as written: `{job="node"` must not become `{job="node"}` behind the user's back.
  autoClosingBrackets: 'never',
  autoClosingQuotes: 'never',
  autoClosingOvertype: 'never',
  autoSurround: 'never',
  // A one-line field: Tab moves to the next control (as in an input) instead of typing whitespace.
  tabFocusMode: true,
  quickSuggestions: { other: true, strings: false, comments: false },
  suggestOnTriggerCharacters: true,
  wordBasedSuggestions: 'off',
  links: false,
  fontSize: 12,
  padding: { top: 4, bottom: 2 },
};

let nextId = 0;

export function SelectorEditor({ value, ariaLabel, invalid, onDraft, onCommit }: SelectorEditorProps) {
  const document = useDesigner(selectDocument);
  const selection = useDesigner(selectSelection);
  const edgeId = selection.edges.length === 1 && selection.nodes.length === 0 ? selection.edges[0] : undefined;
  const [id] = useState(() => `selector-${++nextId}`);
  const uri = `inmemory://promtopo/${id}.promql`;
  const [draft, setDraft] = useState(value);
  const editorRef = useRef<editor.IStandaloneCodeEditor | null>(null);
  const committed = useRef(value);
  // The text to commit is the last one the user saw: read from content changes, never from the
  // editor at blur time, because unmounting disposes the model first (getValue() is then '').
  const latest = useRef(value);
  const alive = useRef(false);
  const actions = useRef<{ dispose(): void }[]>([]);
  const callbacks = useRef({ onDraft, onCommit });
  callbacks.current = { onDraft, onCommit };
  const theme = useMonacoTheme();

  const vocabulary = useMemo(() => (edgeId ? sourceVocabulary(document, edgeId) : undefined), [document, edgeId]);
  useEffect(() => {
    setCompletionSource(uri, vocabulary);
    return () => setCompletionSource(uri, undefined);
  }, [uri, vocabulary]);

  const markers = useMemo(() => selectorMarkers(draft), [draft]);
  const series = useMemo(() => (edgeId && markers.length === 0 ? seriesPulled(document, edgeId, draft) : undefined), [document, edgeId, draft, markers]);

  // The committed value changed from outside (undo, another editor): show it.
  useEffect(() => {
    committed.current = value;
    latest.current = value;
    const ed = editorRef.current;
    if (ed && ed.getValue() !== value) ed.setValue(value);
    setDraft(value);
  }, [value]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      markers.map((m) => ({ severity: monaco.MarkerSeverity.Error, message: m.message, startLineNumber: 1, endLineNumber: 1, startColumn: m.startColumn, endColumn: m.endColumn })),
    );
  }, [markers]);

  const commit = () => {
    if (!alive.current) return;
    if (latest.current === committed.current) return;
    committed.current = latest.current;
    callbacks.current.onCommit(latest.current);
  };
  useEffect(() => {
    alive.current = true;
    return () => {
      // Unmounted with an uncommitted draft (the row or the inspector went away): keep what was typed.
      commit();
      alive.current = false;
      for (const action of actions.current.splice(0)) action.dispose();
    };
  }, []);

  const onMount: OnMount = (ed) => {
    editorRef.current = ed;
    ed.onDidChangeModelContent(() => {
      if (!alive.current) return;
      const text = ed.getValue();
      // One line only: a pasted newline becomes a space.
      if (/[\r\n]/.test(text)) {
        ed.setValue(text.replace(/[\r\n]+/g, ' '));
        return;
      }
      latest.current = text;
      setDraft(text);
      callbacks.current.onDraft(text);
    });
    ed.onDidBlurEditorWidget(commit);
    ed.onDidDispose(() => {
      if (editorRef.current === ed) editorRef.current = null;
    });
    // Actions, not addCommand: addCommand binds the key for every Monaco editor of the page, for
    // good (Enter would commit a selector while typing in the Raw YAML editor). An action's key
    // binding holds only while this editor has the focus, and is removed with it.
    const whileHere = '!suggestWidgetVisible';
    actions.current.push(
      ed.addAction({ id: 'promtopo.selector.commit', label: 'Commit selector', keybindings: [monaco.KeyCode.Enter], precondition: whileHere, run: commit }),
      ed.addAction({
        id: 'promtopo.selector.revert',
        label: 'Revert selector',
        keybindings: [monaco.KeyCode.Escape],
        precondition: whileHere,
        run: () => ed.setValue(committed.current),
      }),
    );
  };

  const first = markers[0];
  return (
    <div className="pt-selector nokey" data-testid="selector-editor" data-marker-column={first?.startColumn ?? ''} data-series={series ?? ''}>
      <div className={`pt-selector-editor${invalid || first ? ' invalid' : ''}`} aria-label={ariaLabel} role="group">
        <Editor defaultValue={value} path={uri} language={PROMQL_LANGUAGE_ID} theme={theme} options={{ ...singleLineOptions, ariaLabel }} onMount={onMount} />
      </div>
      {/* The inspector row shows the parse error itself; this line adds what a valid selector pulls. */}
      <p className="pt-selector-meta" data-testid="selector-meta">
        {series !== undefined ? `pulls about ${series.toLocaleString('en-US')} series from the source` : ''}
      </p>
    </div>
  );
}
