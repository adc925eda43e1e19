import { describe, expect, it } from 'vitest';
import { counterSlope, errorPercent, predictedMemoryBytes } from './comparison.ts';
import type { InstanceLoad } from '../estimate/types.ts';

describe('comparison', () => {
  it('gives the error relative to the measurement, and none without one', () => {
    expect(errorPercent(110, 100)).toBeCloseTo(10);
    expect(errorPercent(90, 100)).toBeCloseTo(-10);
    expect(errorPercent(5, undefined)).toBeNull();
    expect(errorPercent(5, 0)).toBeNull();
    expect(errorPercent(0, 0)).toBe(0);
  });

  it('takes the rate of a staircase counter from its slope, not from where the window cuts it', () => {
    // 100 samples appended every 2 s, read every second for 21 s, starting mid-step.
    const points = Array.from({ length: 21 }, (_, i) => ({ t: i, value: 100 * Math.floor((i + 1) / 2) }));
    expect(counterSlope(points)).toBeCloseTo(50, 0);
    expect(counterSlope([{ t: 0, value: 1 }])).toBeUndefined();
  });

  it('sets measured memory against the head memory while the model has no RSS estimate', () => {
    const load = { memoryBytes: 1234 } as InstanceLoad;
    expect(predictedMemoryBytes(load)).toBe(1234);
    expect(predictedMemoryBytes({ ...load, residentMemoryBytes: 5678 } as InstanceLoad)).toBe(5678);
  });
});
