import { describe, expect, it } from 'vitest';
import { completionContext } from './promqlLanguage.ts';

describe('completionContext: metric names outside the matchers, label names inside, nothing in a value', () => {
  it.each([
    ['', 'metric'],
    ['node_lo', 'metric'],
    ['up{', 'label'],
    ['up{job="a", ', 'label'],
    ['up{job="}', 'none'],
    ['up{job="a"}', 'metric'],
    ['{job=~"x\\"', 'none'],
    ['{job=~"x\\\\"', 'label'],
    ['{__name__="a"} ', 'metric'],
  ] as const)('%j -> %s', (text, context) => {
    expect(completionContext(text)).toBe(context);
  });
});
