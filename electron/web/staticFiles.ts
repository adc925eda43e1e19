/**
 * Path-safe static files for the browser-mode server: URL path -> file inside the renderer folder,
 * or undefined. Refuses NUL bytes, encoded separators that climb out, and anything that resolves
 * outside the root after normalisation (`/../package.json`, `/%2e%2e/`, `/..%2f`), or through a
 * symbolic link (the real path must lie inside the real root too).
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Content-Type for a file name; unknown kinds are served as opaque bytes. */
export function mimeTypeOf(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `root` that URL path `urlPath` (already without query) names, `index.html` for `/`;
 * undefined when it does not exist, is not a file, or would lie outside `root`.
 */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = resolve(root);
  const file = resolve(base, relative);
  if (!file.startsWith(base + sep)) return undefined;
  if (!existsSync(file) || !statSync(file).isFile()) return undefined;
  let real: string;
  let realBase: string;
  try {
    real = realpathSync(file);
    realBase = realpathSync(base);
  } catch {
    return undefined;
  }
  return real.startsWith(realBase + sep) ? real : undefined;
}
