/** Routes key presses anywhere in the window (outside inputs and Monaco) to registered commands. */
import { useEffect } from 'react';
import { allCommands } from './registry.ts';
import { isEditableTarget, matchesAccelerator } from './keybindings.ts';
import { runCommand } from './runCommand.ts';

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || isEditableTarget(e.target)) return;
      for (const command of allCommands()) {
        if (!command.keybindings?.some((k) => matchesAccelerator(k, e, isMac))) continue;
        e.preventDefault();
        runCommand(command.id);
        return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
