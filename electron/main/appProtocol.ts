/**
 * The `app://promtopo/...` protocol: the built renderer served from dist/renderer with the same
 * path-safety and CSP as browser mode. Returns a web `Response` (what `protocol.handle` expects);
 * no `electron` import, so tests call it directly.
 */
import { readFile } from 'node:fs/promises';
import { RENDERER_CSP_HEADER } from '../web/csp.ts';
import { mimeTypeOf, resolveStaticPath } from '../web/staticFiles.ts';

export async function serveAppRequest(rendererDir: string, requestUrl: string): Promise<Response> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return new Response('bad request', { status: 400 });
  }
  if (url.protocol !== 'app:' || url.host !== 'promtopo') return new Response('not found', { status: 404 });
  const file = resolveStaticPath(rendererDir, url.pathname);
  if (!file) return new Response('not found', { status: 404 });
  const body = await readFile(file);
  const headers: Record<string, string> = { 'Content-Type': mimeTypeOf(file), 'X-Content-Type-Options': 'nosniff' };
  if (file.endsWith('.html')) headers['Content-Security-Policy'] = RENDERER_CSP_HEADER;
  return new Response(new Uint8Array(body), { status: 200, headers });
}
