/**
 * The one command registry: menus (Electron sends the command id), keyboard shortcuts, toolbar
 * buttons and tests all run commands by id. Each command that edits the document makes one
 * `store.apply` call, i.e. one undo step. Other parts register theirs with `registerCommands`.
 */
import type { DesignerState, DesignerStore } from '../store/designerStore.ts';
import type { CanvasBridge } from './canvasBridge.ts';

export interface CommandContext {
  readonly store: DesignerStore;
  readonly canvas: CanvasBridge;
  /** Argument of the few commands that take one (`file.openRecent` path, `view.showPanel` tab id). */
  readonly argument?: string;
}

export type CommandGroup = 'file' | 'edit' | 'insert' | 'select' | 'view' | 'help';

export interface Command {
  /** Dotted id, e.g. `topology.addLeaf`; the Electron menu item id. */
  readonly id: string;
  readonly label: string;
  readonly group: CommandGroup;
  /**
   * Electron accelerators (`CmdOrCtrl+Shift+Z`); the first is shown in menus. `?` and other
   * printable characters may be given as such.
   */
  readonly keybindings?: readonly string[];
  /** Whether it can run now (menus grey it out); default always. */
  readonly enabled?: (state: DesignerState) => boolean;
  run(ctx: CommandContext): void | Promise<void>;
}

const commands = new Map<string, Command>();

/** Adds or replaces commands (by id). */
export function registerCommands(list: readonly Command[]): void {
  for (const c of list) commands.set(c.id, c);
}

export function getCommand(id: string): Command | undefined {
  return commands.get(id);
}

export function allCommands(): Command[] {
  return [...commands.values()];
}
