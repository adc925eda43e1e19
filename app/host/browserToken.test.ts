import { describe, expect, it } from 'vitest';
import { TOKEN_STORAGE_KEY, adoptBrowserToken, hashWithoutToken, tokenFromHash } from './browserToken.ts';
import type { TokenWindow } from './browserToken.ts';

const TOKEN = 'A'.repeat(20) + 'b_-'.repeat(6);

function fakeWindow(hash: string, stored: Record<string, string> = {}, blocked = false): TokenWindow & { urls: string[]; store: Record<string, string> } {
  const store = { ...stored };
  const urls: string[] = [];
  return {
    urls,
    store,
    location: { hash, pathname: '/', search: '?x=1' },
    history: { replaceState: (_d, _u, url) => void urls.push(url ?? '') },
    sessionStorage: {
      getItem: (k) => {
        if (blocked) throw new Error('SecurityError');
        return store[k] ?? null;
      },
      setItem: (k, v) => {
        if (blocked) throw new Error('SecurityError');
        store[k] = v;
      },
    },
  };
}

describe('browser token', () => {
  it('reads a well-formed token from the fragment and ignores malformed ones', () => {
    expect(tokenFromHash(`#token=${TOKEN}`)).toBe(TOKEN);
    expect(tokenFromHash(`#a=1&token=${TOKEN}`)).toBe(TOKEN);
    expect(tokenFromHash('#token=short')).toBeUndefined();
    expect(tokenFromHash('#token=<script>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')).toBeUndefined();
    expect(tokenFromHash('')).toBeUndefined();
  });
  it('keeps other fragment parameters when removing the token', () => {
    expect(hashWithoutToken(`#token=${TOKEN}`)).toBe('');
    expect(hashWithoutToken(`#a=1&token=${TOKEN}`)).toBe('#a=1');
  });
  it('stores a fresh token, strips it from the address bar and returns it', () => {
    const win = fakeWindow(`#token=${TOKEN}`);
    expect(adoptBrowserToken(win)).toBe(TOKEN);
    expect(win.store[TOKEN_STORAGE_KEY]).toBe(TOKEN);
    expect(win.urls).toEqual(['/?x=1']);
  });
  it('after a reload (no fragment) uses the stored token and touches no URL', () => {
    const win = fakeWindow('', { [TOKEN_STORAGE_KEY]: TOKEN });
    expect(adoptBrowserToken(win)).toBe(TOKEN);
    expect(win.urls).toEqual([]);
  });
  it('a fresh token replaces a stored one; blocked storage still yields the fresh token', () => {
    const other = 'Z'.repeat(43);
    const win = fakeWindow(`#token=${other}`, { [TOKEN_STORAGE_KEY]: TOKEN });
    expect(adoptBrowserToken(win)).toBe(other);
    const blocked = fakeWindow(`#token=${TOKEN}`, {}, true);
    expect(adoptBrowserToken(blocked)).toBe(TOKEN);
    expect(blocked.urls).toEqual(['/?x=1']);
  });
  it('has no token without fragment or storage', () => {
    expect(adoptBrowserToken(fakeWindow(''))).toBeUndefined();
  });
});
