import { describe, expect, it } from 'vitest';
import { createDesignerStore } from './designerStore.ts';
import { THEME_KEY, persistThemePreference, readThemePreference } from './themePreference.ts';
import type { ThemeStorage } from './themePreference.ts';

function memoryStorage(initial: Record<string, string> = {}): ThemeStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('theme preference', () => {
  it.each([
    [{ [THEME_KEY]: 'dark' }, 'dark'],
    [{ [THEME_KEY]: 'light' }, 'light'],
    [{ [THEME_KEY]: 'purple' }, 'system'],
    [{}, 'system'],
  ])('reads %j as %s', (stored, expected) => {
    expect(readThemePreference(memoryStorage(stored))).toBe(expected);
  });

  it('falls back to system when storage is missing or throws', () => {
    expect(readThemePreference(undefined)).toBe('system');
    const broken: ThemeStorage = { getItem: () => { throw new Error('denied'); }, setItem: () => undefined };
    expect(readThemePreference(broken)).toBe('system');
  });

  it('writes the theme when it changes, and nothing for other changes', () => {
    const storage = memoryStorage();
    const store = createDesignerStore({ theme: 'system' });
    const stop = persistThemePreference(store, storage);
    store.getState().setView({ sidebarTab: 'problems' });
    expect(storage.data.has(THEME_KEY)).toBe(false);
    store.getState().setView({ theme: 'dark' });
    expect(storage.data.get(THEME_KEY)).toBe('dark');
    stop();
    store.getState().setView({ theme: 'light' });
    expect(storage.data.get(THEME_KEY)).toBe('dark');
  });
});
