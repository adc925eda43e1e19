/** Monaco options shared by the panes: compact, readable in a sidebar, no minimap. */
// Panes carry the `nokey` class: React Flow then leaves keys typed in Monaco alone (Monaco 0.57 edits
// through an EditContext element, not a textarea, so React Flow would otherwise take Space/Backspace).
import type { editor } from 'monaco-editor/editor';

export const paneEditorOptions: editor.IStandaloneEditorConstructionOptions = {
  minimap: { enabled: false },
  fontSize: 12,
  lineNumbersMinChars: 3,
  scrollBeyondLastLine: false,
  automaticLayout: true,
  renderLineHighlight: 'none',
  // Monaco dims the number of an empty last line below readable contrast; number it like the others.
  renderFinalNewline: 'on',
  folding: true,
  wordWrap: 'off',
  tabSize: 2,
  fixedOverflowWidgets: true,
  scrollbar: { alwaysConsumeMouseWheel: false },
};

export const readOnlyEditorOptions: editor.IStandaloneEditorConstructionOptions = {
  ...paneEditorOptions,
  // Previews wrap long lines (comments, long target lists) instead of hiding them past the edge.
  wordWrap: 'on',
  wrappingIndent: 'indent',
  readOnly: true,
  domReadOnly: true,
};
