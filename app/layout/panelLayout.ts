/**
 * The widths of the window's side columns: the sidebar (resizable, width remembered) and the
 * palette (full, or collapsed to its icons; remembered). Pure: storage and window width are passed in.
 */

/** Palette column, full and collapsed (icons only), CSS pixels. */
export const PALETTE_WIDTH = { full: 196, collapsed: 52 } as const;

/** The sidebar is never narrower than its tab row needs, nor wider than most of the window. */
export const SIDEBAR_MIN = 280;
const SIDEBAR_MAX = 900;
/** The canvas keeps at least this share of the window when the sidebar is dragged wider. */
const CANVAS_MIN_SHARE = 0.4;

/** Below this window width the layout starts compact: palette collapsed, a narrower sidebar. */
export const COMPACT_BELOW = 1440;

export interface PanelLayout {
  readonly sidebarWidth: number;
  readonly paletteCollapsed: boolean;
}

const STORAGE_KEY = 'promtopo.panelLayout';

/** The widest the sidebar may be in a window `windowWidth` wide. */
export function maxSidebarWidth(windowWidth: number, paletteWidth: number): number {
  return Math.max(SIDEBAR_MIN, Math.min(SIDEBAR_MAX, Math.floor(windowWidth * (1 - CANVAS_MIN_SHARE) - paletteWidth)));
}

export function clampSidebarWidth(width: number, windowWidth: number, paletteWidth: number): number {
  if (!Number.isFinite(width)) return SIDEBAR_MIN;
  return Math.round(Math.min(maxSidebarWidth(windowWidth, paletteWidth), Math.max(SIDEBAR_MIN, width)));
}

/** The layout of a first start in a window `windowWidth` wide. */
export function defaultPanelLayout(windowWidth: number): PanelLayout {
  const compact = windowWidth < COMPACT_BELOW;
  return { sidebarWidth: compact ? 320 : 380, paletteCollapsed: compact };
}

/** The remembered layout (sizes clamped to this window), else the default for it. */
export function readPanelLayout(storage: Pick<Storage, 'getItem'> | undefined, windowWidth: number): PanelLayout {
  const fallback = defaultPanelLayout(windowWidth);
  let stored: unknown;
  try {
    const text = storage?.getItem(STORAGE_KEY);
    stored = text ? JSON.parse(text) : undefined;
  } catch {
    stored = undefined;
  }
  if (typeof stored !== 'object' || stored === null) return fallback;
  const { sidebarWidth, paletteCollapsed } = stored as Record<string, unknown>;
  const collapsed = typeof paletteCollapsed === 'boolean' ? paletteCollapsed : fallback.paletteCollapsed;
  const palette = collapsed ? PALETTE_WIDTH.collapsed : PALETTE_WIDTH.full;
  const width = typeof sidebarWidth === 'number' ? clampSidebarWidth(sidebarWidth, windowWidth, palette) : fallback.sidebarWidth;
  return { sidebarWidth: width, paletteCollapsed: collapsed };
}

/** Remembers the layout; a blocked or full storage only loses the memory, never the change. */
export function writePanelLayout(storage: Pick<Storage, 'setItem'> | undefined, layout: PanelLayout): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(layout));
  } catch {
    // The layout still applies for this session.
  }
}
