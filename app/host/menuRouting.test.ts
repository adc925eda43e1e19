import { describe, expect, it } from 'vitest';
import { routeMenuCommand } from './menuRouting.ts';
import type { MenuAction, MenuFocus } from './menuRouting.ts';

describe('routeMenuCommand', () => {
  it.each<[string, MenuFocus, MenuAction]>([
    ['edit.undo', 'app', { kind: 'command', id: 'edit.undo' }],
    ['edit.undo', 'monaco', { kind: 'monaco', action: 'undo' }],
    ['edit.redo', 'monaco', { kind: 'monaco', action: 'redo' }],
    ['edit.undo', 'text', { kind: 'native', action: 'undo' }],
    ['edit.copy', 'app', { kind: 'command', id: 'edit.copy' }],
    ['edit.copy', 'monaco', { kind: 'native', action: 'copy' }],
    ['edit.paste', 'text', { kind: 'native', action: 'paste' }],
    ['edit.selectAll', 'monaco', { kind: 'monaco', action: 'editor.action.selectAll' }],
    ['edit.selectAll', 'app', { kind: 'command', id: 'edit.selectAll' }],
    ['edit.delete', 'text', { kind: 'command', id: 'edit.delete' }],
    ['file.save', 'monaco', { kind: 'command', id: 'file.save' }],
  ])('%s with %s focused -> %j', (id, focus, action) => {
    expect(routeMenuCommand({ id }, focus)).toEqual(action);
  });
  it('opens a recent file by path, and passes view.showPanel its tab', () => {
    expect(routeMenuCommand({ id: 'file.openRecent', argument: '/a.promtopo.json' }, 'text')).toEqual({ kind: 'openPath', path: '/a.promtopo.json' });
    expect(routeMenuCommand({ id: 'view.showPanel', argument: 'problems' }, 'monaco')).toEqual({ kind: 'command', id: 'view.showPanel', argument: 'problems' });
  });
});
