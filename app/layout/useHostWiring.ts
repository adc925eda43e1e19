/** Connects the window to the host once: first-start example, and native menu items -> commands. */
import { useEffect } from 'react';
import { runCommand } from '../commands/runCommand.ts';
import { host } from '../host/host.ts';
import { dispatchMenuCommand } from '../host/menuDispatch.ts';
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
    return host.onMenuCommand(({ id, argument }) => {
      if (!dispatchMenuCommand({ id, argument }, runCommand)) designerStore.getState().notify(`Menu item "${id}" is not available now.`, 'info');
    });
  }, []);
}
