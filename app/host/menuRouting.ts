/**
 * Where a native menu command goes. Edit commands act on what has the keyboard focus: Monaco keeps
 * its own undo/redo/select-all, a text field gets the native action, the canvas gets the app's
 * command (one history step). Two menu-only ids carry an argument: `file.openRecent` (a path) and
 * `view.showPanel` (a sidebar tab id). Pure: the caller says what has focus.
 */
import type { HostRequest, MenuCommand } from '../../src/host-api.ts';

/** What has the keyboard focus when the menu item is chosen. */
export type MenuFocus = 'monaco' | 'text' | 'app';

export type NativeEditAction = HostRequest<'nativeEdit'>['action'];

export type MenuAction =
  | { readonly kind: 'command'; readonly id: string }
  | { readonly kind: 'monaco'; readonly action: 'undo' | 'redo' | 'editor.action.selectAll' }
  | { readonly kind: 'native'; readonly action: NativeEditAction }
  | { readonly kind: 'openPath'; readonly path: string }
  | { readonly kind: 'showPanel'; readonly tab: string }
  | { readonly kind: 'ignore'; readonly reason: string };

/** Menu edit ids and the native action each becomes inside a text field. */
const NATIVE_EDIT: Readonly<Record<string, NativeEditAction>> = {
  'edit.undo': 'undo',
  'edit.redo': 'redo',
  'edit.cut': 'cut',
  'edit.copy': 'copy',
  'edit.paste': 'paste',
  'edit.selectAll': 'selectAll',
};

/** Inside Monaco: its own commands for history and selection; clipboard goes through the native action. */
const MONACO_EDIT: Readonly<Record<string, 'undo' | 'redo' | 'editor.action.selectAll'>> = {
  'edit.undo': 'undo',
  'edit.redo': 'redo',
  'edit.selectAll': 'editor.action.selectAll',
};

export function routeMenuCommand(command: MenuCommand, focus: MenuFocus): MenuAction {
  const { id, argument } = command;
  if (id === 'file.openRecent') {
    return argument ? { kind: 'openPath', path: argument } : { kind: 'ignore', reason: 'file.openRecent without a path' };
  }
  if (id === 'view.showPanel') {
    return argument ? { kind: 'showPanel', tab: argument } : { kind: 'ignore', reason: 'view.showPanel without a panel' };
  }
  const native = NATIVE_EDIT[id];
  if (native && focus === 'monaco') {
    const own = MONACO_EDIT[id];
    return own ? { kind: 'monaco', action: own } : { kind: 'native', action: native };
  }
  if (native && focus === 'text') return { kind: 'native', action: native };
  return { kind: 'command', id };
}
