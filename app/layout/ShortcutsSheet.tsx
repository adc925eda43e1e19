/** The `?` sheet: every command with a keybinding, grouped. */
import { allCommands } from '../commands/registry.ts';
import { formatAccelerator } from '../commands/keybindings.ts';
import { selectView } from '../store/selectors.ts';
import { designerStore, useDesigner } from '../store/useDesigner.ts';

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

export function ShortcutsSheet() {
  const { shortcutsOpen } = useDesigner(selectView);
  if (!shortcutsOpen) return null;
  const close = () => designerStore.getState().setView({ shortcutsOpen: false });
  const commands = allCommands().filter((c) => c.keybindings && c.keybindings.length > 0);
  return (
    <div className="pt-modal-backdrop" onClick={close}>
      <div className="pt-modal" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" onClick={(e) => e.stopPropagation()}>
        <div className="pt-modal-head">
          <h2>Keyboard shortcuts</h2>
          <button type="button" className="pt-tool" aria-label="Close" onClick={close}>✕</button>
        </div>
        <table className="pt-shortcuts">
          <tbody>
            {commands.map((c) => (
              <tr key={c.id}>
                <td>{c.label}</td>
                <td>
                  {(c.keybindings ?? []).map((k) => (
                    <kbd key={k}>{formatAccelerator(k, isMac)}</kbd>
                  ))}
                </td>
              </tr>
            ))}
            <tr>
              <td>Multi-select</td>
              <td><kbd>Ctrl</kbd>+click, <kbd>Shift</kbd>+drag</td>
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}
