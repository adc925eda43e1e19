/** The `?` sheet: every command with a keybinding, grouped; a modal dialog like the others. */
import { allCommands } from '../commands/registry.ts';
import { formatAccelerator } from '../commands/keybindings.ts';
import { Modal } from '../panels/shared/Modal.tsx';
import { selectView } from '../store/selectors.ts';
import { designerStore, useDesigner } from '../store/useDesigner.ts';

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

export function ShortcutsSheet() {
  const { shortcutsOpen } = useDesigner(selectView);
  if (!shortcutsOpen) return null;
  const close = () => designerStore.getState().setView({ shortcutsOpen: false });
  const commands = allCommands().filter((c) => c.keybindings && c.keybindings.length > 0);
  return (
    <Modal title="Keyboard shortcuts" onClose={close} testId="shortcuts-sheet">
      {/* The list scrolls on its own in a short window; focusable so the keyboard can scroll it. */}
      <div className="pt-shortcuts-scroll" tabIndex={0} role="region" aria-label="Shortcut list">
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
    </Modal>
  );
}
