// The shell in browser mode: the app starts with an example, offline; the host API and the static
// server accept only what they should.
import { request as httpRequest } from 'node:http';
import { expect, test } from './support/fixtures.ts';

/** A raw GET whose path is sent as given (browsers and fetch normalise `..` away before sending). */
function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('the app loads in browser mode with the example topology on the canvas', async ({ page, canvas, shot }) => {
  const consoleErrors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  await page.goto('/');
  await canvas.waitForNodes(2);
  expect(await canvas.nodes.count()).toBeGreaterThanOrEqual(2);
  await expect(page.getByRole('navigation', { name: 'Palette' })).toBeVisible();
  await shot('shell-start');
  expect(consoleErrors.filter((e) => /Content Security Policy|Refused to/.test(e))).toEqual([]);
});

test('the served page carries the strict CSP', async ({ request }) => {
  const res = await request.get('/');
  expect(res.status()).toBe(200);
  const csp = res.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/https?:/);
});

test('the host API answers the page but rejects other origins', async ({ request, baseURL }) => {
  const own = await request.post('/api/hostInfo', { data: {}, headers: { Origin: new URL(baseURL!).origin } });
  expect(own.status()).toBe(200);
  expect(await own.json()).toMatchObject({ mode: 'browser' });

  const foreign = await request.post('/api/hostInfo', { data: {}, headers: { Origin: 'http://evil.example' } });
  expect(foreign.status()).toBe(403);
  expect((await foreign.json()).error).toContain('cross-origin');

  const bad = await request.post('/api/loadExample', { data: { id: '../../etc/passwd' } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toContain('loadExample: invalid request (id:');
});

test('static paths cannot escape dist/renderer', async ({ baseURL }) => {
  for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/assets/..%2f..%2f..%2fpackage.json']) {
    const res = await rawGet(baseURL!, path);
    expect(res.status, path).toBe(404);
    expect(res.body, path).not.toContain('"name": "promtopo"');
  }
});
