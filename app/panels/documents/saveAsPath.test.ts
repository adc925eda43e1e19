import { describe, expect, it } from 'vitest';
import { pathWithHome } from './SaveAsDialog.tsx';

describe('Save As: the home folder suggestion arriving after the dialog opened', () => {
  const first = 'untitled-topology.promtopo.json';
  const home = '/home/u/untitled-topology.promtopo.json';

  it('replaces the first suggestion while the field is untouched', () => {
    expect(pathWithHome(first, first, home, false)).toBe(home);
  });

  it('leaves the field alone once the user pressed a key in it (Ctrl+A, then typing), even if the text is unchanged', () => {
    expect(pathWithHome(first, first, home, true)).toBe(first);
  });

  it('never replaces what the user typed', () => {
    expect(pathWithHome('/tmp/mine.promtopo.json', first, home, false)).toBe('/tmp/mine.promtopo.json');
  });
});
