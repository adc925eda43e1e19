// The shared dispatch both faces use: schema in, schema out, one-line errors, platform-only operations.
import { describe, expect, it } from 'vitest';
import { createHostHandlers, invokeHostOperation, isHostOperation } from './hostHandlers.ts';
import type { HostPlatform, HostServices } from './hostHandlers.ts';

function services(overrides: Partial<HostServices> = {}): HostServices {
  return {
    exportBundle: async (req) => ({ ok: true, outDir: req.outDir, files: [], diagnostics: [] }),
    openDocument: async (req) => ({ ok: false, path: req.path, diagnostics: [] }),
    saveDocument: async (req) => ({ ok: true, path: req.path }),
    listExamples: async () => ({ examples: [] }),
    loadExample: async () => ({ ok: false }),
    recentFiles: async () => ({ paths: [] }),
    importConfigs: async () => ({ ok: false, diagnostics: [] }),
    rememberRecent: async () => {},
    promtoolPath: () => undefined,
    homeDir: () => undefined,
    ...overrides,
  };
}
const browser: HostPlatform = { mode: 'browser', version: '1.0.0' };

describe('invokeHostOperation', () => {
  it('knows exactly the operations of host-api (no prototype keys)', () => {
    expect(isHostOperation('exportBundle')).toBe(true);
    expect(isHostOperation('constructor')).toBe(false);
    expect(isHostOperation('__proto__')).toBe(false);
  });
  it('turns a failing service into a 500 with one line, no stack trace', async () => {
    const handlers = createHostHandlers(services({ listExamples: async () => { throw new Error('EACCES: permission denied, scandir /x'); } }), browser);
    const r = await invokeHostOperation(handlers, 'listExamples', {});
    expect(r).toEqual({ ok: false, status: 500, error: 'listExamples failed: EACCES: permission denied, scandir /x' });
  });
  it('refuses a service answer of the wrong shape', async () => {
    const handlers = createHostHandlers(services({ recentFiles: async () => ({ paths: 'x' }) as never }), browser);
    const r = await invokeHostOperation(handlers, 'recentFiles', {});
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error).toMatch(/^recentFiles: the service answered an unexpected shape \(paths: /);
  });
  it('strips unknown request keys before the service sees them', async () => {
    let seen: unknown;
    const handlers = createHostHandlers(services({ saveDocument: async (req) => { seen = req; return { ok: true, path: req.path }; } }), browser);
    await invokeHostOperation(handlers, 'saveDocument', { path: '/a', document: '{}', extra: 'x' });
    expect(seen).toEqual({ path: '/a', document: '{}' });
  });
});

describe('platform-only operations', () => {
  it('answer "unsupported" in browser mode', async () => {
    const handlers = createHostHandlers(services(), browser);
    expect(await handlers.chooseFolder({})).toEqual({ supported: false });
    expect(await handlers.chooseFile({ purpose: 'open' })).toEqual({ supported: false, paths: [] });
    expect(await handlers.nativeEdit({ action: 'undo' })).toEqual({ ok: false });
    expect(await handlers.setDocumentState({ title: 'x', dirty: true })).toEqual({ ok: true });
    expect(await handlers.hostInfo({})).toEqual({ mode: 'browser', version: '1.0.0' });
  });
  it('reach the platform in Electron', async () => {
    const calls: string[] = [];
    const electron: HostPlatform = {
      mode: 'electron',
      version: '1.0.0',
      chooseFolder: async () => '/out',
      chooseFile: async (req) => (req.purpose === 'save' ? ['/a.promtopo.json'] : []),
      setDocumentState: (req) => void calls.push(`title ${req.title} ${req.dirty}`),
      nativeEdit: (action) => void calls.push(`edit ${action}`),
    };
    const handlers = createHostHandlers(services(), electron);
    expect(await handlers.chooseFolder({})).toEqual({ supported: true, path: '/out' });
    expect(await handlers.chooseFile({ purpose: 'save' })).toEqual({ supported: true, paths: ['/a.promtopo.json'] });
    expect(await handlers.chooseFile({ purpose: 'open' })).toEqual({ supported: true, paths: [] });
    await handlers.setDocumentState({ title: 'multi-dc', dirty: true });
    await handlers.nativeEdit({ action: 'paste' });
    expect(calls).toEqual(['title multi-dc true', 'edit paste']);
  });
});
