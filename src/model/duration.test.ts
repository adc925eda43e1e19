import { describe, expect, it } from 'vitest';
import { durationMs, formatDuration, parseDuration } from './duration.ts';

describe('parseDuration', () => {
  it.each([
    ['0', 0],
    ['15s', 15_000],
    ['1m', 60_000],
    ['1h30m', 5_400_000],
    ['100ms', 100],
    ['1d', 86_400_000],
    ['2w', 1_209_600_000],
    ['1y', 31_536_000_000],
    ['1m30s500ms', 90_500],
  ])('accepts %s', (text, ms) => {
    expect(parseDuration(text)).toEqual({ ok: true, ms });
  });

  it.each(['', '30m1h', '1.5s', '-1s', '15', 's', '1 s', '1S', '10sec', '1h 30m'])('rejects %j', (text) => {
    const r = parseDuration(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('not a valid duration string');
  });

  it('durationMs is undefined for bad input', () => {
    expect(durationMs('bad')).toBeUndefined();
    expect(durationMs('2m')).toBe(120_000);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [15_000, '15s'],
    [5_400_000, '1h30m'],
    [90_500, '1m30s500ms'],
  ])('formats %d as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
