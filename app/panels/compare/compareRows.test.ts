import { describe, expect, it } from 'vitest';
import { diffTopologies } from '../../../src/diff/diffTopologies.ts';
import { makeTopology, server, targets } from '../../../src/generate/testBuilders.ts';
import { compareRows } from './compareRows.ts';

describe('compareRows', () => {
  it('added and changed entries reveal their node or edge in the design; removed ones have no target', () => {
    const before = makeTopology([server('leaf', { retention: '30d' }), targets('old', ['a:1'])], [{ id: 's-old', kind: 'scrape', server: 'leaf', targets: 'old' }]);
    const after = makeTopology([server('leaf'), targets('new', ['b:1'])], [{ id: 's-new', kind: 'scrape', server: 'leaf', targets: 'new' }]);
    const rows = compareRows(diffTopologies(before, after));
    expect(rows.map((r) => [r.change, r.text, r.details, r.target])).toEqual([
      ['changed', 'leaf "leaf"', ['retention: 30d -> 15d'], { kind: 'node', id: 'leaf' }],
      ['added', 'target group "new" added', [], { kind: 'node', id: 'new' }],
      ['removed', 'target group "old" removed', [], undefined],
      ['added', 'scrape edge leaf -> new added', [], { kind: 'edge', id: 's-new' }],
      ['removed', 'scrape edge leaf -> old removed', [], undefined],
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });
});
