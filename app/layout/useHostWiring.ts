/**
 * Connects the window to the host once: first-start example, native menu items -> commands, and in
 * browser mode the unsaved-changes guard on reload/close.
 */
import { useEffect } from 'react';
import { runCommand } from '../commands/runCommand.ts';
import { host } from '../host/host.ts';
import { dispatchMenuCommand } from '../host/menuDispatch.ts';
import { installUnloadGuard } from '../host/unloadGuard.ts';
import { designerStore } from '../store/useDesigner.ts';
import { openFirstExample } from './firstStart.ts';

let started = false;

export function useHostWiring(): void {
  useEffect(() => {
    // StrictMode mounts twice in development: open the example only once per page.
    if (!started) {
      started = true;
      const s = designerStore.getState();
      if (s.filePath === null && s.document.nodes.length === 0) void openFirstExample(host, designerStore);
    }
    const removeGuard = host.mode === 'browser' ? installUnloadGuard(designerStore, window) : () => {};
    const unsubscribe = host.onMenuCommand(({ id, argument }) => {
      if (!dispatchMenuCommand({ id, argument }, runCommand)) designerStore.getState().notify(`Menu item "${id}" is not available now.`, 'info');
    });
    return () => {
      removeGuard();
      unsubscribe();
    };
  }, []);
}
