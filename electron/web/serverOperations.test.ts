/**
 * Browser mode's host and the operations that reach out to running servers: requests from another
 * origin, a cross-site fetch or without the session token are refused before any request leaves for
 * the URL in the payload; from the page itself, the URL is read (and only that URL).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostHandlers, createNodeHostServices } from '../services/hostHandlers.ts';
import { TOKEN_HEADER, newApiToken } from './apiToken.ts';
import { startWebServer, type RunningWebServer } from './server.ts';

const rendererDir = mkdtempSync(join(tmpdir(), 'promtopo-web-ops-'));
const token = newApiToken();
let host: RunningWebServer;
let target: Server;
let targetUrl = '';
const hits: string[] = [];

beforeAll(async () => {
  target = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(404).end();
  });
  await new Promise<void>((ok) => target.listen(0, '127.0.0.1', () => ok()));
  const a = target.address();
  targetUrl = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
  host = await startWebServer({ port: 0, rendererDir, handlers: createHostHandlers(createNodeHostServices(), { mode: 'browser', version: '0.0.0-test' }), token });
});
afterAll(async () => {
  await host?.close();
  await new Promise<void>((ok) => target.close(() => ok()));
  rmSync(rendererDir, { recursive: true, force: true });
});

function post(op: string, headers: Record<string, string>, body: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, method: 'POST', path: `/api/${op}`, headers: { host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const page = { 'content-type': 'application/json', [TOKEN_HEADER]: token };

describe('browser mode: operations on running servers', () => {
  it.each([
    ['another origin', { ...page, origin: 'http://evil.example' }, 403],
    ['a cross-site fetch', { ...page, 'sec-fetch-site': 'cross-site' }, 403],
    ['no session token', { 'content-type': 'application/json' }, 401],
  ])('refuses measureServer and importFromServer from %s, and nothing reaches the URL', async (_what, headers, status) => {
    const before = hits.length;
    expect((await post('measureServer', headers, { url: targetUrl })).status).toBe(status);
    expect((await post('importFromServer', headers, { url: targetUrl })).status).toBe(status);
    expect((await post('serverLinks', headers, { set: { key: 'x', url: targetUrl } })).status).toBe(status);
    expect(hits.length).toBe(before);
  });

  it('from the page, reads only the URL given and says what it found there', async () => {
    const before = hits.length;
    const r = await post('measureServer', page, { url: targetUrl });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ ok: false, url: targetUrl, error: `${targetUrl}/api/v1/status/config: HTTP 404 (is this a Prometheus server?)` });
    expect(hits.slice(before)).toEqual(['/api/v1/status/config']);
  });

  it('refuses a URL with credentials before any request', async () => {
    const before = hits.length;
    const r = JSON.parse((await post('measureServer', page, { url: targetUrl.replace('http://', 'http://admin:pw@') })).body) as { ok: boolean; error: string };
    expect(r.ok).toBe(false);
    expect(r.error).toContain('user name or password is refused');
    expect(hits.length).toBe(before);
  });
});
