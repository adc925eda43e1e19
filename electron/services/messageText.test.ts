import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS, capLength, cleanMessage, escapeControl } from './messageText.ts';

describe('messageText', () => {
  it('escapes ANSI, bell, NUL, C1 and bidi overrides, keeps newlines, tabs and other unicode', () => {
    expect(escapeControl('a\u001b[2Jb\u0007c\u0000d\u0085e\u202ef\tg\nh 名前🙂')).toBe('a\\u001b[2Jb\\u0007c\\u0000d\\u0085e\\u202ef\tg\nh 名前🙂');
  });
  it('cuts an over-long line and says how much was left out, without splitting a surrogate pair', () => {
    const long = 'x'.repeat(10_000);
    const cut = capLength(long);
    expect(cut.length).toBeLessThan(MAX_MESSAGE_CHARS + 40);
    expect(cut).toMatch(/\.\.\. \(9000 more characters\)$/);
    const emoji = `${'a'.repeat(9)}🙂🙂`;
    expect(capLength(emoji, 10)).toBe(`${'a'.repeat(9)}... (4 more characters)`);
  });
  it('caps each line of a multi-line message', () => {
    expect(cleanMessage(`short\n${'y'.repeat(3000)}`).split('\n').map((l) => l.length <= MAX_MESSAGE_CHARS + 40)).toEqual([true, true]);
  });
});
