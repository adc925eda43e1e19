import { describe, expect, it } from 'vitest';
import { isEverythingSelector } from './matchSelector.ts';
import { selectorCases } from './parseSelector.fixtures.ts';
import { formatSelector, parseSelector } from './parseSelector.ts';

describe('parseSelector over the selector table', () => {
  it.each(selectorCases.map((c) => [c.text, c] as const))('%j', (_text, c) => {
    const result = parseSelector(c.text);
    if (c.rejected === undefined) {
      expect(result.ok ? 'accepted' : result.error.message).toBe('accepted');
      if (result.ok) expect(isEverythingSelector(result.selector)).toBe(c.everything ?? false);
      return;
    }
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe(c.rejected);
    if (c.message !== undefined) expect(result.error.message).toContain(c.message);
    if (c.from !== undefined) expect(result.error.from).toBe(c.from);
    expect(result.error.from).toBeGreaterThanOrEqual(0);
    expect(result.error.to).toBeGreaterThanOrEqual(result.error.from);
    expect(result.error.to).toBeLessThanOrEqual(c.text.length);
  });
});

describe('parseSelector results', () => {
  it('reads the metric name and every matcher, values unquoted', () => {
    expect(parseSelector('node_load1{job=~"node|edge", instance!=\'a\\\'b\', env!~`x\\d`,dc="eu"}')).toEqual({
      ok: true,
      selector: {
        metricName: 'node_load1',
        matchers: [
          { name: '__name__', op: '=', value: 'node_load1' },
          { name: 'job', op: '=~', value: 'node|edge' },
          { name: 'instance', op: '!=', value: "a'b" },
          { name: 'env', op: '!~', value: 'x\\d' },
          { name: 'dc', op: '=', value: 'eu' },
        ],
      },
    });
  });

  it('has no metricName when only matchers are written', () => {
    expect(parseSelector('{__name__="up"}')).toEqual({ ok: true, selector: { matchers: [{ name: '__name__', op: '=', value: 'up' }] } });
  });

  it.each([
    ['up', 'up'],
    ['up{job="a"}', 'up{job="a"}'],
    ["{job='a',x!~\"b\"}", '{job="a", x!~"b"}'],
  ])('formats %s as %s', (text, expected) => {
    const r = parseSelector(text);
    expect(r.ok && formatSelector(r.selector)).toBe(expected);
  });
});
