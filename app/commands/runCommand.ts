/**
 * Runs a command by id against the app's store and canvas. Menus (Electron sends the id), buttons,
 * shortcuts and other panels call this; tests call `runCommandWith` with their own store.
 */
import type { DesignerStore } from '../store/designerStore.ts';
import { designerStore } from '../store/useDesigner.ts';
import { canvasBridge } from './canvasBridge.ts';
import type { CanvasBridge } from './canvasBridge.ts';
import { designerCommands } from './designerCommands.ts';
import { getCommand, registerCommands } from './registry.ts';

registerCommands(designerCommands);

/** Runs `id` on the app's store; returns false when no such command exists or it is disabled. */
export function runCommand(id: string, argument?: string): boolean {
  return runCommandWith(id, designerStore, canvasBridge(), argument);
}

export function runCommandWith(id: string, store: DesignerStore, canvas: CanvasBridge, argument?: string): boolean {
  const command = getCommand(id);
  if (!command) return false;
  if (command.enabled && !command.enabled(store.getState())) return false;
  const result = command.run(argument === undefined ? { store, canvas } : { store, canvas, argument });
  if (result instanceof Promise) {
    result.catch((e: unknown) => store.getState().notify(`${command.label} failed: ${e instanceof Error ? e.message : String(e)}`, 'error'));
  }
  return true;
}
