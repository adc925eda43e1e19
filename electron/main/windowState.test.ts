import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, formatWindowState, parseWindowState, restoreWindowState } from './windowState.ts';

const screen = { x: 0, y: 0, width: 1920, height: 1080 };

describe('window state', () => {
  it('round-trips through the settings preference', () => {
    const s = { x: 10, y: 20, width: 1200, height: 800, maximized: true };
    expect(parseWindowState(formatWindowState(s))).toEqual(s);
  });
  it.each([undefined, 42, 'not json', '{"width":"big","height":1}', '{"width":1.5,"height":800}', 'null'])('ignores %j', (v) => {
    expect(parseWindowState(v)).toBeUndefined();
  });
  it('enforces a minimum size', () => {
    expect(parseWindowState('{"width":10,"height":10}')).toEqual({ width: 800, height: 560, maximized: false });
  });
  it('restores a position that is on a screen', () => {
    const s = { x: 100, y: 50, width: 1000, height: 700, maximized: false };
    expect(restoreWindowState(s, [screen])).toEqual(s);
  });
  it('drops a position that is off every screen and fits the size to the first screen', () => {
    expect(restoreWindowState({ x: 5000, y: 50, width: 3000, height: 700, maximized: false }, [screen])).toEqual({ width: 1920, height: 700, maximized: false });
  });
  it('uses the defaults when nothing was stored', () => {
    expect(restoreWindowState(undefined, [screen])).toBe(DEFAULT_WINDOW_STATE);
  });
});
