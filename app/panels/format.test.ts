import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatExact, formatPercent, formatRate } from './format.ts';

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [12.345, '12.3'],
    [950, '950'],
    [999.4, '999'],
    [1000, '1k'],
    [1234, '1.23k'],
    [12_345, '12.3k'],
    [999_999, '1M'],
    [4_500_000, '4.5M'],
    [2_000_000_000, '2G'],
    [-1500, '-1.5k'],
    [Number.NaN, '—'],
  ])('%s -> %s', (value, expected) => {
    expect(formatCount(value)).toBe(expected);
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1536, '1.5 KiB'],
    [16 * 1024 ** 3, '16 GiB'],
    [3.25 * 1024 ** 2, '3.25 MiB'],
    [1023.9 * 1024 ** 2, '1 GiB'],
    [2.5 * 1024 ** 4, '2.5 TiB'],
  ])('%s -> %s', (value, expected) => {
    expect(formatBytes(value)).toBe(expected);
  });
});

describe('formatExact / formatRate / formatPercent', () => {
  it.each([
    [formatExact(1_234_567), '1,234,567'],
    [formatExact(1234.567), '1,235'],
    [formatExact(12.345), '12.35'],
    [formatExact(-9876), '-9,876'],
    [formatRate(66.6667), '66.7/s'],
    [formatPercent(0.857), '86%'],
    [formatPercent(0.004), '<1%'],
    [formatPercent(0), '0%'],
    [formatPercent(1.42), '142%'],
  ])('%s === %s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});
