/**
 * Remembers the theme choice (system, light, dark) between sessions in the renderer's own storage
 * (localStorage in browser mode and in Electron's app:// origin). A missing or odd value means "system".
 */
import type { DesignerStore, ThemePreference } from './designerStore.ts';

export const THEME_KEY = 'promtopo.theme';

/** The part of the Web Storage API this needs (tests pass a Map-backed fake). */
export type ThemeStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function readThemePreference(storage: ThemeStorage | undefined): ThemePreference {
  let value: string | null = null;
  try {
    value = storage?.getItem(THEME_KEY) ?? null;
  } catch {
    // Storage can be disabled (privacy settings): fall back to the system theme.
  }
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** Writes the store's theme whenever it changes; returns the unsubscribe function. */
export function persistThemePreference(store: DesignerStore, storage: ThemeStorage | undefined): () => void {
  return store.subscribe((state, previous) => {
    if (state.view.theme === previous.view.theme) return;
    try {
      storage?.setItem(THEME_KEY, state.view.theme);
    } catch {
      // Nothing to do: the choice simply is not remembered.
    }
  });
}
