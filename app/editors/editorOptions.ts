/** Monaco options shared by the panes: compact, readable in a sidebar, no minimap. */
import type { editor } from 'monaco-editor/editor';

export const paneEditorOptions: editor.IStandaloneEditorConstructionOptions = {
  minimap: { enabled: false },
  fontSize: 12,
  lineNumbersMinChars: 3,
  scrollBeyondLastLine: false,
  automaticLayout: true,
  renderLineHighlight: 'none',
  folding: true,
  wordWrap: 'off',
  tabSize: 2,
  fixedOverflowWidgets: true,
  scrollbar: { alwaysConsumeMouseWheel: false },
};

export const readOnlyEditorOptions: editor.IStandaloneEditorConstructionOptions = {
  ...paneEditorOptions,
  readOnly: true,
  domReadOnly: true,
};
