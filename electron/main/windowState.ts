/**
 * The window's size, position and maximised state, kept between runs as one settings preference
 * (`windowState`, a small JSON text). Read back defensively: a corrupt or off-screen value gives
 * the defaults instead of an invisible window.
 */

/** Window geometry in screen pixels. */
export interface WindowState {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
  readonly maximized: boolean;
}

/** Settings preference key. */
export const WINDOW_STATE_KEY = 'windowState';

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1440, height: 900, maximized: false };
const MIN_WIDTH = 800;
const MIN_HEIGHT = 560;

/** A screen work area (pixels). */
export interface WorkArea {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 100_000;
}

/** Parses the stored preference; undefined when absent or malformed. */
export function parseWindowState(value: unknown): WindowState | undefined {
  if (typeof value !== 'string') return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  if (!isInt(r.width) || !isInt(r.height)) return undefined;
  const base = { width: Math.max(MIN_WIDTH, r.width), height: Math.max(MIN_HEIGHT, r.height), maximized: r.maximized === true };
  return isInt(r.x) && isInt(r.y) ? { ...base, x: r.x, y: r.y } : base;
}

export function formatWindowState(state: WindowState): string {
  return JSON.stringify(state);
}

/**
 * The state to open the window with: the stored one when its title bar area is on one of the
 * screens, else the stored size (fitted to the first screen) without a position.
 */
export function restoreWindowState(stored: WindowState | undefined, screens: readonly WorkArea[]): WindowState {
  if (!stored) return DEFAULT_WINDOW_STATE;
  const first = screens[0];
  const fit = first
    ? { width: Math.min(stored.width, first.width), height: Math.min(stored.height, first.height), maximized: stored.maximized }
    : { width: stored.width, height: stored.height, maximized: stored.maximized };
  if (stored.x === undefined || stored.y === undefined) return fit;
  const { x, y } = stored;
  const visible = screens.some((s) => x + 100 > s.x && x + 100 < s.x + s.width && y + 10 >= s.y && y + 10 < s.y + s.height);
  return visible ? stored : fit;
}
