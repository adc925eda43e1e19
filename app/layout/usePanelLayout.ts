/** The panel layout of this window: read once from storage, clamped on window resize, saved on change. */
import { useCallback, useEffect, useState } from 'react';
import { browserStorage } from '../store/browserStorage.ts';
import { PALETTE_WIDTH, clampSidebarWidth, readPanelLayout, writePanelLayout } from './panelLayout.ts';
import type { PanelLayout } from './panelLayout.ts';

export interface PanelLayoutControls extends PanelLayout {
  readonly paletteWidth: number;
  /** Sets the sidebar width (clamped); `remember` saves it (at the end of a drag, on a key press). */
  setSidebarWidth(width: number, remember: boolean): void;
  togglePalette(): void;
}

export function usePanelLayout(): PanelLayoutControls {
  const [layout, setLayout] = useState<PanelLayout>(() => readPanelLayout(browserStorage(), window.innerWidth));
  const paletteWidth = layout.paletteCollapsed ? PALETTE_WIDTH.collapsed : PALETTE_WIDTH.full;

  useEffect(() => {
    const onResize = () =>
      setLayout((l) => {
        const width = clampSidebarWidth(l.sidebarWidth, window.innerWidth, l.paletteCollapsed ? PALETTE_WIDTH.collapsed : PALETTE_WIDTH.full);
        return width === l.sidebarWidth ? l : { ...l, sidebarWidth: width };
      });
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  const setSidebarWidth = useCallback(
    (width: number, remember: boolean) =>
      setLayout((l) => {
        const next = { ...l, sidebarWidth: clampSidebarWidth(width, window.innerWidth, l.paletteCollapsed ? PALETTE_WIDTH.collapsed : PALETTE_WIDTH.full) };
        if (remember) writePanelLayout(browserStorage(), next);
        return next;
      }),
    [],
  );

  const togglePalette = useCallback(
    () =>
      setLayout((l) => {
        const next = { ...l, paletteCollapsed: !l.paletteCollapsed };
        writePanelLayout(browserStorage(), next);
        return next;
      }),
    [],
  );

  return { ...layout, paletteWidth, setSidebarWidth, togglePalette };
}
