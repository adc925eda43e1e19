/**
 * Browser mode: the built renderer and the host API over HTTP, bound to 127.0.0.1 only.
 *   GET/HEAD /...        static files from the renderer folder (path-safe), with the renderer's CSP
 *   POST /api/<op>       one host operation: JSON in, JSON out (400 bad payload, 401 missing or wrong
 *                        token, 403 foreign origin, 404 unknown op, 413 too large, 500 service failure;
 *                        errors as {"error": "..."})
 */
import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HostHandlers } from '../services/hostHandlers.ts';
import { invokeHostOperation } from '../services/hostHandlers.ts';
import { TOKEN_HEADER, pageUrlWithToken, tokenMatches } from './apiToken.ts';
import { RENDERER_CSP_HEADER } from './csp.ts';
import { rejectApiRequest, rejectStaticRequest } from './requestGuard.ts';
import { mimeTypeOf, resolveStaticPath } from './staticFiles.ts';

/** Largest API request body, in bytes (a 50 MiB document as a JSON string, plus room for escaping). */
export const MAX_API_BODY_BYTES = 64 * 1024 * 1024;

export interface WebServerOptions {
  /** TCP port; 0 picks a free one. */
  readonly port: number;
  /** Folder with the built renderer (dist/renderer). */
  readonly rendererDir: string;
  readonly handlers: HostHandlers;
  /** The secret every API call must carry in the X-PromTopo-Token header (apiToken.ts). */
  readonly token: string;
  /** Overrides MAX_API_BODY_BYTES (tests). */
  readonly maxBodyBytes?: number;
}

export interface RunningWebServer {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  /** The URL to open: `url` with the token in the fragment. Print it, never log it elsewhere. */
  readonly pageUrl: string;
  readonly port: number;
  close(): Promise<void>;
}

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge());
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function handleApi(req: IncomingMessage, res: ServerResponse, op: string, port: number, opts: WebServerOptions): Promise<void> {
  if (req.method !== 'POST') return send(res, 405, { error: 'the API takes POST' });
  const refused = rejectApiRequest(req.headers, port);
  if (refused) return send(res, 403, { error: refused });
  // The presented value is never echoed: the message says only that it is missing or wrong.
  if (!tokenMatches(req.headers[TOKEN_HEADER], opts.token)) {
    req.resume();
    return send(res, 401, { error: `refused: ${req.headers[TOKEN_HEADER] === undefined ? 'no' : 'wrong'} session token (open the URL browser mode printed)` });
  }
  const limit = opts.maxBodyBytes ?? MAX_API_BODY_BYTES;
  let text: string;
  try {
    text = await readBody(req, limit);
  } catch (e) {
    if (e instanceof BodyTooLarge) {
      res.setHeader('Connection', 'close');
      return send(res, 413, { error: `${op}: request larger than ${limit} bytes` });
    }
    return send(res, 400, { error: `${op}: could not read the request` });
  }
  let payload: unknown;
  try {
    payload = text === '' ? {} : JSON.parse(text);
  } catch {
    return send(res, 400, { error: `${op}: the request body is not valid JSON` });
  }
  const result = await invokeHostOperation(opts.handlers, op, payload);
  if (result.ok) send(res, 200, result.body);
  else send(res, result.status, { error: result.error });
}

function handleStatic(req: IncomingMessage, res: ServerResponse, path: string, port: number, rendererDir: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'static files take GET' });
  if (rejectStaticRequest(req.headers, port)) return send(res, 403, { error: 'refused: unknown Host' });
  const file = resolveStaticPath(rendererDir, path);
  if (!file) {
    res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    return void res.end('not found\n');
  }
  const isHtml = file.endsWith('.html');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': mimeTypeOf(file),
    'Cache-Control': isHtml ? 'no-cache' : 'max-age=3600',
    ...(isHtml ? { 'Content-Security-Policy': RENDERER_CSP_HEADER } : {}),
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).pipe(res);
}

/** Starts the server on 127.0.0.1 and resolves once it listens. */
export function startWebServer(opts: WebServerOptions): Promise<RunningWebServer> {
  let port = opts.port;
  const server: Server = createServer((req, res) => {
    // The raw target is parsed against a fixed base: only its path matters, `..` is normalised away.
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    } catch {
      return send(res, 400, { error: 'malformed URL' });
    }
    if (path.startsWith('/api/')) {
      handleApi(req, res, path.slice('/api/'.length), port, opts).catch(() => send(res, 500, { error: 'internal error' }));
    } else handleStatic(req, res, path, port, opts.rendererDir);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        pageUrl: pageUrlWithToken(`http://127.0.0.1:${port}/`, opts.token),
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
