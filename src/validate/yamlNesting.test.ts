import { describe, expect, it } from 'vitest';
import { MAX_YAML_DEPTH, yamlTooDeep } from './yamlNesting.ts';

describe('yamlTooDeep', () => {
  it.each([
    ['flow', `a: ${'['.repeat(150)}${']'.repeat(150)}`],
    ['flow maps', `${'{a: '.repeat(150)}1${'}'.repeat(150)}`],
    ['block', Array.from({ length: 150 }, (_, i) => `${'  '.repeat(i)}- a:`).join('\n')],
    ['compact items', `${'- '.repeat(150)}x`],
  ])('refuses deep %s nesting', (_name, text) => {
    expect(yamlTooDeep(text)?.depth).toBeGreaterThan(MAX_YAML_DEPTH);
  });

  it('is not fooled by brackets in quotes, comments and block scalars', () => {
    const text = [
      `a: '${'['.repeat(300)}'`,
      `b: "${'{'.repeat(300)}\\" ["`,
      `# ${'['.repeat(300)}`,
      'c: |',
      `  ${'['.repeat(300)}`,
      `  ${'{'.repeat(300)}`,
      'd: >',
      `  ${'[ '.repeat(300)}`,
      'e: [1, [2, [3]]]',
    ].join('\n');
    expect(yamlTooDeep(text)).toBeUndefined();
  });

});
