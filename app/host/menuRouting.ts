/**
 * Where a native menu command goes. Edit commands act on what has the keyboard focus: Monaco keeps
 * its own undo/redo/select-all, a text field gets the native action, the canvas gets the app's
 * command (one history step), with its argument when it has one (`file.openRecent` path,
 * `view.showPanel` tab id). Pure: the caller says what has focus.
 */
import type { HostRequest, MenuCommand } from '../../src/host-api.ts';

/** What has the keyboard focus when the menu item is chosen. */
export type MenuFocus = 'monaco' | 'text' | 'app';

export type NativeEditAction = HostRequest<'nativeEdit'>['action'];

export type MenuAction =
  | { readonly kind: 'command'; readonly id: string; readonly argument?: string }
  | { readonly kind: 'monaco'; readonly action: 'undo' | 'redo' | 'editor.action.selectAll' }
  | { readonly kind: 'native'; readonly action: NativeEditAction }
  /** `file.openRecent` (also a file given on Electron's command line): open the document at `path`. */
  | { readonly kind: 'openPath'; readonly path: string };

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
  if (id === 'file.openRecent' && argument) return { kind: 'openPath', path: argument };
  const native = NATIVE_EDIT[id];
  if (native && focus === 'monaco') {
    const own = MONACO_EDIT[id];
    return own ? { kind: 'monaco', action: own } : { kind: 'native', action: native };
  }
  if (native && focus === 'text') return { kind: 'native', action: native };
  return argument === undefined ? { kind: 'command', id } : { kind: 'command', id, argument };
}
