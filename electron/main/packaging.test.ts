// electron-builder cannot package here (it downloads Electron), so its config is checked as data.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const config = parse(readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8')) as {
  files: string[];
  linux: { target: string[] };
  fileAssociations: { ext: string; mimeType: string }[];
  extraResources: { from: string; to: string }[];
  electronFuses: Record<string, boolean>;
};
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { main: string };
const build = readFileSync(new URL('../../scripts/build.mjs', import.meta.url), 'utf8');
const main = readFileSync(new URL('./main.ts', import.meta.url), 'utf8');

describe('electron-builder.yml', () => {
  it('builds an AppImage and a deb for Linux', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });
  it('associates .promtopo.json files with the app, and main opens a file given on the command line', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'promtopo.json', mimeType: 'application/x-promtopo+json' })]);
    expect(main).toContain("endsWith('.promtopo.json')");
  });
  it('ships the entry package.json names, as built by scripts/build.mjs, with the renderer and the preload beside it', () => {
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(build).toContain("outfile: 'dist/electron/main.cjs'");
    expect(build).toContain("outfile: 'dist/electron/preload.cjs'");
    expect(main).toContain("join(here, 'preload.cjs')");
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', 'package.json']));
  });
  it('ships the examples where main.ts looks for them', () => {
    expect(config.extraResources).toContainEqual(expect.objectContaining({ from: 'assets/examples', to: 'assets/examples' }));
    expect(main).toContain("join(process.resourcesPath, 'assets')");
  });
  it('sets the Electron fuses that close RunAsNode, NODE_OPTIONS, --inspect and code outside the checked asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });
  it("passes electron-builder's own schema (unknown or misspelt keys fail)", async () => {
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(c: unknown, logger: { isEnabled: boolean; add(k: string, v: unknown): void }): Promise<void>;
    };
    const logger = { isEnabled: false, add: () => {} };
    await expect(validateConfiguration(structuredClone(config), logger)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...structuredClone(config), electronFuses: { runAsNod: false } }, logger)).rejects.toThrow(/Invalid configuration object[\s\S]*electronFuses/);
  });
});
