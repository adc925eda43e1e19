import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAllowedNavigation, isPermissionGranted, isTrustedSenderUrl, secureWebPreferences } from './security.ts';

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the page, with no Node and no webviews', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('isTrustedSenderUrl', () => {
  it.each([
    [APP_ENTRY_URL, true],
    ['app://promtopo/', true],
    ['app://promtopo/index.html#/x?y', true],
    ['app://promtopo.evil/index.html', false],
    ['app://user@promtopo/index.html', false],
    ['app://other/index.html', false],
    ['http://127.0.0.1:5173/', false],
    ['file:///home/u/index.html', false],
    ['', false],
    [undefined, false],
    ['not a url', false],
  ])('%s -> %s', (url, trusted) => {
    expect(isTrustedSenderUrl(url)).toBe(trusted);
  });
});

describe('navigation and permissions', () => {
  it.each(['https://prometheus.io/docs', 'app://promtopo/other.html', 'file:///etc/passwd'])('blocks navigation to %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
  it.each(['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal'])('denies the %s permission', (p) => {
    expect(isPermissionGranted(p)).toBe(false);
  });
  it('main.ts wires every guard (window open, navigation, webviews, permissions, app:// protocol)', () => {
    const main = readFileSync(new URL('./main.ts', import.meta.url), 'utf8');
    for (const needle of [
      "setWindowOpenHandler(() => ({ action: 'deny' }))",
      "contents.on('will-navigate'",
      "contents.on('will-attach-webview'",
      'setPermissionRequestHandler',
      'setPermissionCheckHandler',
      'protocol.handle(APP_SCHEME',
      'secureWebPreferences(preloadPath)',
      'win.loadURL(APP_ENTRY_URL)',
    ]) expect(main, needle).toContain(needle);
    expect(main).not.toMatch(/loadFile\(|file:\/\//);
  });
});
