/**
 * Runs a native menu command where it belongs (see menuRouting.ts): Monaco's own undo/redo when an
 * editor has focus, the native edit action in a text field, else the app's command.
 */
import type { MenuCommand } from '../../src/host-api.ts';
import { openDocumentAt } from '../panels/documents/documentActions.ts';
import { host } from './host.ts';
import { routeMenuCommand } from './menuRouting.ts';
import type { MenuFocus } from './menuRouting.ts';

/** What has focus now, from the DOM. */
export function currentMenuFocus(): MenuFocus {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body) return 'app';
  if (el.closest('.monaco-editor')) return 'monaco';
  if (el.isContentEditable || el.closest('input, textarea, select')) return 'text';
  return 'app';
}

/** Dispatches one menu command; `runCommand` is the app's registry (returns false when unknown). */
export function dispatchMenuCommand(command: MenuCommand, runCommand: (id: string, argument?: string) => boolean): boolean {
  const action = routeMenuCommand(command, currentMenuFocus());
  switch (action.kind) {
    case 'command':
      return runCommand(action.id, action.argument);
    case 'openPath':
      void openDocumentAt(action.path);
      return true;
    case 'native':
      void host.call('nativeEdit', { action: action.action }).catch(() => undefined);
      return true;
    case 'monaco':
      // Monaco is loaded lazily with the panes; when it has focus it is loaded.
      void import('../editors/monacoSetup.ts').then(({ focusedCodeEditor }) => focusedCodeEditor()?.trigger('menu', action.action, null));
      return true;
  }
}
