import { describe, expect, it } from 'vitest';
import { TOKEN_ENV, chooseApiToken, isAcceptableToken, newApiToken, tokenMatches } from './apiToken.ts';

describe('apiToken', () => {
  it('makes a different 43-character URL-safe token each time', () => {
    const a = newApiToken();
    const b = newApiToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });
  it('matches only the exact token', () => {
    const t = newApiToken();
    expect(tokenMatches(t, t)).toBe(true);
    expect(tokenMatches([t], t)).toBe(true);
    for (const wrong of [undefined, '', t.slice(0, -1), `${t} `, t.toLowerCase() === t ? t.toUpperCase() : t.toLowerCase(), newApiToken()]) {
      expect(tokenMatches(wrong, t)).toBe(false);
    }
  });
  it('takes a strong token from the environment, refuses a weak one, and makes one otherwise', () => {
    const t = newApiToken();
    expect(chooseApiToken({ [TOKEN_ENV]: t })).toEqual({ token: t });
    expect(chooseApiToken({ [TOKEN_ENV]: 'secret' })).toEqual({ error: expect.stringContaining(TOKEN_ENV) });
    const made = chooseApiToken({});
    expect('token' in made && isAcceptableToken(made.token)).toBe(true);
  });
});
