import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_RECENT_FILES, addRecentFile, readSettings, recentFiles, serverLinks, setPreference, settingsDir } from './settings.ts';
import { serverLinksOperation } from './serverService.ts';

const root = mkdtempSync(join(tmpdir(), 'promtopo-settings-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = (): string => join(root, `c${n++}`);

describe('settingsDir', () => {
  it.each([
    [{ PROMTOPO_CONFIG_DIR: '/p', XDG_CONFIG_HOME: '/x' }, '/p'],
    [{ XDG_CONFIG_HOME: '/x' }, '/x/promtopo'],
  ])('%j -> %s', (env, expected) => {
    expect(settingsDir(env)).toBe(expected);
  });
});

describe('settings', () => {
  it('keeps recent files newest first, deduplicated and capped', async () => {
    const dir = fresh();
    for (let i = 0; i < MAX_RECENT_FILES + 3; i++) await addRecentFile(`/f${i}`, dir);
    await addRecentFile('/f5', dir);
    const { paths } = await recentFiles(dir);
    expect(paths).toHaveLength(MAX_RECENT_FILES);
    expect(paths.slice(0, 3)).toEqual(['/f5', `/f${MAX_RECENT_FILES + 2}`, `/f${MAX_RECENT_FILES + 1}`]);
    expect(paths.filter((p) => p === '/f5')).toHaveLength(1);
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('reads a corrupt file as the defaults, and the next write repairs it', async () => {
    const dir = fresh();
    mkdirSync(dir);
    writeFileSync(join(dir, 'settings.json'), '{"recentFiles": 42');
    expect(await readSettings(dir)).toEqual({ recentFiles: [], preferences: {}, serverLinks: {} });
    writeFileSync(join(dir, 'settings.json'), '{"recentFiles": "not a list"}');
    expect(await readSettings(dir)).toEqual({ recentFiles: [], preferences: {}, serverLinks: {} });
    await setPreference('theme', 'dark', dir);
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toEqual({ recentFiles: [], preferences: { theme: 'dark' }, serverLinks: {} });
  });

  it('keeps preferences and recent files side by side', async () => {
    const dir = fresh();
    await setPreference('lastExportDir', '/tmp/out', dir);
    await addRecentFile('/a.promtopo.json', dir);
    expect(await readSettings(dir)).toEqual({ recentFiles: ['/a.promtopo.json'], preferences: { lastExportDir: '/tmp/out' }, serverLinks: {} });
  });
});

describe('server links', () => {
  it('links, relinks and unlinks a server node, beside the other settings, through the host operation', async () => {
    const dir = join(root, 'links');
    await setPreference('theme', 'dark', dir);
    expect(await serverLinksOperation({ set: { key: 'doc\u0000leaf', url: 'http://127.0.0.1:9090/' } }, dir)).toEqual({ ok: true, links: { 'doc\u0000leaf': 'http://127.0.0.1:9090' } });
    await serverLinksOperation({ set: { key: 'doc\u0000leaf', url: 'http://127.0.0.1:9091' } }, dir);
    await serverLinksOperation({ set: { key: 'doc\u0000global', url: 'http://127.0.0.1:9092' } }, dir);
    expect(await serverLinks(dir)).toEqual({ 'doc\u0000leaf': 'http://127.0.0.1:9091', 'doc\u0000global': 'http://127.0.0.1:9092' });
    expect((await serverLinksOperation({ set: { key: 'doc\u0000leaf', url: null } }, dir)).links).toEqual({ 'doc\u0000global': 'http://127.0.0.1:9092' });
    expect((await readSettings(dir)).preferences).toEqual({ theme: 'dark' });
  });

  it('stores no URL with credentials (refused, nothing written)', async () => {
    const dir = join(root, 'links-refused');
    const r = await serverLinksOperation({ set: { key: 'k', url: 'http://admin:secret@prom:9090' } }, dir);
    expect(r.ok).toBe(false);
    expect(r.links).toEqual({});
    expect(JSON.stringify(await readSettings(dir))).not.toContain('secret');
  });
});
