/**
 * Toolbar: a File menu (every file command with its shortcut) and a Save button that shows the dirty
 * state. Items run commands from the registry, so menu, shortcut and button do the same thing.
 */
import { useEffect, useRef, useState } from 'react';
import { formatAccelerator } from '../../commands/keybindings.ts';
import { getCommand } from '../../commands/registry.ts';
import { runCommand } from '../../commands/runCommand.ts';
import { selectDirty } from '../../store/selectors.ts';
import { useDesigner } from '../../store/useDesigner.ts';
import { documentCommands } from '../../commands/documentCommands.ts';
import '../panels.css';
import '../shared/dialogs.css';

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);
const SEPARATE_AFTER = new Set(['file.open', 'file.saveAs']);

export function FileMenu() {
  const [open, setOpen] = useState(false);
  const dirty = useDesigner(selectDirty);
  const root = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', onPointer);
    return () => window.removeEventListener('pointerdown', onPointer);
  }, [open]);

  function run(id: string) {
    setOpen(false);
    // The menu item goes away with the menu: a dialog the command opens gives the focus back here.
    opener.current?.focus();
    runCommand(id);
  }

  return (
    <div className="ptp-file-menu" ref={root}>
      <button
        ref={opener}
        type="button"
        className="ptp-toolbar-button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      >
        File ▾
      </button>
      {open ? (
        <div className="ptp-menu" role="menu" aria-label="File" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          {documentCommands.map((c) => {
            const command = getCommand(c.id) ?? c;
            const key = command.keybindings?.[0];
            return (
              <div key={c.id}>
                <button
                  type="button"
                  role="menuitem"
                  className="ptp-menu-item"
                  aria-label={command.label}
                  aria-keyshortcuts={key ? formatAccelerator(key, false).replace('Ctrl', 'Control') : undefined}
                  onClick={() => run(c.id)}
                >
                  <span>{command.label}</span>
                  {key ? <kbd aria-hidden="true">{formatAccelerator(key, isMac)}</kbd> : null}
                </button>
                {SEPARATE_AFTER.has(c.id) ? <hr className="ptp-menu-separator" /> : null}
              </div>
            );
          })}
        </div>
      ) : null}
      <button
        type="button"
        className={`ptp-toolbar-button${dirty ? ' ptp-save-dirty' : ''}`}
        title={dirty ? 'Save (unsaved changes)' : 'Save (no unsaved changes)'}
        data-dirty={dirty}
        onClick={() => runCommand('file.save')}
      >
        {dirty ? '● Save' : 'Save'}
      </button>
    </div>
  );
}
