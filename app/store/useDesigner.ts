/**
 * The app's store instance and the hook components read it with. Components pass module-scope
 * selectors (app/store/selectors.ts) so each subscribes to its own slice only.
 */
import { useStore } from 'zustand';
import { createDesignerStore } from './designerStore.ts';
import type { DesignerState, DesignerStore } from './designerStore.ts';
import { realEngine } from './realEngine.ts';
import { browserStorage } from './browserStorage.ts';
import { persistThemePreference, readThemePreference } from './themePreference.ts';

/** The one store of the running app (tests make their own with createDesignerStore). */
export const designerStore: DesignerStore = createDesignerStore({ engine: realEngine, theme: readThemePreference(browserStorage()) });
persistThemePreference(designerStore, browserStorage());

export function useDesigner<T>(selector: (s: DesignerState) => T): T {
  return useStore(designerStore, selector);
}

/** Undo/redo availability, for buttons and menus. */
export function useHistoryState(): { canUndo: boolean; canRedo: boolean } {
  const canUndo = useStore(designerStore.temporal, (t) => t.pastStates.length > 0);
  const canRedo = useStore(designerStore.temporal, (t) => t.futureStates.length > 0);
  return { canUndo, canRedo };
}
