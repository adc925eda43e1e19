/** The top bar: document title and dirty mark, undo/redo, layout, fit, theme, shortcuts, toolbar slots. */
import { runCommand } from '../commands/runCommand.ts';
import { selectDirty, selectDocument, selectFilePath, selectView } from '../store/selectors.ts';
import { useDesigner, useHistoryState } from '../store/useDesigner.ts';
import type { SlotContribution } from './slots.ts';

function ToolButton({ command, label, icon, disabled }: { command: string; label: string; icon: string; disabled?: boolean }) {
  return (
    <button type="button" className="pt-tool" title={label} aria-label={label} disabled={disabled} onClick={() => runCommand(command)}>
      <span aria-hidden="true">{icon}</span>
    </button>
  );
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function Toolbar({ items }: { items: readonly SlotContribution[] }) {
  const doc = useDesigner(selectDocument);
  const dirty = useDesigner(selectDirty);
  const filePath = useDesigner(selectFilePath);
  const { theme } = useDesigner(selectView);
  const { canUndo, canRedo } = useHistoryState();
  return (
    <header className="pt-toolbar">
      <div className="pt-brand" aria-hidden="true">PromTopo</div>
      <div className="pt-title" title={filePath ?? 'Not saved yet'}>
        <span className="pt-doc-name" data-testid="document-title" title={doc.name}>{doc.name}</span>
        {dirty && <span className="pt-dirty" aria-label="Unsaved changes" title="Unsaved changes">●</span>}
        {filePath && <span className="pt-doc-path">{baseName(filePath)}</span>}
      </div>
      <div className="pt-tool-group" role="toolbar" aria-label="Edit">
        <ToolButton command="edit.undo" label="Undo (Ctrl+Z)" icon="↶" disabled={!canUndo} />
        <ToolButton command="edit.redo" label="Redo (Ctrl+Shift+Z)" icon="↷" disabled={!canRedo} />
        <span className="pt-tool-sep" />
        <ToolButton command="layout.auto" label="Auto-layout (Ctrl+Shift+L)" icon="⇶" />
        <ToolButton command="view.fit" label="Fit view (Shift+1)" icon="⤢" />
        <ToolButton command="view.toggleTheme" label={`Theme: ${theme} (click to toggle)`} icon="◐" />
        <ToolButton command="help.shortcuts" label="Keyboard shortcuts (?)" icon="?" />
      </div>
      <div className="pt-toolbar-slots">
        {items.map(({ id, component: Item }) => (
          <Item key={id} />
        ))}
      </div>
    </header>
  );
}
