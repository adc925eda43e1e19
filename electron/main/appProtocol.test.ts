import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RENDERER_CSP_HEADER } from '../web/csp.ts';
import { serveAppRequest } from './appProtocol.ts';

const parent = mkdtempSync(join(tmpdir(), 'promtopo-app-'));
const dir = join(parent, 'renderer');
mkdirSync(join(dir, 'assets'), { recursive: true });
writeFileSync(join(dir, 'index.html'), '<!doctype html>');
writeFileSync(join(dir, 'assets', 'a.js'), 'x');
writeFileSync(join(parent, 'secret.txt'), 'secret');
// Links planted inside the renderer folder: one leading out of it, one staying inside.
symlinkSync(join(parent, 'secret.txt'), join(dir, 'assets', 'leak.js'));
symlinkSync(parent, join(dir, 'up'));
symlinkSync(join(dir, 'assets', 'a.js'), join(dir, 'alias.js'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe('app:// protocol', () => {
  it('serves index.html with the CSP', async () => {
    const r = await serveAppRequest(dir, 'app://promtopo/index.html');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toBe(RENDERER_CSP_HEADER);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });
  it('serves assets with their MIME type', async () => {
    const r = await serveAppRequest(dir, 'app://promtopo/assets/a.js');
    expect([r.status, r.headers.get('content-type'), await r.text()]).toEqual([200, 'text/javascript; charset=utf-8', 'x']);
  });
  it.each(['app://promtopo/../secret.txt', 'app://promtopo/%2e%2e/secret.txt', 'app://promtopo/..%2fsecret.txt', 'app://other/index.html', 'file:///etc/passwd', 'app://promtopo/missing.js', 'app://promtopo/assets/leak.js', 'app://promtopo/up/secret.txt'])(
    'answers 404 for %s',
    async (url) => {
      const r = await serveAppRequest(dir, url);
      expect(r.status).toBe(404);
    },
  );
  it('follows a link that stays inside the renderer folder', async () => {
    const r = await serveAppRequest(dir, 'app://promtopo/alias.js');
    expect([r.status, await r.text()]).toEqual([200, 'x']);
  });
});
