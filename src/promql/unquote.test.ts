import { describe, expect, it } from 'vitest';
import { unquoteString } from './unquote.ts';

describe('unquoteString', () => {
  it.each([
    ['"abc"', 'abc'],
    ["'abc'", 'abc'],
    ['`a\\d`', 'a\\d'],
    ['"a\\"b"', 'a"b'],
    ["'a\\'b'", "a'b"],
    ['"\\n\\t\\\\"', '\n\t\\'],
    ['"\\u00e9\\x41\\101"', 'éAA'],
    ['"\\U0001F600"', '😀'],
  ])('%s', (literal, value) => {
    expect(unquoteString(literal)).toEqual({ ok: true, value });
  });

  it.each([
    ['"a\\q"', 'unknown escape', 2],
    ['"abc', 'unterminated', 0],
    ['"abc\\"', 'unterminated', 0],
    ['"\\x4"', 'invalid escape', 1],
    ["\"a\\'\"", 'unknown escape', 2],
    ['"\\400"', 'octal', 1],
    ['`abc', 'unterminated', 0],
  ])('rejects %s', (literal, message, offset) => {
    const r = unquoteString(literal);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(message);
      expect(r.offset).toBe(offset);
    }
  });
});
