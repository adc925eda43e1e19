/**
 * The per-start secret of browser mode. Every API call must carry it in the `X-PromTopo-Token`
 * header: another account on the machine can reach 127.0.0.1 but cannot read the URL this server
 * printed, so it cannot write files as the user who started it. The page receives the token in the
 * URL fragment (`/#token=...`, never sent over the network), keeps it in sessionStorage and removes
 * it from the address bar.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The request header that carries the token (lower-case, as Node gives header names). */
export const TOKEN_HEADER = 'x-promtopo-token';

/** Environment variable through which a test hands the server a known token. */
export const TOKEN_ENV = 'PROMTOPO_WEB_TOKEN';

/** A token of 32 random bytes, URL-safe base64 (43 characters). */
export function newApiToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A token given from outside must be as strong as a generated one and URL-safe. */
export function isAcceptableToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{32,256}$/.test(token);
}

/** The token to use: `$PROMTOPO_WEB_TOKEN` when set and acceptable, else a fresh random one. */
export function chooseApiToken(env: Readonly<Record<string, string | undefined>>): { token: string } | { error: string } {
  const given = env[TOKEN_ENV];
  if (given === undefined || given === '') return { token: newApiToken() };
  if (!isAcceptableToken(given)) return { error: `${TOKEN_ENV} must be 32 to 256 characters of A-Z, a-z, 0-9, "-" or "_"` };
  return { token: given };
}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Constant-time comparison of a presented header value with the token (both hashed to equal length). */
export function tokenMatches(presented: string | string[] | undefined, token: string): boolean {
  const value = Array.isArray(presented) ? presented[0] : presented;
  if (typeof value !== 'string') return false;
  return timingSafeEqual(digest(value), digest(token));
}

/** The address to open: the server's URL with the token in the fragment. */
export function pageUrlWithToken(baseUrl: string, token: string): string {
  return `${baseUrl}#token=${token}`;
}
