/** The API client against real local HTTP servers: size limits, timeouts, redirects, bad answers, URLs refused. */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseServerUrl, PrometheusApi } from './prometheusApi.ts';

let server: Server;
let base = '';
let redirectedTo = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/big') res.writeHead(200, { 'content-length': '10000' }).end('x'.repeat(10_000));
    else if (req.url === '/chunked') {
      res.writeHead(200);
      for (let i = 0; i < 10; i++) res.write('y'.repeat(1000));
      res.end();
    } else if (req.url === '/hang') {
      res.writeHead(200);
      res.flushHeaders(); // headers only, never a body
    }
    else if (req.url === '/redirect') res.writeHead(302, { location: '/elsewhere' }).end();
    else if (req.url === '/elsewhere') {
      redirectedTo++;
      res.writeHead(200).end('{"status":"success","data":{}}');
    } else if (req.url === '/html') res.writeHead(200).end('<html>not prometheus</html>');
    else if (req.url === '/error') res.writeHead(200).end('{"status":"error","error":"bad query"}');
    else if (req.url === '/ok') res.writeHead(200).end('{"status":"success","data":{"yaml":"global: {}"}}');
    else res.writeHead(404).end();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const a = server.address();
  base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((ok) => server.close(() => ok()));
});

describe('PrometheusApi', () => {
  it('reads the data of a success envelope', async () => {
    expect(await new PrometheusApi(base).data('/ok')).toEqual({ ok: true, value: { yaml: 'global: {}' } });
  });

  it('refuses a body over the size limit, declared or streamed', async () => {
    const api = new PrometheusApi(base, { maxResponseBytes: 5000 });
    const big = await api.text('/big');
    expect(big.ok ? '' : big.error).toBe(`${base}/big: the answer is 10000 bytes, more than the 5000-byte limit`);
    const chunked = await api.text('/chunked');
    expect(chunked.ok ? '' : chunked.error).toContain('larger than the 5000-byte limit');
  });

  it('gives up on a server that does not finish its answer', async () => {
    const r = await new PrometheusApi(base, { timeoutMs: 300 }).text('/hang');
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hang: no complete answer within 0.3 s$/);
  });

  it('does not follow redirects: only the URL given is read', async () => {
    const r = await new PrometheusApi(base).text('/redirect');
    expect(r.ok).toBe(false);
    expect(redirectedTo).toBe(0);
  });

  it('names the URL for 404, non-JSON and API errors', async () => {
    const api = new PrometheusApi(base);
    expect(await api.data('/missing')).toEqual({ ok: false, error: `${base}/missing: HTTP 404 (is this a Prometheus server?)` });
    expect(await api.data('/html')).toEqual({ ok: false, error: `${base}/html: the answer is not JSON (is this a Prometheus server?)` });
    expect(await api.data('/error')).toEqual({ ok: false, error: `${base}/error: bad query` });
  });
});

describe('parseServerUrl', () => {
  it.each([
    ['http://127.0.0.1:9090/', { ok: true, url: 'http://127.0.0.1:9090' }],
    [' https://prom.example/prometheus/ ', { ok: true, url: 'https://prom.example/prometheus' }],
  ])('accepts %s', (text, expected) => expect(parseServerUrl(text)).toEqual(expected));

  it.each([
    ['prom:9090', 'only http:// and https://'],
    ['not a url', 'is not a URL'],
    ['ftp://prom/', 'only http:// and https://'],
    ['http://admin:secret@prom:9090', 'a URL with a user name or password is refused'],
    ['http://prom:9090/?x=1', 'without ?query or #fragment'],
  ])('refuses %s', (text, message) => {
    const r = parseServerUrl(text);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error).toContain(message);
    expect(r.ok ? '' : r.error).not.toContain('secret');
  });
});
