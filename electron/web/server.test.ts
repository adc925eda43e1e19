import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostHandlers } from '../services/hostHandlers.ts';
import type { HostServices } from '../services/hostHandlers.ts';
import { RENDERER_CSP_HEADER } from './csp.ts';
import { startWebServer } from './server.ts';
import { TOKEN_HEADER, newApiToken } from './apiToken.ts';
import type { RunningWebServer } from './server.ts';

// A renderer folder inside a parent that also holds a secret, to prove nothing outside is served.
const parent = mkdtempSync(join(tmpdir(), 'promtopo-web-'));
const rendererDir = join(parent, 'renderer');
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>PromTopo</title>');
writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(parent, 'secret.json'), '{"secret":true}');

const token = newApiToken();
/** Paths the saveDocument service was asked to write. */
const saved: string[] = [];

const services: HostServices = {
  exportBundle: async (req) => ({ ok: false, outDir: req.outDir, files: [], diagnostics: [], error: 'not in this test' }),
  openDocument: async (req) => ({ ok: false, path: req.path, diagnostics: [] }),
  saveDocument: async (req) => {
    saved.push(req.path);
    return { ok: true, path: req.path };
  },
  listExamples: async () => ({ examples: [{ id: 'federation', name: 'Federation', description: 'leaves and a global' }] }),
  loadExample: async () => ({ ok: true, text: '{}' }),
  recentFiles: async () => ({ paths: [] }),
  importConfigs: async () => ({ ok: false, diagnostics: [] }),
  rememberRecent: async () => {},
  promtoolPath: () => undefined,
  homeDir: () => undefined,
};

let server: RunningWebServer;
beforeAll(async () => {
  server = await startWebServer({ port: 0, rendererDir, handlers: createHostHandlers(services, { mode: 'browser', version: '0.0.0-test' }), token, maxBodyBytes: 1024 });
});
afterAll(async () => {
  await server?.close();
  rmSync(parent, { recursive: true, force: true });
});

interface Reply { status: number; headers: Record<string, string | string[] | undefined>; body: string }

/** A raw HTTP request: the path is sent exactly as given (no client-side normalisation). */
function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path, headers: { host: `127.0.0.1:${server.port}`, ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const json = { 'content-type': 'application/json', [TOKEN_HEADER]: token };

describe('static files', () => {
  it('binds 127.0.0.1 and serves index.html with the CSP', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    const r = await raw('GET', '/');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['content-security-policy']).toBe(RENDERER_CSP_HEADER);
    expect(r.body).toContain('<title>PromTopo</title>');
  });
  it('serves assets with their MIME type', async () => {
    const r = await raw('GET', '/assets/app.js?v=1');
    expect([r.status, r.headers['content-type'], r.body]).toEqual([200, 'text/javascript; charset=utf-8', 'console.log(1)']);
  });
  it.each(['/../secret.json', '/%2e%2e/secret.json', '/..%2fsecret.json', '/assets/..%2f..%2fsecret.json', '/%00index.html', '/..\\secret.json', '/missing.js', '/assets'])(
    'does not serve %s',
    async (path) => {
      const r = await raw('GET', path);
      expect(r.status).toBe(404);
      expect(r.body).not.toContain('secret');
    },
  );
  it('refuses a foreign Host (DNS rebinding)', async () => {
    expect((await raw('GET', '/', { host: 'evil.example:80' })).status).toBe(403);
  });
});

describe('POST /api/<op>', () => {
  it('answers a valid request with the parsed response', async () => {
    const r = await raw('POST', '/api/listExamples', json, '{}');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ examples: [{ id: 'federation', name: 'Federation', description: 'leaves and a global' }] });
  });
  it('answers hostInfo with the browser face', async () => {
    const r = await raw('POST', '/api/hostInfo', { ...json, origin: `http://localhost:${server.port}` }, '{}');
    expect(JSON.parse(r.body)).toEqual({ mode: 'browser', version: '0.0.0-test' });
  });
  it.each([
    ['a payload that fails the schema', '/api/loadExample', json, '{"id":"../x"}', 400, /loadExample: invalid request \(id: /],
    ['malformed JSON', '/api/listExamples', json, '{', 400, /not valid JSON/],
    ['an unknown operation', '/api/readFile', json, '{}', 404, /unknown host operation "readFile"/],
    ['a prototype key as operation', '/api/toString', json, '{}', 404, /unknown host operation/],
    ['another origin', '/api/listExamples', { ...json, origin: 'http://evil.example' }, '{}', 403, /cross-origin request from "http:\/\/evil.example"/],
    ['a cross-site fetch', '/api/listExamples', { ...json, 'sec-fetch-site': 'cross-site' }, '{}', 403, /cross-site/],
    ['a rebinding host name', '/api/listExamples', { ...json, host: `evil.example:${0}` }, '{}', 403, /Host "evil.example:0"/],
    ['a form post (not JSON)', '/api/listExamples', { 'content-type': 'text/plain' }, '{}', 403, /takes application\/json/],
    ['a body over the limit', '/api/saveDocument', json, JSON.stringify({ path: '/x', document: 'x'.repeat(2000) }), 413, /larger than 1024 bytes/],
  ] as const)('refuses %s', async (_name, path, headers, body, status, message) => {
    const r = await raw('POST', path, { ...headers }, body);
    expect(r.status).toBe(status);
    expect(JSON.parse(r.body).error).toMatch(message);
  });
  it.each([
    ['without the token', { 'content-type': 'application/json' }, /no session token/],
    ['with a wrong token', { 'content-type': 'application/json', [TOKEN_HEADER]: newApiToken() }, /wrong session token/],
    ['with the token as a prefix', { 'content-type': 'application/json', [TOKEN_HEADER]: `${token}x` }, /wrong session token/],
    ['with an empty token', { 'content-type': 'application/json', [TOKEN_HEADER]: '' }, /wrong session token/],
  ] as const)('refuses a call %s and writes nothing', async (_name, headers, message) => {
    const before = saved.length;
    const r = await raw('POST', '/api/saveDocument', { ...headers }, JSON.stringify({ path: '/tmp/x.promtopo.json', document: '{}' }));
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body).error).toMatch(message);
    expect(r.body).not.toContain(token);
    expect(saved.length).toBe(before);
  });
  it('gives the page its token in the URL fragment only', () => {
    expect(server.pageUrl).toBe(`http://127.0.0.1:${server.port}/#token=${token}`);
  });
  it('refuses GET on the API', async () => {
    expect((await raw('GET', '/api/listExamples')).status).toBe(405);
  });
});
