import { describe, expect, it } from 'vitest';
import { formatAccelerator, matchesAccelerator } from './keybindings.ts';

const key = (k: string, mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {}) => ({
  key: k,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
});

describe('matchesAccelerator', () => {
  it.each([
    ['CmdOrCtrl+Z', key('z', { ctrl: true }), false, true],
    ['CmdOrCtrl+Z', key('z', { meta: true }), true, true],
    ['CmdOrCtrl+Z', key('z', { meta: true }), false, false],
    ['CmdOrCtrl+Z', key('Z', { ctrl: true, shift: true }), false, false],
    ['CmdOrCtrl+Shift+Z', key('Z', { ctrl: true, shift: true }), false, true],
    ['Delete', key('Delete'), false, true],
    ['Backspace', key('Backspace', { ctrl: true }), false, false],
    ['?', key('?', { shift: true }), false, true],
    ['?', key('?', { ctrl: true, shift: true }), false, false],
    ['Shift+1', key('!', { shift: true }), false, true],
    ['CmdOrCtrl+=', key('=', { ctrl: true }), false, true],
    ['CmdOrCtrl+-', key('-', { ctrl: true }), false, true],
    ['Escape', key('Escape'), false, true],
    ['Shift+U', key('U', { shift: true }), false, true],
    ['Shift+U', key('u'), false, false],
  ])('%s vs %o (mac=%s) -> %s', (acc, stroke, mac, expected) => {
    expect(matchesAccelerator(acc, stroke, mac)).toBe(expected);
  });
});

describe('formatAccelerator', () => {
  it('shows Ctrl on Linux/Windows and ⌘ on macOS', () => {
    expect(formatAccelerator('CmdOrCtrl+Shift+Z')).toBe('Ctrl+Shift+Z');
    expect(formatAccelerator('CmdOrCtrl+Z', true)).toBe('⌘Z');
  });
});
