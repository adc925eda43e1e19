// The IPC contract, checked without the Electron binary: every host operation has exactly one preload
// function and one main handler on the same channel, and nothing else crosses the bridge.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MENU_COMMAND_CHANNEL, hostChannel, hostOperations } from '../../src/host-api.ts';
import { createBridge } from '../preload/bridge.ts';
import { createHostHandlers } from '../services/hostHandlers.ts';
import type { HostServices } from '../services/hostHandlers.ts';
import { handleIpcCall, registerHostIpc } from './ipc.ts';
import type { IpcEventLike } from './ipc.ts';

const calls: string[] = [];
const services: HostServices = {
  exportBundle: async (req) => ({ ok: true, outDir: req.outDir, files: [], diagnostics: [] }),
  openDocument: async (req) => ({ ok: true, path: req.path, text: '{}', diagnostics: [] }),
  saveDocument: async (req) => ({ ok: true, path: req.path }),
  listExamples: async () => ({ examples: [] }),
  loadExample: async () => ({ ok: false, error: 'none' }),
  recentFiles: async () => ({ paths: ['/a.promtopo.json'] }),
  importConfigs: async () => ({ ok: false, diagnostics: [] }),
  rememberRecent: async (path) => void calls.push(`remember ${path}`),
  promtoolPath: () => '/usr/bin/promtool',
  homeDir: () => '/home/u',
};
const handlers = createHostHandlers(services, { mode: 'electron', version: '1.2.3' });
const appFrame: IpcEventLike = { senderFrame: { url: 'app://promtopo/index.html' } };

describe('preload bridge', () => {
  it('has one function per host operation plus onMenuCommand, and nothing else', () => {
    const bridge = createBridge(async () => undefined, () => () => {});
    expect(Object.keys(bridge).sort()).toEqual([...hostOperations, 'onMenuCommand'].sort());
  });
  it.each(hostOperations)('%s invokes its own channel with the request', async (op) => {
    const invoked: [string, unknown][] = [];
    const bridge = createBridge(async (channel, payload) => { invoked.push([channel, payload]); return 'answer'; }, () => () => {});
    const fn = bridge[op] as (req: unknown) => Promise<unknown>;
    await expect(fn({ probe: op })).resolves.toBe('answer');
    expect(invoked).toEqual([[hostChannel(op), { probe: op }]]);
  });
  it('subscribes menu commands on the menu channel and can unsubscribe', () => {
    const listeners = new Map<string, (p: unknown) => void>();
    const bridge = createBridge(async () => undefined, (channel, l) => { listeners.set(channel, l); return () => listeners.delete(channel); });
    const got: unknown[] = [];
    const off = bridge.onMenuCommand((c) => got.push(c));
    listeners.get(MENU_COMMAND_CHANNEL)?.({ id: 'edit.undo' });
    expect(got).toEqual([{ id: 'edit.undo' }]);
    off();
    expect(listeners.size).toBe(0);
  });
  it('exposes only the bridge object (no ipcRenderer, no generic invoke)', () => {
    const source = readFileSync(new URL('../preload/preload.ts', import.meta.url), 'utf8');
    expect(source.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(source).toContain("exposeInMainWorld('promtopo', bridge)");
  });
});

describe('main handlers', () => {
  it('cover exactly the host operations', () => {
    expect(Object.keys(handlers).sort()).toEqual([...hostOperations].sort());
  });
  it('registers one ipcMain handler per operation channel and nothing else', () => {
    const channels: string[] = [];
    registerHostIpc({ handle: (channel) => void channels.push(channel) }, handlers);
    expect(channels.sort()).toEqual(hostOperations.map(hostChannel).sort());
  });
});

describe('IPC sender check and payload re-parse', () => {
  it('answers the app frame with the parsed response', async () => {
    await expect(handleIpcCall(handlers, 'hostInfo', appFrame, {})).resolves.toEqual({ mode: 'electron', version: '1.2.3', promtool: '/usr/bin/promtool', homeDir: '/home/u' });
  });
  it('remembers a saved file as recent', async () => {
    await handleIpcCall(handlers, 'saveDocument', appFrame, { path: '/tmp/x.promtopo.json', document: '{}' });
    expect(calls).toContain('remember /tmp/x.promtopo.json');
  });
  it.each([
    ['no frame', {}],
    ['a null frame', { senderFrame: null }],
    ['a remote page', { senderFrame: { url: 'https://evil.example/' } }],
    ['a file:// page', { senderFrame: { url: 'file:///tmp/index.html' } }],
    ['a look-alike host', { senderFrame: { url: 'app://promtopo.evil/index.html' } }],
    ['a devtools frame', { senderFrame: { url: 'devtools://devtools/bundled/inspector.html' } }],
  ])('refuses %s', async (_name, event) => {
    await expect(handleIpcCall(handlers, 'recentFiles', event as IpcEventLike, {})).rejects.toThrow('recentFiles: refused: the request does not come from the PromTopo window');
  });
  it('refuses a payload that fails the schema, naming the field', async () => {
    await expect(handleIpcCall(handlers, 'openDocument', appFrame, { path: 42 })).rejects.toThrow(/openDocument: invalid request \(path: /);
  });
  it('refuses an extra-large or wrong-typed nested payload before the service runs', async () => {
    await expect(handleIpcCall(handlers, 'importConfigs', appFrame, { paths: [] })).rejects.toThrow(/importConfigs: invalid request \(paths: /);
    await expect(handleIpcCall(handlers, 'nativeEdit', appFrame, { action: 'openDevTools' })).rejects.toThrow(/nativeEdit: invalid request \(action: /);
  });
});
