import { describe, expect, it } from 'vitest';
import { COMPACT_BELOW_ZOOM, detailAt } from './levelOfDetail.ts';

describe('level of detail', () => {
  it('is compact below the threshold zoom and full from it on', () => {
    expect(detailAt(0.05)).toBe('compact');
    expect(detailAt(COMPACT_BELOW_ZOOM - 0.01)).toBe('compact');
    expect(detailAt(COMPACT_BELOW_ZOOM)).toBe('full');
    expect(detailAt(1)).toBe('full');
    expect(detailAt(2.5)).toBe('full');
  });
});
