import { describe, expect, it } from 'vitest';
import { makeTopology, server } from '../generate/testBuilders.ts';
import { downMarks, setDown } from './whatIfEdits.ts';

describe('what-if edits', () => {
  const t = makeTopology([server('a', { externalLabels: { dc: 'dc1' } })]);

  it('marks down and up again, leaving no empty what-if behind', () => {
    const down = setDown(t, 'dc=dc1', true);
    expect(downMarks(down)).toEqual(['dc=dc1']);
    const both = setDown(down, 'a', true);
    expect(downMarks(both)).toEqual(['dc=dc1', 'a']);
    const up = setDown(setDown(both, 'dc=dc1', false), 'a', false);
    expect(up.settings).toEqual(t.settings);
    expect('whatIf' in up.settings).toBe(false);
  });

  it('an edit that changes nothing returns the same document (no undo step)', () => {
    expect(setDown(t, 'a', false)).toBe(t);
    const down = setDown(t, 'a', true);
    expect(setDown(down, 'a', true)).toBe(down);
  });
});
