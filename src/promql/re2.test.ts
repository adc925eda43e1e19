import { describe, expect, it } from 'vitest';
import { compileAnchoredRe2, translateRe2 } from './re2.ts';

describe('translateRe2', () => {
  it.each([
    ['a.b', 'a.b', ''],
    ['(?i)api', 'api', 'i'],
    ['(?s)a.b', 'a.b', 's'],
    ['(?P<name>x)', '(?<name>x)', ''],
    ['[[:digit:]]+', '[0-9]+', ''],
    ['[[:^digit:]]', '[^0-9]', ''],
    ['\\pL', '\\p{L}', ''],
    ['\\PL', '\\P{L}', ''],
    ['\\p{Greek}', '\\p{Script=Greek}', ''],
    ['\\x41\\x{1F600}', '\\u{41}\\u{1F600}', ''],
    ['\\Qa.b\\E', 'a\\.b', ''],
    ['a{', 'a\\{', ''],
    ['a}', 'a\\}', ''],
    ['\\-', '-', ''],
    ['[\\-a]', '[\\-a]', ''],
    ['[]a]', '[\\]a]', ''],
    ['\\Aa\\z', '^a$', ''],
    ['a/b', 'a\\/b', ''],
  ])('%s', (pattern, source, flags) => {
    expect(translateRe2(pattern)).toEqual({ ok: true, source, flags });
  });

  it.each([
    ['(?=a)', 'lookaround', 0],
    ['x(?<!a)', 'lookaround', 1],
    ['(a)\\1', 'backreferences', 3],
    ['\\q', 'invalid escape', 0],
    ['a{1001}', 'repeat count', 1],
    ['a{3,2}', 'repeat count', 1],
    ['(?<n>a)', 'unsupported Perl syntax', 0],
    ['[a', 'missing closing ]', 0],
    ['a\\', 'trailing backslash', 1],
    ['[[:nope:]]', 'character class', 1],
  ])('rejects %s', (pattern, message, offset) => {
    const t = translateRe2(pattern);
    expect(t.ok).toBe(false);
    if (!t.ok) {
      expect(t.message).toContain(message);
      expect(t.offset).toBe(offset);
    }
  });
});

describe('compileAnchoredRe2', () => {
  it.each([
    ['a|b', 'b', true],
    ['a|b', 'ab', false],
    ['a.*', 'abc', true],
    ['b', 'abc', false],
    ['(?i)API', 'api', true],
    ['é+', 'éé', true],
  ])('%s on %s -> %s', (pattern, value, expected) => {
    const c = compileAnchoredRe2(pattern);
    expect(c.ok && c.regex.test(value)).toBe(expected);
  });

  it.each(['a(', '*a', 'a**', '(?i'])('reports %s as invalid without throwing', (pattern) => {
    expect(compileAnchoredRe2(pattern).ok).toBe(false);
  });
});
