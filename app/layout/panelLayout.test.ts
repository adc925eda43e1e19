import { describe, expect, it } from 'vitest';
import { PALETTE_WIDTH, SIDEBAR_MIN, clampSidebarWidth, defaultPanelLayout, maxSidebarWidth, readPanelLayout, writePanelLayout } from './panelLayout.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('panel layout', () => {
  it('starts compact in a 1280 px window: palette collapsed, palette plus sidebar well under 45% of the width', () => {
    const l = defaultPanelLayout(1280);
    expect(l.paletteCollapsed).toBe(true);
    expect((l.sidebarWidth + PALETTE_WIDTH.collapsed) / 1280).toBeLessThan(0.35);
    expect(defaultPanelLayout(1600)).toEqual({ sidebarWidth: 380, paletteCollapsed: false });
  });

  it('keeps the sidebar between its minimum and 60% of the window minus the palette', () => {
    expect(clampSidebarWidth(100, 1280, 52)).toBe(SIDEBAR_MIN);
    expect(clampSidebarWidth(2000, 1280, 52)).toBe(maxSidebarWidth(1280, 52));
    expect(maxSidebarWidth(1280, 52)).toBe(Math.floor(1280 * 0.6 - 52));
    expect(clampSidebarWidth(Number.NaN, 1280, 52)).toBe(SIDEBAR_MIN);
    expect(clampSidebarWidth(412.6, 1600, 196)).toBe(413);
  });

  it('reads back what it wrote, clamped to the window it opens in', () => {
    const s = memoryStorage();
    writePanelLayout(s, { sidebarWidth: 700, paletteCollapsed: false });
    expect(readPanelLayout(s, 1920)).toEqual({ sidebarWidth: 700, paletteCollapsed: false });
    expect(readPanelLayout(s, 1280)).toEqual({ sidebarWidth: maxSidebarWidth(1280, PALETTE_WIDTH.full), paletteCollapsed: false });
  });

  it('falls back to the default on a missing, broken or foreign value, and survives a blocked storage', () => {
    expect(readPanelLayout(undefined, 1280)).toEqual(defaultPanelLayout(1280));
    expect(readPanelLayout(memoryStorage({ 'promtopo.panelLayout': '{not json' }), 1600)).toEqual(defaultPanelLayout(1600));
    expect(readPanelLayout(memoryStorage({ 'promtopo.panelLayout': '{"sidebarWidth":"wide"}' }), 1600)).toEqual(defaultPanelLayout(1600));
    const blocked = { setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(() => writePanelLayout(blocked, { sidebarWidth: 300, paletteCollapsed: true })).not.toThrow();
  });
});
