/**
 * Browser mode's session token on the page side. The server prints `http://127.0.0.1:PORT/#token=...`;
 * the page takes the token from the fragment once, keeps it in sessionStorage (so a reload of this
 * tab still works) and removes it from the address bar (so it is not bookmarked, shared or shown).
 */

/** sessionStorage key of the token. */
export const TOKEN_STORAGE_KEY = 'promtopo.apiToken';

/** What the page needs of `window` (a parameter, so tests pass a plain object). */
export interface TokenWindow {
  readonly location: { readonly hash: string; readonly pathname: string; readonly search: string };
  readonly history: { replaceState(data: unknown, unused: string, url?: string): void };
  readonly sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
}

/** The token named in a fragment `#token=...` (other fragment parameters are kept apart), if any. */
export function tokenFromHash(hash: string): string | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  return token && /^[A-Za-z0-9_-]{32,256}$/.test(token) ? token : undefined;
}

/** The fragment left once the token is taken out of it ('' when nothing else was there). */
export function hashWithoutToken(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  params.delete('token');
  const rest = params.toString();
  return rest ? `#${rest}` : '';
}

/**
 * Takes the token from the address bar into sessionStorage (removing it from the address), and
 * returns the token to send: the fresh one, else the one this tab stored before.
 */
export function adoptBrowserToken(win: TokenWindow): string | undefined {
  const fresh = tokenFromHash(win.location.hash);
  let stored: string | null = null;
  try {
    if (fresh) win.sessionStorage.setItem(TOKEN_STORAGE_KEY, fresh);
    stored = win.sessionStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    // Storage blocked: the token still works for this page, only not after a reload.
  }
  if (fresh) win.history.replaceState(null, '', `${win.location.pathname}${win.location.search}${hashWithoutToken(win.location.hash)}`);
  return fresh ?? stored ?? undefined;
}
